"""API routes of events under /api/v1/events/, from one module per sub-domain (see the api package)."""

from polku.events import api_urls_events, api_urls_meetings, api_urls_registrations

urlpatterns = [
    *api_urls_events.urlpatterns,
    *api_urls_registrations.urlpatterns,
    *api_urls_meetings.urlpatterns,
]
