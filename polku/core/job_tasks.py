"""Tasks of background jobs (polku.core.jobs), run by `polku worker`: one job, and the hourly removal of
expired job files. An entry point (decision 0049): each task calls one service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core import jobs
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
