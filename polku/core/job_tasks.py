"""Tasks of background jobs (polku.core.jobs), run by `polku worker`: one job, the hourly removal of
expired job files and the daily removal of old e-mail records (polku.core.privacy). An entry point (decision 0049): each task calls one service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core import jobs
from polku.core.privacy import emails_forget
from polku.core.schedule import periodic
from polku.core.tasks import named


@named(jobs.RUN_JOB)
@task()
def run_job(*, job_id: int) -> str:
    job = jobs.job_run(job_id)
    return job.status if job is not None else "skipped"


@periodic("core.expire_jobs", every=dt.timedelta(hours=1))
@task()
def expire_jobs() -> int:
    return jobs.jobs_expire()


@periodic("core.forget_emails", every=dt.timedelta(days=1))
@task()
def forget_emails() -> int:
    return emails_forget()
