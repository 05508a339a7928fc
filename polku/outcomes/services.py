"""Writes about outcomes: the exit record, re-entry, the six-month follow-up and dated outcomes.

Each verb checks access, applies the rules of polku.outcomes.rules, writes in one transaction and records
the change in the audit log. A coordinator acts for their own partner's participants (source
"coordinator"); a participant for their own participation (source "participant"); the follow-up link
answers without a log-in. "Prefer not to answer" is stored as `declined` and counts as unknown, never as no.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record, changed_fields
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tasks import send_email
from polku.organisations.business_ids import BusinessIdError, business_id_check
from polku.outcomes.models import COMPANY_KINDS, ExitRecord, ExitStatus, FollowUp, Outcome, Source
from polku.outcomes.rules import (
    CLOSE_AFTER_DAYS,
    add_months,
    closes_on,
    follow_up_due,
    reminders_due,
)
from polku.participants.models import Answer, LabourStatus, Participation
from polku.participants.services import participation_exit

IMPROVEMENT_ITEMS = ("permanent_contract", "full_time", "more_demanding_job")
OUTCOME_FIELDS = ("kind", "date", "business_id", "description", "evidence")
EXIT_LINK_SALT = "polku.outcomes.exit-link"
EXIT_LINK_MAX_AGE = dt.timedelta(days=60)


def _correct_errors() -> str:
    return _("Please correct the errors below.")


def _source_for(access: Access, participation: Participation) -> str:
    """Who is acting on this participation: its partner's coordinator (or an admin), or the person."""
    if access.can_manage_partner(participation.partner_id):
        return Source.COORDINATOR
    if access.person_id is not None and access.person_id == participation.person_id:
        return Source.PARTICIPANT
    raise AccessDenied(_("You may not record outcomes for this participation."))


def _actor(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _audit(actor: User | None, action: str, obj: Any, participation: Participation, fields: Any) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=fields,
    )


# --- exit ---------------------------------------------------------------------------------------


def exit_situation_check(
    *,
    exit_date: dt.date,
    status: str,
    status_on: dt.date | None,
    qualification_gained: str,
    today: dt.date,
) -> dict[str, list[str]]:
    """Field errors of an exit situation (empty when all is well)."""
    errors: dict[str, list[str]] = {}
    if status and status not in ExitStatus.values:
        errors["status"] = [_("Choose one of the listed situations.")]
    if qualification_gained and qualification_gained not in Answer.values:
        errors["qualification_gained"] = [_("Choose yes, no or prefer not to answer.")]
    if status_on is not None:
        if status_on < exit_date:
            errors["status_on"] = [_("The situation cannot apply before the exit date.")]
        elif status_on > today:
            errors["status_on"] = [_("Record the situation once it applies: the date is in the future.")]
    return errors


def exit_record_save(
    *,
    actor: User | None,
    access: Access,
    participation: Participation,
    exit_date: dt.date,
    status: str,
    status_on: dt.date | None,
    qualification_gained: str,
    source: str | None = None,
) -> ExitRecord:
    """Record the exit date and the situation at exit in one transaction; the last exit counts.

    A coordinator sets the exit date (through participants' `participation_exit`) and the situation. The
    participant records their own situation for the exit date their coordinator recorded; they cannot end
    or move the participation themselves. A situation more than four weeks after exit is stored but does
    not count as an immediate result (see `ExitRecord.within_immediate_window`).
    """
    acting_as = _source_for(access, participation)
    if source is not None and source != acting_as and not (access.is_admin and source in Source.values):
        raise AccessDenied(_("You may not record outcomes for this participation."))
    source = source or acting_as
    if acting_as == Source.PARTICIPANT:
        if participation.exit_date is None:
            raise ApplicationError(
                _("Your coordinator records when your participation ends; then you can tell your situation."),
                field_errors={"exit_date": [_("Your participation has not ended.")]},
            )
        if exit_date != participation.exit_date:
            raise ApplicationError(
                _("Only your coordinator can change the exit date."),
                field_errors={"exit_date": [_("Only your coordinator can change the exit date.")]},
            )
    if status and status != ExitStatus.DECLINED and status_on is None:
        status_on = exit_date
    if not status:
        status_on = None
    errors = exit_situation_check(
        exit_date=exit_date,
        status=status,
        status_on=status_on,
        qualification_gained=qualification_gained,
        today=timezone.localdate(),
    )
    if exit_date < participation.entry_date:
        errors.setdefault("exit_date", []).append(_("The exit date cannot be before the entry date."))
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)

    data = {"status": status, "status_on": status_on, "qualification_gained": qualification_gained}
    with transaction.atomic():
        if participation.exit_date != exit_date:
            participation_exit(
                actor=actor,  # type: ignore[arg-type]
                access=access,
                participation=participation,
                exit_date=exit_date,
            )
        record = ExitRecord.objects.select_for_update().filter(participation=participation).first()
        if record is None:
            record = ExitRecord.objects.create(
                participation=participation, source=source, recorded_by=_actor(actor), **data
            )
            _audit(actor, AuditEvent.Action.CREATE, record, participation, [*data, "source"])
        else:
            changed = changed_fields(record, {**data, "source": source})
            if changed:
                for name in changed:
                    setattr(record, name, {**data, "source": source}[name])
                record.recorded_by = _actor(actor)
                record.save(update_fields=[*changed, "recorded_by", "updated_at"])
                _audit(actor, AuditEvent.Action.UPDATE, record, participation, changed)
    return record


def participation_reopen(*, actor: User, access: Access, participation: Participation) -> Participation:
    """Re-entry: a coordinator clears the exit date. The exit record stays until the next exit updates it."""
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("You may not change this participation."))
    if participation.exit_date is None:
        raise ApplicationError(_("This participation is already active."))
    with transaction.atomic():
        participation.exit_date = None
        participation.save(update_fields=["exit_date", "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, participation, participation, ["exit_date"])
    return participation


def exit_link_token(participation: Participation) -> str:
    """A signed token for the e-mailed link with which the person records their exit situation.

    It names the participation and its exit date, so a link sent before a re-entry stops working once the
    exit date changes; it expires after EXIT_LINK_MAX_AGE.
    """
    assert participation.exit_date is not None
    return signing.dumps(
        {"p": participation.pk, "e": participation.exit_date.isoformat()}, salt=EXIT_LINK_SALT
    )


def exit_link_participation(token: str) -> Participation | None:
    """The exited participation a link's token names, or None when it is forged, expired or outdated."""
    try:
        value = signing.loads(token, salt=EXIT_LINK_SALT, max_age=EXIT_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    participation = (
        Participation.objects.select_related("person", "project").filter(pk=value.get("p")).first()
    )
    if participation is None or participation.exit_date is None:
        return None
    if participation.exit_date.isoformat() != value.get("e"):
        return None
    return participation


def exit_link_answer(
    *, participation: Participation, status: str, status_on: dt.date | None, qualification_gained: str
) -> ExitRecord:
    """The person answers through the e-mailed link (no log-in): the situation at their recorded exit."""
    assert participation.exit_date is not None
    access = Access(user_id=None, person_id=participation.person_id)
    return exit_record_save(
        actor=None,
        access=access,
        participation=participation,
        exit_date=participation.exit_date,
        status=status,
        status_on=status_on,
        qualification_gained=qualification_gained,
    )


def exit_link_send(*, actor: User, access: Access, participation: Participation) -> str:
    """A coordinator e-mails the person a link to record their own exit situation; returns the link."""
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("You may not change this participation."))
    if participation.exit_date is None:
        raise ApplicationError(_("Record the exit date first; the link asks about the situation at exit."))
    person = participation.person
    if not person.email:
        raise ApplicationError(_("This participant has no e-mail address."))
    url = settings.POLKU_SITE_URL + reverse("outcomes:exit_link", args=[exit_link_token(participation)])
    with translation.override(person.preferred_language or "en"):
        subject = _("Your situation at the end of %(project)s") % {"project": participation.project.name}
        body = render_to_string(
            "outcomes/email/exit_link.txt", {"person": person, "project": participation.project, "url": url}
        )
    recipient = person.email
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[recipient]))
    return url


# --- follow-up ----------------------------------------------------------------------------------


def employed_at_entry(participation: Participation) -> bool:
    """Whether the improvement questions apply: employed or self-employed at entry (ESF+ EECR06)."""
    entry = getattr(participation, "entry_data", None)
    return entry is not None and entry.labour_status in (LabourStatus.EMPLOYED, LabourStatus.SELF_EMPLOYED)


def follow_up_create(*, participation: Participation) -> FollowUp:
    """The follow-up request for an exited participation, due six months after the exit."""
    assert participation.exit_date is not None
    follow_up = FollowUp.objects.create(
        participation=participation,
        due_on=follow_up_due(participation.exit_date),
        token=secrets.token_urlsafe(32),
    )
    _audit(None, AuditEvent.Action.CREATE, follow_up, participation, ["due_on"])
    return follow_up


def follow_up_restart(*, follow_up: FollowUp) -> FollowUp:
    """A follow-up asked about an earlier exit: after a re-entry and a new exit, the last exit counts."""
    participation = follow_up.participation
    assert participation.exit_date is not None
    follow_up.due_on = follow_up_due(participation.exit_date)
    follow_up.token = secrets.token_urlsafe(32)
    follow_up.status = FollowUp.Status.PENDING
    follow_up.labour_status = ""
    for item in IMPROVEMENT_ITEMS:
        setattr(follow_up, item, "")
    follow_up.answered_at = None
    follow_up.source = ""
    follow_up.recorded_by = None
    follow_up.reminders_sent = 0
    follow_up.last_reminded_at = None
    follow_up.save()
    _audit(None, AuditEvent.Action.UPDATE, follow_up, participation, ["due_on", "status", "labour_status"])
    return follow_up


@dataclass(frozen=True)
class FollowUpAnswers:
    labour_status: str
    permanent_contract: str = ""
    full_time: str = ""
    more_demanding_job: str = ""


def _check_answers(answers: FollowUpAnswers, *, improvement_asked: bool) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if not answers.labour_status:
        errors["labour_status"] = [_("Choose your situation, or prefer not to answer.")]
    elif answers.labour_status not in ExitStatus.values:
        errors["labour_status"] = [_("Choose one of the listed situations.")]
    data: dict[str, Any] = {"labour_status": answers.labour_status}
    for item in IMPROVEMENT_ITEMS:
        value = getattr(answers, item)
        if value and not improvement_asked:
            errors[item] = [_("This question is asked only of those employed when they joined.")]
        elif value and value not in Answer.values:
            errors[item] = [_("Choose yes, no or prefer not to answer.")]
        data[item] = value
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)
    return data


def _store_answers(
    *, follow_up: FollowUp, data: Mapping[str, Any], source: str, actor: User | None
) -> FollowUp:
    participation = follow_up.participation
    changed = changed_fields(follow_up, dict(data))
    for name, value in data.items():
        setattr(follow_up, name, value)
    follow_up.status = FollowUp.Status.ANSWERED
    follow_up.answered_at = timezone.now()
    follow_up.source = source
    follow_up.recorded_by = _actor(actor)
    follow_up.save(
        update_fields=[*data, "status", "answered_at", "source", "recorded_by", "updated_at"],
    )
    _audit(actor, AuditEvent.Action.UPDATE, follow_up, participation, [*changed, "status"])
    return follow_up


def follow_up_answer(*, follow_up: FollowUp, answers: FollowUpAnswers) -> FollowUp:
    """The person answers through the link in the e-mail (no log-in); only while the request is pending."""
    if follow_up.status != FollowUp.Status.PENDING:
        raise ApplicationError(_("This follow-up is no longer open for answers."))
    data = _check_answers(answers, improvement_asked=employed_at_entry(follow_up.participation))
    with transaction.atomic():
        locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if locked.status != FollowUp.Status.PENDING:
            raise ApplicationError(_("This follow-up is no longer open for answers."))
        return _store_answers(follow_up=follow_up, data=data, source=Source.PARTICIPANT, actor=None)


def follow_up_record(
    *, actor: User, access: Access, participation: Participation, answers: FollowUpAnswers
) -> FollowUp:
    """A coordinator records the follow-up answers they heard (by phone, in a meeting), whatever the status.

    For an exited participation without a follow-up yet, the follow-up is created.
    """
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("Only the participant's coordinator can record follow-up answers."))
    if participation.exit_date is None:
        raise ApplicationError(_("The follow-up is about the situation after exit: record the exit first."))
    data = _check_answers(answers, improvement_asked=employed_at_entry(participation))
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update().filter(participation=participation).first()
        if follow_up is None:
            follow_up = follow_up_create(participation=participation)
        follow_up.participation = participation
        return _store_answers(follow_up=follow_up, data=data, source=Source.COORDINATOR, actor=actor)


# --- outcomes -----------------------------------------------------------------------------------


def _clean_outcome(participation: Participation, data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {k: v for k, v in data.items() if k in OUTCOME_FIELDS}
    for key in ("business_id", "description", "evidence"):
        if key in cleaned:
            cleaned[key] = (cleaned[key] or "").strip()
    errors: dict[str, list[str]] = {}
    kind = cleaned.get("kind")
    if kind not in Outcome.Kind.values:
        errors["kind"] = [_("Choose one of the listed outcomes.")]
    date = cleaned.get("date")
    if date is None:
        errors["date"] = [_("Give the date of the outcome.")]
    elif date < participation.entry_date:
        errors["date"] = [_("An outcome of the project cannot be before the entry date.")]
    elif date > timezone.localdate():
        errors["date"] = [_("Record the outcome once it has happened: the date is in the future.")]
    business_id = cleaned.get("business_id", "")
    if kind in COMPANY_KINDS:
        if not business_id:
            errors["business_id"] = [_("Give the business ID of the company.")]
        else:
            try:
                cleaned["business_id"] = business_id_check(business_id).value
            except BusinessIdError as error:
                errors["business_id"] = [error.message]
    elif business_id:
        errors["business_id"] = [_("A business ID is recorded only for a company founded or taken over.")]
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)
    return cleaned


def outcome_create(
    *, actor: User, access: Access, participation: Participation, data: Mapping[str, Any]
) -> Outcome:
    source = _source_for(access, participation)
    cleaned = _clean_outcome(participation, data)
    with transaction.atomic():
        outcome = Outcome.objects.create(
            participation=participation, source=source, recorded_by=_actor(actor), **cleaned
        )
        _audit(actor, AuditEvent.Action.CREATE, outcome, participation, [k for k, v in cleaned.items() if v])
    return outcome


def _check_can_change(access: Access, outcome: Outcome) -> None:
    source = _source_for(access, outcome.participation)
    if source == Source.PARTICIPANT and outcome.source != Source.PARTICIPANT:
        raise AccessDenied(_("Your coordinator recorded this outcome; ask them to change it."))


def outcome_update(*, actor: User, access: Access, outcome: Outcome, data: Mapping[str, Any]) -> Outcome:
    """Change an outcome; a participant only those they recorded themselves."""
    _check_can_change(access, outcome)
    merged = {name: getattr(outcome, name) for name in OUTCOME_FIELDS}
    merged.update({k: v for k, v in data.items() if k in OUTCOME_FIELDS})
    if merged["kind"] not in COMPANY_KINDS and "business_id" not in data:
        merged["business_id"] = ""
    cleaned = _clean_outcome(outcome.participation, merged)
    changed = changed_fields(outcome, cleaned)
    if not changed:
        return outcome
    with transaction.atomic():
        for name in changed:
            setattr(outcome, name, cleaned[name])
        outcome.recorded_by = _actor(actor)
        outcome.save(update_fields=[*changed, "recorded_by", "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, outcome, outcome.participation, changed)
    return outcome


def outcome_delete(*, actor: User, access: Access, outcome: Outcome) -> None:
    _check_can_change(access, outcome)
    participation = outcome.participation
    with transaction.atomic():
        _audit(actor, AuditEvent.Action.DELETE, outcome, participation, ["kind", "date"])
        outcome.delete()


# --- the daily follow-up job --------------------------------------------------------------------


@dataclass
class FollowUpRun:
    created: int = 0
    restarted: int = 0
    reminded: int = 0
    closed: int = 0


def follow_up_url(follow_up: FollowUp) -> str:
    return settings.POLKU_SITE_URL + reverse("outcomes:follow_up_answer", args=[follow_up.token])


def _send_follow_up_email(follow_up: FollowUp, *, reminder: bool) -> bool:
    person = follow_up.participation.person
    if not person.email:
        return False
    context = {
        "person": person,
        "project": follow_up.participation.project,
        "url": follow_up_url(follow_up),
        "reminder": reminder,
    }
    with translation.override(person.preferred_language or "en"):
        subject = (
            _("Reminder: how are you doing six months after %(project)s?")
            if reminder
            else _("How are you doing six months after %(project)s?")
        ) % {"project": follow_up.participation.project.name}
        body = render_to_string("outcomes/email/follow_up.txt", context)
    recipient = person.email
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[recipient]))
    return True


def follow_ups_process(*, today: dt.date | None = None) -> FollowUpRun:
    """What the daily job does; idempotent, it looks at the data for what is due.

    1. An exited participation whose six-month point has come, and which has no follow-up, gets one (and an
       e-mail), unless that point is more than CLOSE_AFTER_DAYS past (a late exit record is followed up by
       the coordinator instead of a message about a long-gone time).
    2. A follow-up that asked about an earlier exit (the person re-entered and left again) starts over.
    3. Reminders 14 and 28 days after the request; after 60 days without an answer it closes.
    """
    today = today or timezone.localdate()
    run = FollowUpRun()
    latest_exit = add_months(today, -6)
    # A month-end exit (31 Aug) is due on the last day of February: look back a few more days.
    earliest_exit = add_months(today - dt.timedelta(days=CLOSE_AFTER_DAYS), -6) - dt.timedelta(days=3)
    candidates = (
        Participation.objects.filter(
            exit_date__isnull=False,
            exit_date__lte=latest_exit + dt.timedelta(days=3),
            exit_date__gte=earliest_exit,
            follow_up__isnull=True,
        )
        .select_related("person", "project")
        .order_by("pk")
    )
    for participation in candidates:
        assert participation.exit_date is not None
        due = follow_up_due(participation.exit_date)
        if not (due <= today <= due + dt.timedelta(days=CLOSE_AFTER_DAYS)):
            continue
        with transaction.atomic():
            follow_up = follow_up_create(participation=participation)
            _send_follow_up_email(follow_up, reminder=False)
        run.created += 1
    # Exit dates changed after the follow-up was made: re-entry and a new exit, or a correction.
    changed = FollowUp.objects.filter(
        participation__exit_date__isnull=False, participation__updated_at__gt=F("created_at")
    ).select_related("participation__person", "participation__project")
    for follow_up in changed:
        exit_date = follow_up.participation.exit_date
        assert exit_date is not None
        due = follow_up_due(exit_date)
        if follow_up.due_on == due or due > today:
            continue
        with transaction.atomic():
            follow_up_restart(follow_up=follow_up)
            _send_follow_up_email(follow_up, reminder=False)
        run.restarted += 1
    pending = FollowUp.objects.filter(
        status=FollowUp.Status.PENDING, participation__exit_date__isnull=False
    ).select_related("participation__person", "participation__project")
    for follow_up in pending:
        # The request went out when it was made, or (restarted after a new exit) on its new due day.
        sent_on = max(timezone.localdate(follow_up.created_at), follow_up.due_on)
        if today >= closes_on(sent_on):
            follow_up.status = FollowUp.Status.CLOSED
            follow_up.save(update_fields=["status", "updated_at"])
            _audit(None, AuditEvent.Action.UPDATE, follow_up, follow_up.participation, ["status"])
            run.closed += 1
            continue
        due_count = reminders_due(sent_on=sent_on, today=today)
        if due_count > follow_up.reminders_sent:
            with transaction.atomic():
                follow_up.reminders_sent = due_count
                follow_up.last_reminded_at = timezone.now()
                follow_up.save(update_fields=["reminders_sent", "last_reminded_at", "updated_at"])
                _send_follow_up_email(follow_up, reminder=True)
            run.reminded += 1
    return run
