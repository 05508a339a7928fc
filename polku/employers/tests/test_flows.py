"""Pages and counts of employers: the whole introduction flow, targets, the dashboard section with
suppression, the home page's follow-ups, the participant's export and erasure."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from polku.activities.metrics import EVERYWHERE, Within
from polku.activities.models import Target
from polku.audit.models import AuditEvent
from polku.core.personal_data import providers
from polku.employers import metrics
from polku.employers.models import Introduction
from polku.employers.tests.factories import entry, introduction, scene
from polku.testing import factories as f


@pytest.fixture
def s(world):
    world.employer = f.UserFactory(email="rep@example.org")
    f.membership(world.employer, f.Role.EMPLOYER, partner=world.a)
    world.scene = scene(world)
    return world


def test_employer_asks_participant_approves_employer_sees_the_name(s, client):
    need = s.scene.need
    client.force_login(s.employer)
    page = client.get(reverse("employers:need", args=[need.pk]))
    row = page.context["candidates"][0]
    assert "Amina" not in page.content.decode()
    assert "Has 1 of the 2 required skills: use Python" in row.fit.reasons
    client.post(reverse("employers:need_propose", args=[need.pk]), {"candidate": row.profile["ref"]})
    intro = Introduction.objects.get(need=need)
    # before approval: the contact route is a 404 and the page names nobody
    assert client.get(f"/api/v1/introductions/{intro.pk}/contact/").status_code == 404
    assert "Amina" not in client.get(reverse("employers:introduction", args=[intro.pk])).content.decode()
    client.force_login(s.user_a)
    mine = client.get(reverse("employers:mine_introductions")).content.decode()
    assert "Nordic Data Oy" in mine and "Data analyst intern" in mine
    client.post(reverse("employers:mine_decide", args=[intro.pk]), {"decision": "approve"})
    client.force_login(s.employer)
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, object_id=str(intro.pk))
    before = reads.count()
    html = client.get(reverse("employers:introduction", args=[intro.pk])).content.decode()
    assert "Amina Yusuf" in html and s.part_a.person.email in html
    assert reads.count() == before + 1  # the reveal is an audit event


def test_participant_sees_opportunities_with_reasons_and_opts_out(s, client):
    client.force_login(s.user_a)
    html = client.get(reverse("employers:mine")).content.decode()
    assert "Data analyst intern" in html and "Missing required skills: use SQL" in html
    assert "0.5" not in html and "8333" not in html
    client.post(reverse("employers:mine_choice", args=[s.part_a.pk]), {"choice": "out"})
    html = client.get(reverse("employers:mine")).content.decode()
    assert "Let employers find me" in html


def test_bad_need_input_keeps_what_was_typed(s, client):
    client.force_login(s.employer)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("employers:need_create", args=[s.scene.employer.pk]),
        {
            "kind": "job",
            "title": "",
            "description": "Typed text",
            "mode": "remote",
            "openings": "1",
            "closes_on": yesterday,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the need a title." in html and "The closing date has passed" in html and "Typed text" in html


def test_duplicate_business_id_on_the_page(s, client):
    client.force_login(s.coord_a)
    body = {"partner": s.a.pk, "name": "Acme", "business_id": "0201256-6", "country": "FI"}
    assert client.post(reverse("employers:index"), body).status_code == 302
    response = client.post(reverse("employers:index"), body | {"name": "Acme 2"})
    assert response.status_code == 400
    assert "already has this business ID" in response.content.decode()


def test_targets_count_companies_needs_introductions_and_placements(s):
    entry(s.scene.employer)
    entry(s.scene.employer)
    intro = introduction(s.scene.need, s.part_a, status="approved", started_on=timezone.localdate())
    target = Target(project=s.project, metric="companies_engaged", value=30)
    assert metrics.companies_engaged(target) == 1
    assert metrics.needs_opened(target) == 1
    assert metrics.needs_opened(Target(project=s.project, metric="needs_opened", kind="job", value=1)) == 0
    assert metrics.introductions_approved(target) == 1
    assert metrics.placements(target) == 1
    assert metrics.companies_engaged(target, Within(partner_ids=frozenset({s.b.pk}))) == 0
    assert metrics.placements(target, Within(since=timezone.localdate() + dt.timedelta(days=1))) == 0
    assert (
        metrics.placements(Target(project=s.project, partner=s.b, metric="placements", value=1), EVERYWHERE)
        == 0
    )
    assert intro.pk


def test_dashboard_section_suppresses_people_for_the_lead(s, client, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    entry(s.scene.employer)
    introduction(s.scene.need, s.part_a, status="approved")
    client.force_login(s.lead)
    html = client.get(reverse("dashboards:dashboard", args=[s.project.code])).content.decode()
    assert "Companies engaged" in html and "Hidden: too few to show" in html
    client.force_login(s.admin)
    html = client.get(reverse("dashboards:dashboard", args=[s.project.code])).content.decode()
    assert "Approved by the participant" in html


def test_home_shows_company_follow_ups_due(s, client):
    entry(
        s.scene.employer,
        follow_up_on=timezone.localdate() - dt.timedelta(days=1),
        needs_identified="Two interns",
    )
    client.force_login(s.coord_a)
    html = client.get(reverse("home")).content.decode()
    assert "Company follow-ups due" in html and "Nordic Data Oy" in html
    client.force_login(s.coord_b)
    assert "Company follow-ups due" not in client.get(reverse("home")).content.decode()


def test_export_and_erasure_cover_introductions(s):
    intro = introduction(s.scene.need, s.part_a, status="declined", message="Strong analyst")
    provider = next(p for p in providers() if p.name == "employers")
    assert provider.export and provider.anonymise and provider.erase
    exported = provider.export(s.part_a.person)
    text = str(exported)
    assert "Nordic Data Oy" in text and "Data analyst intern" in text and "declined" in text
    assert provider.anonymise(s.part_a.person) == 1
    intro.refresh_from_db()
    assert intro.message == ""
    assert provider.erase(s.part_a.person).erased
    assert not Introduction.objects.filter(pk=intro.pk).exists()
