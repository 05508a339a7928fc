"""The background jobs page against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.operations.tests.fixtures import failed_email, failed_task
from polku.testing.roles import Post

ADMIN = {"anonymous": 302, "admin": 200}
ADMIN_WRITE = {"anonymous": 302, "admin": 302}

PAGES = {"operations_jobs": (lambda w: reverse("operations:jobs"), ADMIN, 403)}

POSTS = {
    # the admin queues the task (or the e-mail) again and is sent back to the page
    "operations_job_retry": Post(
        lambda w: reverse("operations:job_retry", args=[failed_task().pk]), lambda w: {}, ADMIN_WRITE, 403
    ),
    "operations_email_retry": Post(
        lambda w: reverse("operations:email_retry", args=[failed_email().pk]), lambda w: {}, ADMIN_WRITE, 403
    ),
}
