"""Role-matrix cases for the reporting API (collected by polku/core/tests/test_api_roles.py)."""

from polku.testing.roles import STAFF_READ, Case

# Another partner's table (403 for coord_a) is tested in test_api_cli.py: the route check
# resolves paths without query strings.
CASES = [
    # Coordinators get their own partner's table; the lead, evaluators and admins the project's.
    Case(
        "reporting-indicator-table",
        lambda w: ("get", "/api/v1/projects/S29999/indicators/", None),
        STAFF_READ,
    ),
]
