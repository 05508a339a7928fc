"""Background-job routes against every role (collected by polku/core/tests/test_api_roles.py): a job is
its owner's only; anyone else gets 404, so its existence is not revealed."""

from polku.core.tests.jobs_world import done_job
from polku.testing.roles import EVERYONE, Case, expect

API = "/api/v1/jobs"
OWNER_ONLY = expect(404, user_a=200)

CASES = [
    Case("job-list", lambda w: ("get", f"{API}/", None), EVERYONE),
    Case("job-detail", lambda w: ("get", f"{API}/{done_job(w.user_a).pk}/", None), OWNER_ONLY),
    Case("job-download", lambda w: ("get", f"{API}/{done_job(w.user_a).pk}/download/", None), OWNER_ONLY),
]
