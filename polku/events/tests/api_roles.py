"""Event API routes against every role (collected by polku/core/tests/test_api_roles.py), one module per
sub-domain."""

from polku.events.tests import api_roles_events, api_roles_meetings, api_roles_registrations

CASES = [*api_roles_events.CASES, *api_roles_registrations.CASES, *api_roles_meetings.CASES]
