"""A project-wide programme and partner isolation (decision 0060): the lead who coordinates partner a runs
the programme but reads partner b's mentees only when they agreed at joining; anything else stays b's."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from polku.accounts.models import Role
from polku.mentoring.models import MenteeRequest
from polku.mentoring.tests import factories as mf
from polku.testing import factories as f


@pytest.fixture
def wide(world):
    """Crossing Borders: a mentor circle of the whole project; the lead also coordinates partner a."""
    f.membership(world.lead, Role.COORDINATOR, partner=world.a)
    programme = mf.ProgrammeFactory(project=world.project, partner=None, mode="self_service")
    world.mentee_a = mf.MenteeRequestFactory(
        programme=programme, participation=world.part_a, employer="Alpha Oy", wishes="Start-up advice"
    )
    world.mentee_b = mf.MenteeRequestFactory(
        programme=programme, participation=world.part_b, employer="Beta Ab", wishes="A job in Oslo"
    )
    return programme


def _names(response) -> set[str]:
    return {row["name"] for row in response.json()["results"]}


def test_the_lead_reads_only_their_own_partners_mentees_without_consent(client, world, wide):
    client.force_login(world.lead)

    api = client.get(f"/api/v1/mentoring/programmes/{wide.pk}/mentees/")
    page = client.get(reverse("mentoring:programme", args=[wide.pk]))

    assert _names(api) == {world.part_a.person.full_name}
    content = page.content.decode()
    assert world.part_a.person.full_name in content
    assert world.part_b.person.full_name not in content and "Beta Ab" not in content
    assert "A job in Oslo" not in content
    assert page.context["hidden_mentees"] == 1


def test_with_the_mentees_consent_the_lead_sees_them(client, world, wide):
    MenteeRequest.objects.filter(pk=world.mentee_b.pk).update(shared_with_other_partners_at=timezone.now())
    client.force_login(world.lead)

    api = client.get(f"/api/v1/mentoring/programmes/{wide.pk}/mentees/")

    assert _names(api) == {world.part_a.person.full_name, world.part_b.person.full_name}


def test_a_mentorship_of_another_partners_mentee_is_hidden_without_consent(client, world, wide):
    mentorship = mf.MentorshipFactory(mentee=world.mentee_b)
    client.force_login(world.lead)
    url = f"/api/v1/mentoring/mentorships/{mentorship.pk}/"

    assert client.get(url).status_code == 404
    MenteeRequest.objects.filter(pk=world.mentee_b.pk).update(shared_with_other_partners_at=timezone.now())
    assert client.get(url).status_code == 200


def test_the_participant_agrees_at_joining_and_withdraws_later(client, world, wide):
    client.force_login(world.user_b)
    url = reverse("mentoring:join", args=[wide.pk])
    assert "share_with_other_partners" in client.get(url).context["form"].fields

    client.post(url, {"kind": "career", "share_with_other_partners": "on"})
    since = MenteeRequest.objects.get(pk=world.mentee_b.pk).shared_with_other_partners_at
    assert since is not None
    client.post(url, {"kind": "career", "share_with_other_partners": "on", "wishes": "Oslo or Bergen"})
    assert MenteeRequest.objects.get(pk=world.mentee_b.pk).shared_with_other_partners_at == since  # kept
    client.post(url, {"kind": "career"})
    assert MenteeRequest.objects.get(pk=world.mentee_b.pk).shared_with_other_partners_at is None


def test_the_question_is_asked_only_in_a_project_wide_programme(client, world):
    own = mf.ProgrammeFactory(partner=world.a)
    client.force_login(world.user_a)
    form = client.get(reverse("mentoring:join", args=[own.pk])).context["form"]
    assert "share_with_other_partners" not in form.fields


def test_only_the_participant_answers_for_themself_over_the_api(client, world, wide):
    client.force_login(world.user_b)
    response = client.post(
        f"/api/v1/mentoring/programmes/{wide.pk}/mentees/",
        {"kind": "career", "share_with_other_partners": True},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["shared_with_other_partners_at"]
