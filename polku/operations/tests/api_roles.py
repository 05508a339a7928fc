"""The background jobs API against every role (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

from polku.operations.tests.fixtures import failed_email, failed_task
from polku.testing.roles import Case, expect

ADMIN = expect(403, admin=200)

CASES = [
    Case("operations-job-list", lambda w: ("get", "/api/v1/operations/jobs/", None), ADMIN),
    Case(
        "operations-job-retry",
        lambda w: ("post", f"/api/v1/operations/jobs/{failed_task().pk}/retry/", {}),
        ADMIN,
    ),
    Case("operations-email-list", lambda w: ("get", "/api/v1/operations/emails/", None), ADMIN),
    Case(
        "operations-email-retry",
        lambda w: ("post", f"/api/v1/operations/emails/{failed_email().pk}/retry/", {}),
        ADMIN,
    ),
]
