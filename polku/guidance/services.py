"""Writes of individual guidance: sessions and their next steps.

Each verb checks access (`Access.can_guide`: the coordinators of the participation's partner, and admins),
applies the rules below, writes in one transaction and records the change in the audit log by field name
(never the notes themselves). The participant changes one thing: whether a step of their own is done.

Rules: a session has happened (its date is not after today) and lasted 1–600 minutes; a next step says
what was agreed and is due on or after the session's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record, changed_fields
from polku.core.errors import AccessDenied, ApplicationError
from polku.guidance.models import (
    MAX_DURATION,
    MIN_DURATION,
    Channel,
    GuidanceSession,
    Kind,
    NextStep,
    Topic,
)
from polku.participants.models import Participation

SESSION_FIELDS = (
    "held_on",
    "starts_at",
    "duration_minutes",
    "channel",
    "kind",
    "topics",
    "other_topics",
    "notes",
)
STEP_FIELDS = ("text", "due_on", "owner")
# the formset of the session page names a step's fields "next_steps-<index>-<field>"
STEPS_PREFIX = "next_steps"


def _correct_errors() -> str:
    return _("Please correct the errors below.")


def _check_can_guide(access: Access, participation: Participation) -> None:
    if not access.can_guide(participation.partner_id):
        raise AccessDenied(_("Only the participant's own coordinators record guidance sessions."))


def _audit(actor: User | None, action: str, obj: Any, participation: Participation, fields: Any) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=fields,
    )


# --- the rules ------------------------------------------------------------------------------------


def session_errors(data: Mapping[str, Any], *, today: dt.date) -> dict[str, list[str]]:
    """Field errors of a session's values (empty when all is well)."""
    errors: dict[str, list[str]] = {}
    held_on = data.get("held_on")
    if held_on is None:
        errors["held_on"] = [_("Give the date of the session.")]
    elif held_on > today:
        errors["held_on"] = [
            _(
                "Record a session once it has happened: a session that has not happened yet cannot be recorded."
            )
        ]
    duration = data.get("duration_minutes")
    if duration is None:
        errors["duration_minutes"] = [_("Give the duration in minutes.")]
    elif not MIN_DURATION <= duration <= MAX_DURATION:
        errors["duration_minutes"] = [
            _("The duration is given in minutes, from %(min)s to %(max)s.")
            % {"min": MIN_DURATION, "max": MAX_DURATION}
        ]
    if data.get("channel") not in Channel.values:
        errors["channel"] = [_("Choose how you met.")]
    if data.get("kind") not in Kind.values:
        errors["kind"] = [_("Choose the kind of guidance.")]
    topics = data.get("topics") or []
    if not isinstance(topics, list | tuple) or any(topic not in Topic.values for topic in topics):
        errors["topics"] = [_("Choose topics from the list; write any other topic in its own field.")]
    return errors


def step_errors(data: Mapping[str, Any], *, held_on: dt.date | None) -> dict[str, list[str]]:
    """Field errors of a next step agreed in a session held on `held_on`."""
    errors: dict[str, list[str]] = {}
    if not (data.get("text") or "").strip():
        errors["text"] = [_("Write what was agreed.")]
    due_on = data.get("due_on")
    if due_on is None:
        errors["due_on"] = [_("Give the date by which it is to be done.")]
    elif held_on is not None and due_on < held_on:
        errors["due_on"] = [_("The due date cannot be before the session.")]
    if data.get("owner") not in NextStep.Owner.values:
        errors["owner"] = [_("Choose who does it.")]
    return errors


def _clean_session(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {name: data[name] for name in SESSION_FIELDS if name in data}
    for name in ("other_topics", "notes"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if "topics" in cleaned:
        cleaned["topics"] = list(dict.fromkeys(cleaned["topics"] or []))  # chosen order, once each
    return cleaned


def _clean_step(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {name: data[name] for name in STEP_FIELDS if name in data}
    if "text" in cleaned:
        cleaned["text"] = (cleaned["text"] or "").strip()
    return cleaned


def _is_blank_step(data: Mapping[str, Any]) -> bool:
    """An empty row of the session form's next steps: nothing written and no date given."""
    return not (data.get("text") or "").strip() and data.get("due_on") is None


# --- sessions -------------------------------------------------------------------------------------


def session_create(
    *,
    actor: User,
    access: Access,
    participation: Participation,
    data: Mapping[str, Any],
    next_steps: Sequence[Mapping[str, Any]] = (),
) -> GuidanceSession:
    """Record a session held with the participant, and the next steps agreed in it, in one transaction.

    Empty rows of `next_steps` are skipped; an error in a step is named `next_steps-<index>-<field>`.
    """
    _check_can_guide(access, participation)
    cleaned = _clean_session(data)
    cleaned.setdefault("topics", [])
    errors = session_errors(cleaned, today=timezone.localdate())
    steps: list[dict[str, Any]] = []
    for index, row in enumerate(next_steps):
        if _is_blank_step(row):
            continue
        step = _clean_step(row)
        for name, messages in step_errors(step, held_on=cleaned.get("held_on")).items():
            errors[f"{STEPS_PREFIX}-{index}-{name}"] = messages
        steps.append(step)
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)
    with transaction.atomic():
        session = GuidanceSession.objects.create(participation=participation, staff=actor, **cleaned)
        _audit(actor, AuditEvent.Action.CREATE, session, participation, [k for k, v in cleaned.items() if v])
        for step in steps:
            _step_create(actor=actor, session=session, cleaned=step)
    return session


def session_update(
    *, actor: User, access: Access, session: GuidanceSession, data: Mapping[str, Any]
) -> GuidanceSession:
    """Change a session's facts or notes. A step due before a new, later date must be moved first."""
    participation = session.participation
    _check_can_guide(access, participation)
    merged = {name: getattr(session, name) for name in SESSION_FIELDS}
    merged.update(_clean_session(data))
    errors = session_errors(merged, today=timezone.localdate())
    held_on = merged.get("held_on")
    if held_on is not None and session.next_steps.filter(due_on__lt=held_on).exists():
        errors.setdefault("held_on", []).append(
            _("A next step of this session is due before this date: change the step first.")
        )
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)
    changed = changed_fields(session, merged)
    if not changed:
        return session
    with transaction.atomic():
        for name in changed:
            setattr(session, name, merged[name])
        session.save(update_fields=[*changed, "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, session, participation, changed)
    return session


def session_delete(*, actor: User, access: Access, session: GuidanceSession) -> None:
    """Remove a session recorded by mistake, with its next steps."""
    participation = session.participation
    _check_can_guide(access, participation)
    with transaction.atomic():
        for step in session.next_steps.all():
            _audit(actor, AuditEvent.Action.DELETE, step, participation, ["text", "due_on"])
        _audit(actor, AuditEvent.Action.DELETE, session, participation, ["held_on", "kind", "notes"])
        session.delete()


# --- next steps -----------------------------------------------------------------------------------


def _step_create(*, actor: User, session: GuidanceSession, cleaned: dict[str, Any]) -> NextStep:
    step = NextStep.objects.create(session=session, **cleaned)
    _audit(actor, AuditEvent.Action.CREATE, step, session.participation, list(STEP_FIELDS))
    return step


def next_step_add(
    *, actor: User, access: Access, session: GuidanceSession, data: Mapping[str, Any]
) -> NextStep:
    """Add a step agreed in the session (or later, about it)."""
    _check_can_guide(access, session.participation)
    cleaned = _clean_step(data)
    errors = step_errors(cleaned, held_on=session.held_on)
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)
    with transaction.atomic():
        return _step_create(actor=actor, session=session, cleaned=cleaned)


def next_step_update(*, actor: User, access: Access, step: NextStep, data: Mapping[str, Any]) -> NextStep:
    """Change what was agreed, its due date or who does it."""
    session = step.session
    _check_can_guide(access, session.participation)
    merged = {name: getattr(step, name) for name in STEP_FIELDS}
    merged.update(_clean_step(data))
    errors = step_errors(merged, held_on=session.held_on)
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)
    changed = changed_fields(step, merged)
    if not changed:
        return step
    with transaction.atomic():
        for name in changed:
            setattr(step, name, merged[name])
        step.save(update_fields=[*changed, "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, step, session.participation, changed)
    return step


def next_step_delete(*, actor: User, access: Access, step: NextStep) -> None:
    participation = step.session.participation
    _check_can_guide(access, participation)
    with transaction.atomic():
        _audit(actor, AuditEvent.Action.DELETE, step, participation, ["text", "due_on"])
        step.delete()


def can_mark_done(access: Access, step: NextStep) -> bool:
    """The participation's coordinators mark any step; the participant the steps that are theirs to do."""
    participation = step.session.participation
    return access.can_guide(participation.partner_id) or (
        access.is_own_person(participation.person_id) and step.owner == NextStep.Owner.PARTICIPANT
    )


def next_step_set_done(*, actor: User, access: Access, step: NextStep, done: bool) -> NextStep:
    """Tick a step done (now), or untick it."""
    if not can_mark_done(access, step):
        raise AccessDenied(_("Your coordinator marks the steps they agreed to do."))
    if step.is_done == done:
        return step
    with transaction.atomic():
        step.done_at = timezone.now() if done else None
        step.save(update_fields=["done_at", "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, step, step.session.participation, ["done_at"])
    return step
