"""Pages of events under /events/, from one module per sub-domain (see the views package)."""

from polku.events import urls_events, urls_meetings, urls_registrations

app_name = "events"

urlpatterns = [*urls_events.urlpatterns, *urls_registrations.urlpatterns, *urls_meetings.urlpatterns]
