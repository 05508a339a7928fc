"""Sparring: the owner's coordinators attach an expert (a user with the mentor role in the idea's project)
for a number of sessions; the expert records sessions with notes private to the team and the expert, and
gives feedback on the idea's readiness. A session may be one booked as a mentor-day slot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.entrepreneurship.models import BusinessIdea, Readiness, Sparring, SparringSession
from polku.entrepreneurship.services.common import audit, correct_errors, text
from polku.mentordays.models import Slot


def _audit(actor: User, action: str, obj: Any, idea: BusinessIdea, fields: list[str]) -> None:
    audit(
        actor,
        action,
        obj,
        person_id=idea.participation.person_id,
        partner_id=idea.participation.partner_id,
        fields=fields,
    )


def experts_for(idea: BusinessIdea) -> list[User]:
    """Users who can be attached: mentors (experts, business advisers) of the idea's project."""
    ids = Membership.objects.filter(role=Role.MENTOR, project_id=idea.participation.project_id).values(
        "user_id"
    )
    return list(User.objects.filter(pk__in=ids).order_by("full_name", "pk"))


def sparring_attach(
    *, actor: User, access: Access, idea: BusinessIdea, expert: User, sessions_agreed: int
) -> Sparring:
    if not access.can_coach_idea(idea.participation.partner_id):
        raise AccessDenied(_("The idea's coordinators attach sparring experts."))
    errors: dict[str, list[str]] = {}
    if expert not in experts_for(idea):
        errors["expert"] = [_("Choose an expert or business adviser of the project.")]
    if not 1 <= sessions_agreed <= 50:
        errors["sessions_agreed"] = [_("Agree on 1 to 50 sessions.")]
    if errors:
        raise correct_errors(errors)
    try:
        with transaction.atomic():
            sparring = Sparring.objects.create(idea=idea, expert=expert, sessions_agreed=sessions_agreed)
            _audit(actor, AuditEvent.Action.CREATE, sparring, idea, ["expert", "sessions_agreed"])
    except IntegrityError:
        raise correct_errors({"expert": [_("This expert already spars the idea.")]}) from None
    return sparring


def _check_expert(access: Access, sparring: Sparring) -> None:
    if access.user_id != sparring.expert_id and not access.is_admin:
        raise AccessDenied(_("Only the sparring expert records sessions and readiness."))


def session_add(
    *, actor: User, access: Access, sparring: Sparring, data: Mapping[str, Any]
) -> SparringSession:
    """A session held; the notes are read only by the idea's team and the expert. Once all agreed
    sessions are held, no more are recorded: the coordinator agrees on more first."""
    _check_expert(access, sparring)
    errors: dict[str, list[str]] = {}
    held_on = data.get("held_on")
    if held_on is None:
        errors["held_on"] = [_("Give the date of the session.")]
    elif held_on > timezone.localdate():
        errors["held_on"] = [_("Record a session once it has happened.")]
    duration = data.get("duration_minutes")
    if duration is None or not 1 <= duration <= 600:
        errors["duration_minutes"] = [_("The duration is given in minutes, from 1 to 600.")]
    slot = data.get("slot")
    if slot is not None and not isinstance(slot, Slot):
        errors["slot"] = [_("Choose the mentor-day slot from the list.")]
    if errors:
        raise correct_errors(errors)
    assert held_on is not None and duration is not None
    with transaction.atomic():
        locked = Sparring.objects.select_for_update().get(pk=sparring.pk)
        if locked.sessions.count() >= locked.sessions_agreed:
            raise ApplicationError(
                _("All %(n)s agreed sessions are held: the coordinator agrees on more first.")
                % {"n": locked.sessions_agreed}
            )
        row = SparringSession.objects.create(
            sparring=locked, held_on=held_on, duration_minutes=duration, notes=text(data, "notes"), slot=slot
        )
        _audit(actor, AuditEvent.Action.CREATE, row, sparring.idea, ["held_on", "duration_minutes", "notes"])
    return row


def readiness_give(*, actor: User, access: Access, sparring: Sparring, readiness: str, note: str) -> Sparring:
    _check_expert(access, sparring)
    if readiness not in Readiness.values:
        raise correct_errors({"readiness": [_("Choose how ready the idea is.")]})
    with transaction.atomic():
        sparring.readiness, sparring.readiness_note = readiness, (note or "").strip()
        sparring.save(update_fields=["readiness", "readiness_note", "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, sparring, sparring.idea, ["readiness", "readiness_note"])
    return sparring
