"""The writes of guidance: the rules of a session and a next step, access, and the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.guidance import services
from polku.guidance.models import GuidanceSession, NextStep
from polku.guidance.tests.factories import GuidanceSessionFactory, NextStepFactory

pytestmark = pytest.mark.django_db

SESSION = {
    "held_on": dt.date(2025, 5, 6),
    "duration_minutes": 50,
    "channel": "in_person",
    "kind": "career_guidance",
    "topics": ["cv_applications", "job_search", "cv_applications"],
    "other_topics": "  LinkedIn profile ",
    "notes": "Private worries.",
}


def _create(world, data=None, steps=()):
    return services.session_create(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        participation=world.part_a,
        data=SESSION | (data or {}),
        next_steps=steps,
    )


def _errors(call) -> dict[str, list[str]]:
    with pytest.raises(ApplicationError) as caught:
        call()
    return caught.value.field_errors


def test_a_session_with_its_steps_is_recorded_and_audited_by_field_name(world):
    session = _create(
        world,
        steps=[
            {"text": "Send the CV", "due_on": dt.date(2025, 5, 13), "owner": "participant"},
            {"text": "", "due_on": None, "owner": "participant"},  # an empty row of the form
            {"text": "Find a mentor", "due_on": dt.date(2025, 5, 6), "owner": "staff"},
        ],
    )
    assert (session.staff, session.topics, session.other_topics) == (
        world.coord_a,
        ["cv_applications", "job_search"],
        "LinkedIn profile",
    )
    assert sorted(session.next_steps.values_list("text", "owner")) == [
        ("Find a mentor", "staff"),
        ("Send the CV", "participant"),
    ]
    created = AuditEvent.objects.filter(action="create", person_id=world.part_a.person_id)
    assert sorted(created.values_list("object_type", flat=True)) == [
        "guidance.guidancesession",
        "guidance.nextstep",
        "guidance.nextstep",
    ]
    event = created.get(object_type="guidance.guidancesession")
    assert "notes" in event.fields and event.partner_id == world.a.pk


@pytest.mark.parametrize("minutes", [0, 601, -5])
def test_duration_outside_one_to_six_hundred_minutes_names_the_field(world, minutes):
    errors = _errors(lambda: _create(world, {"duration_minutes": minutes}))
    assert list(errors) == ["duration_minutes"]
    assert "1" in errors["duration_minutes"][0] and "600" in errors["duration_minutes"][0]
    assert not GuidanceSession.objects.exists()


def test_a_session_that_has_not_happened_yet_is_refused(world):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    errors = _errors(lambda: _create(world, {"held_on": tomorrow}))
    assert "not happened yet" in errors["held_on"][0]
    assert _create(world, {"held_on": timezone.localdate()}).pk  # today is fine


def test_step_errors_are_named_by_their_row_and_nothing_is_written(world):
    errors = _errors(
        lambda: _create(
            world,
            steps=[
                {"text": "Fine", "due_on": dt.date(2025, 5, 7), "owner": "participant"},
                {"text": "  ", "due_on": dt.date(2025, 5, 7), "owner": "participant"},
                {"text": "Too early", "due_on": dt.date(2025, 5, 1), "owner": "staff"},
            ],
        )
    )
    assert errors == {
        "next_steps-1-text": ["Write what was agreed."],
        "next_steps-2-due_on": ["The due date cannot be before the session."],
    }
    assert not GuidanceSession.objects.exists() and not NextStep.objects.exists()


def test_unknown_choices_are_field_errors(world):
    errors = _errors(lambda: _create(world, {"channel": "letter", "kind": "x", "topics": ["astrology"]}))
    assert set(errors) == {"channel", "kind", "topics"}


def test_another_partners_coordinator_and_the_lead_may_not_record(world):
    for user in (world.coord_b, world.lead, world.user_a):
        with pytest.raises(AccessDenied):
            services.session_create(
                actor=user, access=access_for(user), participation=world.part_a, data=SESSION
            )


def test_update_records_changed_fields_only_and_keeps_steps_after_the_date(world):
    session = GuidanceSessionFactory(participation=world.part_a, held_on=dt.date(2025, 5, 6))
    NextStepFactory(session=session, due_on=dt.date(2025, 5, 10))
    access = access_for(world.coord_a)
    services.session_update(actor=world.coord_a, access=access, session=session, data={"notes": "New"})
    event = AuditEvent.objects.get(action="update", object_type="guidance.guidancesession")
    assert event.fields == ["notes"]
    errors = _errors(
        lambda: services.session_update(
            actor=world.coord_a, access=access, session=session, data={"held_on": dt.date(2025, 5, 12)}
        )
    )
    assert "held_on" in errors
    session.refresh_from_db()
    assert session.held_on == dt.date(2025, 5, 6)


def test_delete_removes_the_steps_and_audits_each(world):
    session = GuidanceSessionFactory(participation=world.part_a)
    NextStepFactory(session=session)
    services.session_delete(actor=world.coord_a, access=access_for(world.coord_a), session=session)
    assert not GuidanceSession.objects.exists() and not NextStep.objects.exists()
    assert AuditEvent.objects.filter(action="delete").count() == 2


def test_a_step_added_later_follows_the_same_rules(world):
    session = GuidanceSessionFactory(participation=world.part_a, held_on=dt.date(2025, 5, 6))
    access = access_for(world.coord_a)
    errors = _errors(
        lambda: services.next_step_add(
            actor=world.coord_a,
            access=access,
            session=session,
            data={"text": "", "due_on": None, "owner": ""},
        )
    )
    assert set(errors) == {"text", "due_on", "owner"}
    step = services.next_step_add(
        actor=world.coord_a,
        access=access,
        session=session,
        data={"text": "Call back", "due_on": dt.date(2025, 5, 9), "owner": "staff"},
    )
    services.next_step_update(
        actor=world.coord_a, access=access, step=step, data={"due_on": dt.date(2025, 5, 8)}
    )
    step.refresh_from_db()
    assert step.due_on == dt.date(2025, 5, 8)


def test_the_participant_ticks_their_own_steps_but_not_the_staffs(world):
    session = GuidanceSessionFactory(participation=world.part_a)
    own = NextStepFactory(session=session, owner="participant")
    staffs = NextStepFactory(session=session, owner="staff")
    access = access_for(world.user_a)
    services.next_step_set_done(actor=world.user_a, access=access, step=own, done=True)
    assert own.done_at is not None
    event = AuditEvent.objects.get(action="update", object_type="guidance.nextstep")
    assert (event.actor, event.fields) == (world.user_a, ["done_at"])
    with pytest.raises(AccessDenied):
        services.next_step_set_done(actor=world.user_a, access=access, step=staffs, done=True)
    services.next_step_set_done(actor=world.user_a, access=access, step=own, done=False)
    own.refresh_from_db()
    assert own.done_at is None


def test_another_participant_may_not_tick(world):
    step = NextStepFactory(session__participation=world.part_a)
    with pytest.raises(AccessDenied):
        services.next_step_set_done(actor=world.user_b, access=access_for(world.user_b), step=step, done=True)
