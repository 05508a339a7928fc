"""What the writes of learning share: the user recorded as actor, the size limit of an uploaded file, and
the access check and audit record of a write to a person's development plan."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.learning.models import Plan
from polku.participants.selectors import can_view_person, reading_partner_id

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def recorded_actor(actor: User | None) -> User | None:
    """The user to record as the actor: None for a command or the demo (no signed-in user)."""
    return actor if actor is not None and actor.is_authenticated else None


def check_upload_size(content: bytes) -> None:
    if len(content) > MAX_UPLOAD_BYTES:
        raise ApplicationError(
            _("The file is too large: the largest file accepted is 2 MB."),
            field_errors={"file": [_("The file is too large.")]},
        )


def check_plan_access(access: Access, person_id: int) -> None:
    """A person's plans, items, milestones, comments and completions are written by whoever may see the
    person (participants.selectors.can_view_person): themselves, their coordinators and admins."""
    if not can_view_person(access, person_id):
        raise AccessDenied(_("You can edit only your own plan or the plans of your participants."))


def audit_plan(
    actor: User | None, access: Access, action: str, obj: Any, plan: Plan, fields: Iterable[str] = ()
) -> None:
    audit_record(
        actor=recorded_actor(actor),
        action=action,
        obj=obj,
        person_id=plan.person_id,
        partner_id=reading_partner_id(access=access, person_id=plan.person_id),
        fields=fields,
    )
