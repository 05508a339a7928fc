"""Recovery of the database queue's tasks (decision 0059): workers send heartbeats; a task still "running"
under a worker that has not been heard from for POLKU_TASK_STALE_SECONDS is lost, marked failed and
queued again; so is a failed task of a kind that is safe to repeat (e-mail: the outbox sends it at most
once). Retries wait POLKU_TASK_RETRY_DELAYS (1, 5, 25 minutes by default) and stop after the last one;
what is left failed is listed for admins, who may try it again.

Only the database queue (django_tasks_db) is covered: Redis (rq) moves jobs of dead workers to its own
failed-job registry and ends jobs that run past their timeout.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from polku.core.models import TaskRetry, WorkerHeartbeat

logger = logging.getLogger(__name__)

FAILED = "FAILED"
RUNNING = "RUNNING"
LOST_CLASS_PATH = "polku.core.recovery.WorkerLost"

_RETRY_ON_ERROR: set[str] = set()  # task paths whose failures are retried automatically
_ON_LOST: dict[str, Callable[[dict[str, Any]], None]] = {}  # task path -> hook run when its worker died


class WorkerLost(Exception):
    """The worker running the task stopped sending heartbeats (killed, out of memory, machine gone)."""


def retry_on_error(task: Any) -> Any:
    """Register a django_tasks task whose failures are safe to retry automatically (it is idempotent)."""
    _RETRY_ON_ERROR.add(task.module_path)
    return task


def on_lost(task: Any, hook: Callable[[dict[str, Any]], None]) -> None:
    """Run `hook(kwargs)` when a run of `task` is found lost, before it is queued again."""
    _ON_LOST[task.module_path] = hook


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def beat(worker_id: str) -> None:
    """This worker is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": timezone.now(), "hostname": socket.gethostname()[:255], "pid": os.getpid()},
    )


def forget_worker(worker_id: str) -> None:
    """A worker that stops cleanly says so; its running task (if any) has finished or failed by then."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def stale_before(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(seconds=settings.POLKU_TASK_STALE_SECONDS)


def live_workers(now: dt.datetime | None = None) -> list[WorkerHeartbeat]:
    return list(WorkerHeartbeat.objects.filter(beat_at__gte=stale_before(now)).order_by("-beat_at"))


def lost_runs(now: dt.datetime | None = None) -> list[DBTaskResult]:
    """Running tasks whose worker has not been heard from in time."""
    cutoff = stale_before(now)
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
    return [
        row
        for row in DBTaskResult.objects.running().filter(started_at__lt=cutoff)
        if not row.worker_ids or row.worker_ids[-1] not in alive
    ]


def attempt_of(result_id: Any) -> int:
    """1 for a first run; one more than the run it retried."""
    previous = (
        TaskRetry.objects.filter(next_result_id=str(result_id)).values_list("attempt", flat=True).first()
    )
    return 1 if previous is None else previous + 1


def _requeue(row: DBTaskResult, *, run_after: dt.datetime | None) -> Any:
    """The run's task queued again with its arguments, now or after `run_after`, on the default backend."""
    task = import_string(row.task_path)
    if not isinstance(task, Task):
        raise SuspiciousOperation(f"Task {row.pk} does not point to a Task ({row.task_path})")
    options: dict[str, Any] = {"priority": row.priority, "queue_name": row.queue_name}
    if run_after is not None:
        options["run_after"] = run_after
    return task.using(**options).enqueue(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def _schedule_retry(row: DBTaskResult, *, reason: str, now: dt.datetime) -> TaskRetry:
    attempt = attempt_of(row.pk)
    delays = settings.POLKU_TASK_RETRY_DELAYS
    if attempt > len(delays):
        return TaskRetry.objects.create(
            result_id=row.pk,
            task_path=row.task_path,
            attempt=attempt,
            reason=reason,
            action=TaskRetry.Action.GAVE_UP,
        )
    when = now + dt.timedelta(seconds=delays[attempt - 1])
    new = _requeue(row, run_after=when)
    return TaskRetry.objects.create(
        result_id=row.pk,
        task_path=row.task_path,
        attempt=attempt,
        reason=reason,
        action=TaskRetry.Action.RETRIED,
        next_result_id=str(new.id),
        retry_after=when,
    )


def _give_up_lost(row: DBTaskResult, now: dt.datetime) -> bool:
    """Mark a lost run failed; False when another worker's recovery (or the worker itself) got there first."""
    worker = row.worker_ids[-1] if row.worker_ids else "?"
    return bool(
        DBTaskResult.objects.filter(pk=row.pk, status=RUNNING).update(
            status=FAILED,
            finished_at=now,
            exception_class_path=LOST_CLASS_PATH,
            traceback=f"WorkerLost: worker {worker} stopped sending heartbeats while running this task.",
        )
    )


@dataclass(frozen=True)
class Recovered:
    lost: int
    retried: int
    given_up: int


def recover(*, now: dt.datetime | None = None) -> Recovered:
    """Mark lost runs failed and queue again what may be retried; safe to run in several workers at once."""
    now = now or timezone.now()
    lost = retried = given_up = 0
    for row in lost_runs(now):
        with transaction.atomic():
            if not _give_up_lost(row, now):
                continue
            lost += 1
            hook = _ON_LOST.get(row.task_path)
            if hook is not None:
                hook(row.args_kwargs["kwargs"])
            outcome = _schedule_retry(row, reason=TaskRetry.Reason.LOST, now=now)
        retried += outcome.action == TaskRetry.Action.RETRIED
        given_up += outcome.action == TaskRetry.Action.GAVE_UP
        logger.warning("task %s (%s) was lost: %s", row.pk, row.task_path, outcome.action)
    handled = TaskRetry.objects.values("result_id")
    failed = (
        DBTaskResult.objects.failed()
        .filter(task_path__in=_RETRY_ON_ERROR, finished_at__gte=now - dt.timedelta(days=1))
        .exclude(pk__in=handled)
    )
    for row in failed:
        with transaction.atomic():
            # The unique result_id makes a second recovery's row fail, so one retry per failure.
            locked = DBTaskResult.objects.select_for_update().filter(pk=row.pk).first()
            if locked is None or TaskRetry.objects.filter(result_id=row.pk).exists():
                continue
            outcome = _schedule_retry(locked, reason=TaskRetry.Reason.ERROR, now=now)
        retried += outcome.action == TaskRetry.Action.RETRIED
        given_up += outcome.action == TaskRetry.Action.GAVE_UP
    return Recovered(lost=lost, retried=retried, given_up=given_up)


def retry_now(row: DBTaskResult, *, by: Any) -> Any:
    """An administrator runs a failed task again now; returns the new run's TaskResult."""
    with transaction.atomic():
        new = _requeue(row, run_after=None)
        reason = (
            TaskRetry.Reason.LOST if row.exception_class_path == LOST_CLASS_PATH else TaskRetry.Reason.ERROR
        )
        TaskRetry.objects.update_or_create(
            result_id=row.pk,
            defaults={
                "task_path": row.task_path,
                "attempt": attempt_of(row.pk),
                "reason": reason,
                "action": TaskRetry.Action.RETRIED_BY_ADMIN,
                "next_result_id": str(new.id),
                "retry_after": timezone.now(),
                "by": by,
            },
        )
    return new
