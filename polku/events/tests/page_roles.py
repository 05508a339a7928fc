"""Event pages against every role (collected by polku/core/tests/test_page_roles.py), one module per
sub-domain."""

from polku.events.tests import page_roles_events, page_roles_meetings, page_roles_registrations

PAGES = {**page_roles_events.PAGES, **page_roles_registrations.PAGES, **page_roles_meetings.PAGES}
POSTS = {**page_roles_events.POSTS, **page_roles_registrations.POSTS, **page_roles_meetings.POSTS}
