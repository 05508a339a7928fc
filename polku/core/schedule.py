"""Periodic jobs: tasks that run every so often (reminders, follow-ups, retention), queued by the worker.

An app registers a task at import time (from its `tasks.py`, imported by its AppConfig.ready):

    @periodic("mentoring.session_reminders", every=timedelta(hours=1))
    @task()
    def send_session_reminders() -> int: ...

`polku worker` calls `enqueue_due()` once a minute; `polku schedule` does it once (for cron, or to run
everything due now with `--all`). A job's task takes no arguments and must be idempotent: it looks at the
database for what is due rather than trusting that it ran exactly on time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from polku.core.models import ScheduledJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    every: dt.timedelta
    task: Any  # a django_tasks Task


REGISTRY: dict[str, Periodic] = {}


def periodic(name: str, *, every: dt.timedelta) -> Callable[[Any], Any]:
    """Register a django_tasks task to be queued every `every`."""

    def register(task: Any) -> Any:
        if name in REGISTRY and REGISTRY[name].task is not task:
            raise ValueError(f"periodic job {name!r} is registered twice")
        REGISTRY[name] = Periodic(name=name, every=every, task=task)
        return task

    return register


def _claim(job: Periodic, now: dt.datetime) -> bool:
    """True when this caller won the right to run `job` now (and moved its next run on)."""
    try:
        with transaction.atomic():
            _, created = ScheduledJob.objects.get_or_create(
                name=job.name, defaults={"next_run_at": now + job.every, "last_run_at": now}
            )
    except IntegrityError:  # another worker created it at the same moment
        return False
    if created:
        return True
    claimed = ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now).update(
        next_run_at=now + job.every, last_run_at=now
    )
    return claimed == 1


def enqueue_due(*, now: dt.datetime | None = None, force: bool = False) -> list[str]:
    """Queue every registered job that is due (all of them with `force`); returns the names queued."""
    now = now or timezone.now()
    queued = []
    for name in sorted(REGISTRY):
        job = REGISTRY[name]
        if force or _claim(job, now):
            job.task.enqueue()
            queued.append(name)
    if queued:
        logger.info("queued periodic jobs: %s", ", ".join(queued))
    return queued
