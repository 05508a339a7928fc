"""What platform admins see of the background work: failed and stuck tasks of the database queue, e-mails
that were not delivered, and the workers that are alive (polku.core.recovery, decision 0059)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from polku.accounts.access import Access
from polku.core import recovery
from polku.core.errors import AccessDenied
from polku.core.models import OutgoingEmail, TaskRetry, WorkerHeartbeat

SHOWN_DAYS = 30
EMAIL_STUCK_AFTER = dt.timedelta(minutes=15)


def require_admin(access: Access) -> None:
    if not access.can_see_background_jobs():
        raise AccessDenied(_("Only platform administrators see the background jobs."))


@dataclass(frozen=True)
class JobRow:
    id: str
    task: str
    state: str  # "failed" or "stuck"
    reason: str
    error: str
    attempt: int
    enqueued_at: dt.datetime
    finished_at: dt.datetime | None
    can_retry: bool


def _last_line(traceback: str) -> str:
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    return lines[-1][:500] if lines else ""


def failed_jobs(*, access: Access) -> list[JobRow]:
    """Tasks stuck under a dead worker (not recovered yet), and failed tasks that nothing retried."""
    require_admin(access)
    now = timezone.now()
    superseded = TaskRetry.objects.filter(
        action__in=[TaskRetry.Action.RETRIED, TaskRetry.Action.RETRIED_BY_ADMIN]
    ).values("result_id")
    rows = [
        JobRow(
            id=str(row.pk),
            task=row.task_path,
            state="stuck",
            reason=_("The worker stopped while running it"),
            error="",
            attempt=recovery.attempt_of(row.pk),
            enqueued_at=row.enqueued_at,
            finished_at=None,
            can_retry=False,
        )
        for row in recovery.lost_runs(now)
    ]
    failed = (
        DBTaskResult.objects.failed()
        .filter(finished_at__gte=now - dt.timedelta(days=SHOWN_DAYS))
        .exclude(pk__in=superseded)
        .order_by("-finished_at")[:200]
    )
    for row in failed:
        lost = row.exception_class_path == recovery.LOST_CLASS_PATH
        rows.append(
            JobRow(
                id=str(row.pk),
                task=row.task_path,
                state="failed",
                reason=_("The worker stopped while running it") if lost else _("It failed with an error"),
                error=_last_line(row.traceback),
                attempt=recovery.attempt_of(row.pk),
                enqueued_at=row.enqueued_at,
                finished_at=row.finished_at,
                can_retry=True,
            )
        )
    return rows


def undelivered_emails(*, access: Access) -> list[OutgoingEmail]:
    """E-mails that failed, may or may not have gone out, or have waited too long."""
    require_admin(access)
    late = timezone.now() - EMAIL_STUCK_AFTER
    return list(
        OutgoingEmail.objects.filter(
            Q(status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.UNCERTAIN])
            | Q(status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.SENDING], created_at__lt=late)
        ).order_by("-created_at")[:200]
    )


def live_workers(*, access: Access) -> list[WorkerHeartbeat]:
    require_admin(access)
    return recovery.live_workers()
