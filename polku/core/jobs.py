"""Background jobs with progress and a file to download (decision 0055): the services and reads of
`core.BackgroundJob`, for any app whose work may take longer than a request.

An app registers what a kind of job does, from a module its AppConfig.ready() imports:

    # polku/dashboards/jobs.py
    @job_kind("dashboards.report_file")
    def report_file(job: BackgroundJob, progress: Progress) -> JobFile:
        progress(10, _("Counting the participants…"))
        ...
        return JobFile(content=..., filename="S21307-report.pdf", content_type="application/pdf")

and a service or view creates a job with `job_create(owner=…, kind=…, title=…, params=…)`. The job is
queued as the task "core.run_job" (polku/core/job_tasks.py, run by `polku worker`), which calls
`job_run`: it claims the job with one conditional UPDATE (so two workers never run it twice), runs the
handler in the owner's language, stores the file with Django's default storage and records the outcome.
A handler raises ApplicationError for a failure the owner should read; any other exception is logged
and the owner reads a general message. Files are removed `POLKU_JOB_FILE_HOURS` after the job ends
(`jobs_expire`, the periodic job "core.expire_jobs").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from polku.core.errors import ApplicationError
from polku.core.models import BackgroundJob
from polku.core.tasks import enqueue

logger = logging.getLogger(__name__)

RUN_JOB = "core.run_job"
STUCK_AFTER = dt.timedelta(days=7)  # a job that never ended (no worker) is removed after this


@dataclass(frozen=True)
class JobFile:
    content: bytes
    filename: str
    content_type: str


class Progress(Protocol):
    def __call__(self, percent: int, message: str = "") -> None: ...


Handler = Callable[[BackgroundJob, Progress], JobFile]
HANDLERS: dict[str, Handler] = {}


def job_kind(name: str) -> Callable[[Handler], Handler]:
    """Register the function that runs jobs of kind `name` (and returns their file)."""

    def register(handler: Handler) -> Handler:
        if name in HANDLERS and HANDLERS[name] is not handler:
            raise ValueError(f"job kind {name!r} is registered twice")
        HANDLERS[name] = handler
        return handler

    return register


# --- writes -------------------------------------------------------------------------------------------


def job_create(
    *, owner: Any, kind: str, title: str, params: dict[str, Any], language: str | None = None
) -> BackgroundJob:
    """A new job of `owner`, queued for the worker. The caller has checked that the owner may have what
    the job makes; the handler checks again when it runs."""
    if kind not in HANDLERS:
        raise LookupError(f"no job kind {kind!r} is registered; does its app import it in ready()?")
    job = BackgroundJob.objects.create(
        owner=owner,
        kind=kind,
        title=title[:200],
        params=params,
        language=(language or translation.get_language() or settings.LANGUAGE_CODE)[:8],
        message=_("Waiting to start…"),
    )
    enqueue(RUN_JOB, job_id=job.pk)
    job.refresh_from_db()  # a backend that runs tasks at once (tests) has finished it already
    return job


def _reporter(job_id: int) -> Progress:
    def report(percent: int, message: str = "") -> None:
        BackgroundJob.objects.filter(pk=job_id, status=BackgroundJob.Status.RUNNING).update(
            progress=max(0, min(100, int(percent))), message=message[:200]
        )

    return report


def job_run(job_id: int) -> BackgroundJob | None:
    """Run a queued job to its end (the task "core.run_job"); None when it is not queued any more."""
    now = timezone.now()
    claimed = BackgroundJob.objects.filter(pk=job_id, status=BackgroundJob.Status.QUEUED).update(
        status=BackgroundJob.Status.RUNNING, started_at=now, progress=0
    )
    if not claimed:
        return None
    job = BackgroundJob.objects.select_related("owner").get(pk=job_id)
    with translation.override(job.language):
        report = _reporter(job.pk)
        report(0, _("Started…"))
        try:
            handler = HANDLERS[job.kind]
            result = handler(job, report)
        except ApplicationError as error:
            _finish(job, status=BackgroundJob.Status.FAILED, message=error.message, error=error.message)
        except Exception as error:  # a bug or a lost database: the owner reads a plain message
            logger.exception("background job %s (%s) failed", job.pk, job.kind)
            message = _("The file could not be made. Try again later.")
            _finish(job, status=BackgroundJob.Status.FAILED, message=message, error=repr(error))
        else:
            job.file.save(result.filename, ContentFile(result.content), save=False)
            job.filename, job.content_type = result.filename[:200], result.content_type[:120]
            _finish(job, status=BackgroundJob.Status.DONE, message=_("Ready to download."))
    return job


def _finish(job: BackgroundJob, *, status: str, message: str, error: str = "") -> None:
    now = timezone.now()
    job.status, job.message, job.error = status, message[:200], error[:300]
    job.finished_at = now
    job.expires_at = now + dt.timedelta(hours=settings.POLKU_JOB_FILE_HOURS)
    if status == BackgroundJob.Status.DONE:
        job.progress = 100
    else:
        job.refresh_from_db(fields=["progress"])  # keep how far it got
    job.save(
        update_fields=[
            "status",
            "message",
            "error",
            "finished_at",
            "expires_at",
            "progress",
            "file",
            "filename",
            "content_type",
        ]
    )


def jobs_expire(*, now: dt.datetime | None = None) -> int:
    """Remove jobs whose time is up, with their files (and jobs that never ended in a week); how many."""
    now = now or timezone.now()
    due = BackgroundJob.objects.filter(
        Q(expires_at__lte=now) | Q(expires_at__isnull=True, created_at__lte=now - STUCK_AFTER)
    )
    removed = 0
    for job in due.iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        removed += 1
    return removed


# --- reads --------------------------------------------------------------------------------------------


def jobs_of(user: Any) -> QuerySet[BackgroundJob]:
    """The user's own jobs that have not expired, newest first."""
    now = timezone.now()
    return BackgroundJob.objects.filter(owner=user).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


def job_get_own(*, user: Any, pk: int) -> BackgroundJob:
    """The user's own job; 404 for anyone else's (its existence is not revealed) and for an expired one."""
    job = jobs_of(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
