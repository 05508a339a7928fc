"""Background-job pages against every role (collected by polku/core/tests/test_page_roles.py): the
owner's only, 404 for anyone else."""

from django.urls import reverse

from polku.core.tests.jobs_world import done_job

OWNER = {"anonymous": 302, "user_a": 200}

PAGES = {
    "core_job": (lambda w: reverse("core:job", args=[done_job(w.user_a).pk]), OWNER, 404),
    "core_job_download": (lambda w: reverse("core:job_download", args=[done_job(w.user_a).pk]), OWNER, 404),
}
