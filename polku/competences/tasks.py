"""Background work of competence profiles: ranking long texts (run by `polku worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def suggest_long_text(*, job_id: int) -> int:
    from polku.competences import services

    job = services.run_job(job_id)
    return job.skills_found if job is not None else 0
