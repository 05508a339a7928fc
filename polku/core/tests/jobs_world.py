"""A background job of participant a (user_a) for the role matrix and the job tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from polku.core.models import BackgroundJob


def done_job(owner: Any, *, content: bytes = b"a;b\r\n1;2\r\n") -> BackgroundJob:
    job = BackgroundJob.objects.create(
        owner=owner,
        kind="test.file",
        title="A file",
        status=BackgroundJob.Status.DONE,
        progress=100,
        message="Ready to download.",
        filename="file.csv",
        content_type="text/csv; charset=utf-8",
        finished_at=timezone.now(),
        expires_at=timezone.now() + dt.timedelta(hours=1),
    )
    job.file.save("file.csv", ContentFile(content), save=True)
    return job


def running_job(owner: Any) -> BackgroundJob:
    return BackgroundJob.objects.create(
        owner=owner, kind="test.file", title="A file", status=BackgroundJob.Status.RUNNING, progress=40
    )
