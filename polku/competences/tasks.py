"""Background work of competence profiles: ranking long texts (run by `polku worker`)."""

from __future__ import annotations

from django_tasks import task

from polku.competences import services
from polku.core.tasks import named


@named(services.SUGGEST_LONG_TEXT)
@task()
def suggest_long_text(*, job_id: int) -> int:
    job = services.run_job(job_id)
    return job.skills_found if job is not None else 0
