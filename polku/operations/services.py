"""An administrator tries a failed task or an undelivered e-mail again; each retry is audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core import email_outbox, recovery
from polku.core.errors import ApplicationError
from polku.core.models import OutgoingEmail, TaskRetry
from polku.core.tasks import deliver_email
from polku.operations.selectors import require_admin


def job_retry(*, actor: User, access: Access, result: DBTaskResult) -> Any:
    """Run a failed task again now; returns the new run."""
    require_admin(access)
    if result.status != "FAILED":
        raise ApplicationError(_("Only a failed task can be tried again."))
    if TaskRetry.objects.filter(
        result_id=result.pk, action__in=[TaskRetry.Action.RETRIED, TaskRetry.Action.RETRIED_BY_ADMIN]
    ).exists():
        raise ApplicationError(_("This task has been tried again already."))
    with transaction.atomic():
        new = recovery.retry_now(result, by=actor)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=TaskRetry.objects.get(result_id=result.pk),
            fields=["retried"],
        )
    return new


def email_retry(*, actor: User, access: Access, email: OutgoingEmail) -> OutgoingEmail:
    """Send an undelivered e-mail again (also one that may have gone out: the administrator decides)."""
    require_admin(access)
    with transaction.atomic():
        if not email_outbox.requeue(email):
            raise ApplicationError(_("This e-mail has been sent already."))
        audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=email, fields=["status"])
        transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    email.refresh_from_db()
    return email
