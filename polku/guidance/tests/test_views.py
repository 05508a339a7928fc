"""Guidance pages: recording a session with its steps, the session's notes (an audited read), bad input
kept and named, other readers kept out, and the sections on the participant's pages and the home page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from polku.audit.models import AuditEvent
from polku.guidance.models import GuidanceSession, NextStep
from polku.guidance.tests.factories import GuidanceSessionFactory, NextStepFactory

pytestmark = pytest.mark.django_db

FORM = {
    "held_on": "2025-05-06",
    "starts_at": "13:30",
    "duration_minutes": "45",
    "channel": "video",
    "kind": "study_counselling",
    "topics": ["studies", "language"],
    "other_topics": "",
    "notes": "Considering the path studies; money is tight.",
    "next_steps-TOTAL_FORMS": "3",
    "next_steps-INITIAL_FORMS": "0",
    "next_steps-MIN_NUM_FORMS": "0",
    "next_steps-MAX_NUM_FORMS": "10",
    "next_steps-0-text": "Apply to the path studies",
    "next_steps-0-due_on": "2025-05-31",
    "next_steps-0-owner": "participant",
    "next_steps-1-owner": "participant",
    "next_steps-2-owner": "participant",
}


def test_coordinator_records_a_session_from_the_participant_page(client, world):
    client.force_login(world.coord_a)
    page = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    create = reverse("guidance:session_create", args=[world.part_a.pk])
    assert create in page and "No guidance sessions recorded." in page
    response = client.post(create, FORM)
    session = GuidanceSession.objects.get()
    assert response.status_code == 302 and response.url == reverse("guidance:session", args=[session.pk])
    assert (session.starts_at, session.topics, session.staff) == (
        dt.time(13, 30),
        ["studies", "language"],
        world.coord_a,
    )
    assert list(session.next_steps.values_list("text", flat=True)) == ["Apply to the path studies"]
    # the timeline on the participant's staff page: kind, channel, duration; not the notes
    page = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert "Study counselling" in page and "Video" in page and "45 min" in page
    assert "money is tight" not in page


def test_sessions_on_the_staff_page_are_latest_first(client, world):
    GuidanceSessionFactory(participation=world.part_a, held_on=dt.date(2025, 4, 1), kind="social_support")
    GuidanceSessionFactory(participation=world.part_a, held_on=dt.date(2025, 6, 1), kind="entrepreneurship")
    client.force_login(world.coord_a)
    page = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert page.index("Entrepreneurship advice") < page.index("Social support")


def test_bad_duration_names_the_field_in_finnish_and_keeps_the_input(client, world):
    client.force_login(world.coord_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    response = client.post(
        reverse("guidance:session_create", args=[world.part_a.pk]), FORM | {"duration_minutes": "0"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kesto" in html  # the field's label in the summary
    assert "minuutteina" in html  # the message in Finnish
    assert "money is tight" in html and "Apply to the path studies" in html  # the input is kept
    assert not GuidanceSession.objects.exists()


def test_a_future_date_and_a_step_before_the_session_are_refused(client, world):
    client.force_login(world.coord_a)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("guidance:session_create", args=[world.part_a.pk]), FORM | {"held_on": tomorrow}
    )
    assert response.status_code == 400 and "not happened yet" in response.content.decode()
    response = client.post(
        reverse("guidance:session_create", args=[world.part_a.pk]),
        FORM | {"next_steps-0-due_on": "2025-05-01"},
    )
    form_row = response.context["formset"].forms[0]
    assert form_row.errors["due_on"] == ["The due date cannot be before the session."]
    response = client.post(
        reverse("guidance:session_create", args=[world.part_a.pk]), FORM | {"next_steps-0-text": ""}
    )
    assert response.context["formset"].forms[0].errors["text"] == ["Write what was agreed."]
    assert not GuidanceSession.objects.exists()


def test_reading_the_notes_is_audited(client, world):
    session = GuidanceSessionFactory(participation=world.part_a, notes="Divorce in progress")
    client.force_login(world.coord_a)
    page = client.get(reverse("guidance:session", args=[session.pk])).content.decode()
    assert "Divorce in progress" in page
    event = AuditEvent.objects.get(action="read", object_type="guidance.guidancesession")
    assert (event.actor, event.person_id, event.partner_id) == (
        world.coord_a,
        world.part_a.person_id,
        world.a.pk,
    )
    assert "notes" in event.fields


@pytest.mark.parametrize("role", ["coord_b", "lead", "evaluator", "user_a"])
def test_no_one_else_reaches_the_notes(client, world, role):
    session = GuidanceSessionFactory(participation=world.part_a, notes="Divorce in progress")
    client.force_login(getattr(world, role))
    assert client.get(reverse("guidance:session", args=[session.pk])).status_code == 404
    assert not AuditEvent.objects.filter(object_type="guidance.guidancesession").exists()


def test_my_page_shows_what_we_agreed_without_the_notes_and_ticks_own_steps(client, world):
    session = GuidanceSessionFactory(participation=world.part_a, notes="Divorce in progress")
    mine = NextStepFactory(session=session, text="Send the CV to two employers", owner="participant")
    NextStepFactory(session=session, text="Find a mentor in logistics", owner="staff")
    client.force_login(world.user_a)
    me = reverse("participants:me")
    page = client.get(me).content.decode()
    assert "What we agreed" in page
    assert "Send the CV to two employers" in page and "Find a mentor in logistics" in page
    assert "Divorce" not in page
    assert page.count(reverse("guidance:step_done", args=[mine.pk])) == 1
    assert page.count("Mark done") == 1  # only their own step has the button
    response = client.post(reverse("guidance:step_done", args=[mine.pk]), {"done": "1", "next": me})
    assert response.status_code == 302 and response.url == me
    mine.refresh_from_db()
    assert mine.done_at is not None


def test_my_page_has_no_section_without_steps(client, world):
    client.force_login(world.user_a)
    assert "What we agreed" not in client.get(reverse("participants:me")).content.decode()


def test_done_redirects_only_to_this_site(client, world):
    step = NextStepFactory(session__participation=world.part_a)
    client.force_login(world.user_a)
    response = client.post(
        reverse("guidance:step_done", args=[step.pk]), {"done": "1", "next": "https://evil.example/"}
    )
    assert response.url == reverse("home")


def test_step_pages_add_edit_and_remove(client, world):
    session = GuidanceSessionFactory(participation=world.part_a, held_on=dt.date(2025, 5, 6))
    client.force_login(world.coord_a)
    add = reverse("guidance:step_create", args=[session.pk])
    response = client.post(add, {"text": "Call", "due_on": "2025-05-01", "owner": "staff"})
    assert response.status_code == 400 and "Call" in response.content.decode()
    assert client.post(add, {"text": "Call", "due_on": "2025-05-09", "owner": "staff"}).status_code == 302
    step = NextStep.objects.get()
    client.post(
        reverse("guidance:step_edit", args=[step.pk]),
        {"text": "Call back", "due_on": "2025-05-09", "owner": "staff"},
    )
    step.refresh_from_db()
    assert step.text == "Call back"
    client.post(reverse("guidance:step_delete", args=[step.pk]))
    assert not NextStep.objects.exists()


def test_edit_and_remove_a_session(client, world):
    session = GuidanceSessionFactory(participation=world.part_a)
    client.force_login(world.coord_a)
    edit = reverse("guidance:session_edit", args=[session.pk])
    data = {"held_on": "2025-05-06", "duration_minutes": "700", "channel": "phone", "kind": "social_support"}
    response = client.post(edit, data)
    assert response.status_code == 400 and "700" in response.content.decode()
    assert client.post(edit, data | {"duration_minutes": "30"}).status_code == 302
    session.refresh_from_db()
    assert (session.duration_minutes, session.channel) == (30, "phone")
    client.post(reverse("guidance:session_delete", args=[session.pk]))
    assert not GuidanceSession.objects.exists()


def test_project_page_shows_counts_by_kind_to_the_lead(client, world):
    GuidanceSessionFactory(participation=world.part_a, kind="social_support", duration_minutes=90)
    GuidanceSessionFactory(participation=world.part_b, kind="social_support", notes="Secret of b")
    client.force_login(world.lead)
    page = client.get(reverse("projects:detail", args=[world.project.code])).content.decode()
    assert "Individual guidance" in page and "2 sessions with 2 different people" in page
    assert "Secret of b" not in page
