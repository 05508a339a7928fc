"""The pages: a participant writes a canvas and moves the stage (an error names the rule and keeps the
page), the pipeline board by stage, the expert's list, the dashboard section with suppression."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from polku.audit.models import AuditEvent
from polku.entrepreneurship.models import BusinessIdea, Company, Stage
from polku.entrepreneurship.tests.factories import (
    BusinessIdeaFactory,
    SparringFactory,
    SparringSessionFactory,
)

pytestmark = pytest.mark.django_db


def test_participant_writes_an_idea_and_its_canvas(client, world):
    client.force_login(world.user_a)
    response = client.post(reverse("entrepreneurship:idea_create"), {"title": "", "industry": "56"})
    assert response.status_code == 400 and "Give the idea a name." in response.content.decode()
    assert 'value="56" selected' in response.content.decode()  # what was typed is kept
    response = client.post(
        reverse("entrepreneurship:idea_create"),
        {
            "title": "Meal kits",
            "industry": "56",
            "problem": "No halal meals",
            "customer_segments": "Families",
            "unique_value": "Fast",
        },
    )
    idea = BusinessIdea.objects.get()
    assert response.status_code == 302 and idea.participation == world.part_a
    page = client.get(reverse("entrepreneurship:idea", args=[idea.pk])).content.decode()
    assert "Food and beverage service activities" in page and ">56<" not in page  # the name, never the code
    assert not AuditEvent.objects.filter(action="read").exists()  # the team's own reads are not logged


def test_a_forbidden_stage_jump_names_the_rule_on_the_page(client, world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    client.force_login(world.user_a)
    response = client.post(reverse("entrepreneurship:stage", args=[idea.pk]), {"stage": "started"})
    assert response.status_code == 400
    assert "one stage at a time" in response.content.decode()
    idea.refresh_from_db()
    assert idea.stage == Stage.IDEA


def test_stage_error_in_finnish(client, world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    client.force_login(world.user_a)
    response = client.post(
        reverse("entrepreneurship:stage", args=[idea.pk]), {"stage": "started"}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert response.status_code == 400 and "vaihe kerrallaan" in response.content.decode()


def test_pipeline_board_shows_columns_by_stage_for_own_partner_only(client, world):
    BusinessIdeaFactory(participation=world.part_a, title="Idea of A", stage=Stage.VALIDATING)
    BusinessIdeaFactory(participation=world.part_b, title="Idea of B")
    client.force_login(world.coord_a)
    page = client.get(reverse("entrepreneurship:pipeline")).content.decode()
    assert "Idea of A" in page and "Idea of B" not in page
    assert page.index('id="stage-validating"') < page.index("Idea of A")


def test_staff_read_of_an_idea_is_audited(client, world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    client.force_login(world.coord_a)
    assert client.get(reverse("entrepreneurship:idea", args=[idea.pk])).status_code == 200
    assert AuditEvent.objects.filter(action="read", object_type="entrepreneurship.businessidea").count() == 1


def test_sparring_notes_private_to_team_and_expert(client, world):
    session = SparringSessionFactory(sparring__idea__participation=world.part_a, notes="Secret pricing talk")
    url = reverse("entrepreneurship:sparring_detail", args=[session.sparring_id])
    client.force_login(world.coord_a)
    assert client.get(url).status_code == 404
    client.force_login(world.user_a)
    assert "Secret pricing talk" in client.get(url).content.decode()
    client.force_login(session.sparring.expert)
    assert "Secret pricing talk" in client.get(url).content.decode()


def _company(participation, how, day=dt.date(2025, 5, 1)):
    return Company.objects.create(
        participation=participation,
        how=how,
        name="X",
        country="FI",
        business_id=f"01012{Company.objects.count()}-0",
        company_form="limited",
        registered_on=day,
    )


def test_dashboard_section_counts_and_suppresses(client, world, settings):
    for _ in range(3):
        BusinessIdeaFactory(participation=world.part_a)
    SparringSessionFactory(sparring=SparringFactory(idea__participation=world.part_a), duration_minutes=90)
    _company(world.part_a, "founded")
    _company(world.part_a, "taken_over")
    url = reverse("dashboards:dashboard", args=[world.project.code])
    client.force_login(world.coord_a)  # coordinates the partner in view: exact counts
    page = client.get(url + f"?partner={world.a.pk}").content.decode()
    assert "Business ideas per stage" in page and 'data-total="taken_over">1<' in page
    assert "1.5 h" in page or "1,5 h" in page
    client.force_login(world.lead)  # the whole project, small cells hidden
    page = client.get(url).content.decode()
    assert 'data-total="taken_over">1<' not in page and "Companies founded and taken over per partner" in page


def test_pipeline_queries_do_not_grow_with_ideas(client, world):
    client.force_login(world.coord_a)
    url = reverse("entrepreneurship:pipeline")
    BusinessIdeaFactory(participation=world.part_a)
    client.get(url)  # the session and caches warm
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        BusinessIdeaFactory(participation=world.part_a)
    with CaptureQueriesContext(connection) as many:
        assert "Halal meal kits" in client.get(url).content.decode()
    assert len(many) == len(few)
