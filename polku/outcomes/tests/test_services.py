import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.outcomes import services
from polku.outcomes.models import ExitRecord, FollowUp, Outcome
from polku.outcomes.tests.factories import FollowUpFactory, OutcomeFactory

EXIT = dt.date(2025, 6, 30)


def _save(world, user, **kwargs):
    args: dict[str, Any] = {
        "exit_date": EXIT,
        "status": "employed",
        "status_on": None,
        "qualification_gained": "yes",
    } | kwargs
    return services.exit_record_save(actor=user, access=access_for(user), participation=world.part_a, **args)


def test_coordinator_records_exit_date_and_situation_in_one_go(world):
    record = _save(world, world.coord_a)
    world.part_a.refresh_from_db()
    assert world.part_a.exit_date == EXIT
    assert (record.status, record.status_on, record.source) == ("employed", EXIT, "coordinator")
    assert record.within_immediate_window is True
    actions = set(AuditEvent.objects.filter(person=world.part_a.person).values_list("object_type", "action"))
    assert {("participants.participation", "update"), ("outcomes.exitrecord", "create")} <= actions


def test_last_exit_counts_after_re_entry(world):
    _save(world, world.coord_a)
    services.participation_reopen(
        actor=world.coord_a, access=access_for(world.coord_a), participation=world.part_a
    )
    world.part_a.refresh_from_db()
    assert world.part_a.exit_date is None and ExitRecord.objects.filter(participation=world.part_a).exists()
    _save(world, world.coord_a, exit_date=dt.date(2025, 11, 30), status="unemployed")
    record = ExitRecord.objects.get(participation=world.part_a)
    assert (record.status, record.status_on) == ("unemployed", dt.date(2025, 11, 30))
    assert ExitRecord.objects.count() == 1


def test_situation_before_exit_is_refused_and_late_one_is_stored_but_flagged(world):
    with pytest.raises(ApplicationError) as error:
        _save(world, world.coord_a, status_on=dt.date(2025, 6, 1))
    assert "status_on" in error.value.field_errors
    record = _save(world, world.coord_a, status_on=dt.date(2025, 9, 1))
    assert record.within_immediate_window is False


def test_declined_is_stored_as_declined(world):
    record = _save(world, world.coord_a, status="declined", qualification_gained="declined")
    assert (record.status, record.qualification_gained) == ("declined", "declined")


def test_participant_records_own_situation_but_not_the_date(world):
    with pytest.raises(ApplicationError):
        _save(world, world.user_a)  # not exited yet
    _save(world, world.coord_a, status="")
    record = _save(world, world.user_a, status="education", qualification_gained="declined")
    assert (record.status, record.source) == ("education", "participant")
    with pytest.raises(ApplicationError):
        _save(world, world.user_a, exit_date=dt.date(2025, 7, 31))


def test_other_partner_cannot_record(world):
    with pytest.raises(AccessDenied):
        _save(world, world.coord_b)


def test_exit_link_names_the_current_exit_only(world):
    _save(world, world.coord_a, status="")
    world.part_a.refresh_from_db()
    token = services.exit_link_token(world.part_a)
    assert services.exit_link_participation(token) == world.part_a
    assert services.exit_link_participation(token + "x") is None
    url = services.exit_link_send(
        actor=world.coord_a, access=access_for(world.coord_a), participation=world.part_a
    )
    assert "/outcomes/exit/" in url
    services.exit_link_answer(
        participation=world.part_a, status="self_employed", status_on=None, qualification_gained=""
    )
    assert ExitRecord.objects.get(participation=world.part_a).source == "participant"
    _save(world, world.coord_a, exit_date=dt.date(2025, 7, 31))
    assert services.exit_link_participation(token) is None


# --- outcomes -----------------------------------------------------------------------------------


def _outcome(world, user, **data):
    return services.outcome_create(
        actor=user,
        access=access_for(user),
        participation=world.part_a,
        data={"kind": "job", "date": dt.date(2025, 5, 1)} | data,
    )


def test_company_founded_needs_a_valid_business_id(world):
    with pytest.raises(ApplicationError) as error:
        _outcome(world, world.coord_a, kind="company_founded")
    assert "business_id" in error.value.field_errors
    with pytest.raises(ApplicationError) as error:
        _outcome(world, world.coord_a, kind="company_founded", business_id="1234567-8")
    # the one check digit that fits 1234567 is 1: the error names it (polku.organisations.business_ids)
    assert "ends in 1" in error.value.field_errors["business_id"][0]
    with pytest.raises(ApplicationError) as error:
        _outcome(world, world.coord_a, kind="company_founded", business_id="12")
    assert "not a valid business ID" in error.value.field_errors["business_id"][0]
    outcome = _outcome(world, world.coord_a, kind="company_founded", business_id="01012636")
    assert outcome.business_id == "0101263-6"
    swedish = _outcome(world, world.coord_a, kind="company_founded", business_id="5560360793")
    assert swedish.business_id == "556036-0793"
    with pytest.raises(ApplicationError):
        _outcome(world, world.coord_a, kind="job", business_id="0101263-6")
    taken = _outcome(world, world.coord_a, kind="business_taken_over", business_id="988077917")
    assert taken.business_id == "988 077 917"
    with pytest.raises(ApplicationError) as error:
        _outcome(world, world.coord_a, kind="business_taken_over")
    assert "business_id" in error.value.field_errors


def test_outcome_dates_within_the_participation(world):
    with pytest.raises(ApplicationError):
        _outcome(world, world.coord_a, date=dt.date(2024, 1, 1))
    with pytest.raises(ApplicationError):
        _outcome(world, world.coord_a, date=timezone.localdate() + dt.timedelta(days=2))


def test_participant_changes_only_their_own_outcomes(world):
    own = _outcome(world, world.user_a, kind="studies_started")
    assert own.source == "participant"
    services.outcome_update(
        actor=world.user_a, access=access_for(world.user_a), outcome=own, data={"description": "MSc"}
    )
    theirs = OutcomeFactory(participation=world.part_a)
    with pytest.raises(AccessDenied):
        services.outcome_delete(actor=world.user_a, access=access_for(world.user_a), outcome=theirs)
    services.outcome_delete(actor=world.coord_a, access=access_for(world.coord_a), outcome=theirs)
    assert list(Outcome.objects.values_list("description", flat=True)) == ["MSc"]
    assert AuditEvent.objects.filter(object_type="outcomes.outcome", action="delete").count() == 1


# --- follow-up ----------------------------------------------------------------------------------


def _exit(participation, day=EXIT):
    participation.exit_date = day
    participation.save(update_fields=["exit_date", "updated_at"])


def test_daily_job_creates_reminds_and_closes(world, django_capture_on_commit_callbacks):
    _exit(world.part_a, dt.date(2025, 8, 31))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_ups_process(today=dt.date(2026, 2, 27)).created == 0
        run = services.follow_ups_process(today=dt.date(2026, 2, 28))
    assert run.created == 1
    follow_up = FollowUp.objects.get(participation=world.part_a)
    assert follow_up.due_on == dt.date(2026, 2, 28) and len(follow_up.token) >= 40
    assert len(mail.outbox) == 1 and f"/outcomes/follow-up/{follow_up.token}/" in mail.outbox[0].body
    # Created "today" in real time; the job's schedule counts from the later of creation and due day.
    sent = max(timezone.localdate(follow_up.created_at), follow_up.due_on)  # the day in Polku's time zone
    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_ups_process(today=sent + dt.timedelta(days=13)).reminded == 0
        assert services.follow_ups_process(today=sent + dt.timedelta(days=14)).reminded == 1
        assert services.follow_ups_process(today=sent + dt.timedelta(days=15)).reminded == 0  # idempotent
        assert services.follow_ups_process(today=sent + dt.timedelta(days=28)).reminded == 1
        assert services.follow_ups_process(today=sent + dt.timedelta(days=60)).closed == 1
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.reminders_sent) == ("closed", 2)
    assert len(mail.outbox) == 3


def test_old_exits_get_no_e_mail(world):
    _exit(world.part_a, dt.date(2025, 3, 31))
    assert services.follow_ups_process(today=dt.date(2026, 12, 1)).created == 0


def test_e_mail_in_the_persons_language(world, django_capture_on_commit_callbacks):
    person = world.part_a.person
    person.preferred_language = "fi"
    person.save(update_fields=["preferred_language"])
    _exit(world.part_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_process(today=dt.date(2025, 12, 31))
    assert "Hei" in mail.outbox[0].body


def test_answer_through_the_link_and_improvement_questions_only_for_employed(world):
    follow_up = FollowUpFactory(participation=world.part_a)
    with pytest.raises(ApplicationError) as error:
        services.follow_up_answer(
            follow_up=follow_up, answers=services.FollowUpAnswers(labour_status="employed", full_time="yes")
        )
    assert "full_time" in error.value.field_errors  # unemployed at entry
    services.follow_up_answer(follow_up=follow_up, answers=services.FollowUpAnswers(labour_status="declined"))
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.labour_status, follow_up.source) == (
        "answered",
        "declined",
        "participant",
    )
    with pytest.raises(ApplicationError):
        services.follow_up_answer(
            follow_up=follow_up, answers=services.FollowUpAnswers(labour_status="employed")
        )


def test_coordinator_records_answers_of_someone_employed_at_entry(world):
    world.part_a.entry_data.labour_status = "employed"
    world.part_a.entry_data.save()
    with pytest.raises(ApplicationError):  # not exited
        services.follow_up_record(
            actor=world.coord_a,
            access=access_for(world.coord_a),
            participation=world.part_a,
            answers=services.FollowUpAnswers(labour_status="employed"),
        )
    _exit(world.part_a)
    follow_up = services.follow_up_record(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        participation=world.part_a,
        answers=services.FollowUpAnswers(
            labour_status="employed", permanent_contract="yes", full_time="declined", more_demanding_job="no"
        ),
    )
    assert (follow_up.source, follow_up.permanent_contract, follow_up.full_time) == (
        "coordinator",
        "yes",
        "declined",
    )
    with pytest.raises(AccessDenied):
        services.follow_up_record(
            actor=world.coord_b,
            access=access_for(world.coord_b),
            participation=world.part_a,
            answers=services.FollowUpAnswers(labour_status="employed"),
        )


def test_follow_up_restarts_after_a_new_exit(world):
    _exit(world.part_a)
    services.follow_ups_process(today=dt.date(2025, 12, 30))
    follow_up = FollowUp.objects.get(participation=world.part_a)
    services.follow_up_answer(
        follow_up=follow_up, answers=services.FollowUpAnswers(labour_status="unemployed")
    )
    old_token = follow_up.token
    _exit(world.part_a, dt.date(2026, 3, 31))
    assert services.follow_ups_process(today=dt.date(2026, 9, 1)).restarted == 0  # not due yet
    assert services.follow_ups_process(today=dt.date(2026, 9, 30)).restarted == 1
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.labour_status, follow_up.due_on) == (
        "pending",
        "",
        dt.date(2026, 9, 30),
    )
    assert follow_up.token != old_token
