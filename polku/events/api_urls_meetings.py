"""API routes of 1:1 meetings and networking rounds (see api_urls.py)."""

from django.urls import path

from polku.events.api import contacts
from polku.events.api import meetings as api

E = "events/<int:pk>"

urlpatterns = [
    path(f"{E}/meetings/profile/", api.ProfileApi.as_view(), name="events-match-profile"),
    path(f"{E}/meetings/suggestions/", api.SuggestionsApi.as_view(), name="events-suggestions"),
    path(f"{E}/meetings/requests/", api.RequestsApi.as_view(), name="events-requests"),
    path(
        "events/meeting-requests/<int:request_pk>/answer/",
        api.RequestAnswerApi.as_view(),
        name="events-request-answer",
    ),
    path(f"{E}/meetings/blocks/", api.BlockApi.as_view(), name="events-block"),
    path(f"{E}/meetings/agenda/", api.AgendaApi.as_view(), name="events-agenda"),
    path(f"{E}/meetings/agenda.ics", api.AgendaIcsApi.as_view(), name="events-agenda-ics"),
    path(f"{E}/meetings/met/", contacts.MetApi.as_view(), name="events-met"),
    path(f"{E}/contacts/", contacts.ContactRequestApi.as_view(), name="events-contact-request"),
    path(
        "events/contact-requests/<int:contact_pk>/answer/",
        contacts.ContactAnswerApi.as_view(),
        name="events-contact-answer",
    ),
    path(f"{E}/meetings/slots/", api.SlotsApi.as_view(), name="events-meeting-slots"),
    path(
        f"{E}/meetings/slots/generate/", api.SlotsGenerateApi.as_view(), name="events-meeting-slots-generate"
    ),
    path(f"{E}/meetings/slots/<int:slot_pk>/", api.SlotDetailApi.as_view(), name="events-meeting-slot"),
    path(f"{E}/meetings/settings/", api.SettingsApi.as_view(), name="events-matchmaking"),
    path(f"{E}/meetings/", api.MeetingsApi.as_view(), name="events-meetings"),
    path(f"{E}/meetings/schedule/", api.ScheduleApi.as_view(), name="events-schedule-run"),
    path(f"{E}/meetings/publish/", api.PublishApi.as_view(), name="events-schedule-publish"),
    path(
        "events/meetings/<int:meeting_pk>/cancel/",
        api.MeetingCancelApi.as_view(),
        name="events-meeting-cancel",
    ),
    path(
        "events/meetings/<int:meeting_pk>/attendance/",
        api.MeetingAttendanceApi.as_view(),
        name="events-meeting-attendance",
    ),
    path(f"{E}/live/", api.LiveApi.as_view(), name="events-live"),
    path(f"{E}/rounds/", api.RoundsApi.as_view(), name="events-rounds"),
    path(f"{E}/rounds/plan/", api.RoundsPlanApi.as_view(), name="events-rounds-plan"),
    path(f"{E}/rounds/publish/", api.RoundPublishApi.as_view(), name="events-round-publish"),
    path(f"{E}/rounds/next/", api.RoundNextApi.as_view(), name="events-round-next"),
    path(f"{E}/rounds/end/", api.RoundsEndApi.as_view(), name="events-rounds-end"),
    path(f"{E}/rounds/move/", api.RoundMoveApi.as_view(), name="events-round-move"),
    path(f"{E}/rounds/late/", api.RoundLateApi.as_view(), name="events-round-late"),
]
