"""What the service modules share: the error wording and the audit call."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from polku.accounts.models import User
from polku.audit.services import audit_record
from polku.core.errors import ApplicationError


def correct_errors(field_errors: dict[str, list[str]]) -> ApplicationError:
    return ApplicationError(_("Please correct the errors below."), field_errors=field_errors)


def audit(
    actor: User | None,
    action: str,
    obj: Any,
    *,
    person_id: int | None,
    partner_id: int | None,
    fields: Any,
) -> None:
    audit_record(
        actor=actor, action=action, obj=obj, person_id=person_id, partner_id=partner_id, fields=fields
    )


def text(data: Any, name: str) -> str:
    return (data.get(name) or "").strip()
