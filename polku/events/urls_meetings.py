"""Pages of 1:1 meetings, networking rounds and, after the event, the people one met (see urls.py)."""

from django.urls import path

from polku.events.views import contacts, meetings, rounds

urlpatterns = [
    # attendees
    path("<int:pk>/meetings/profile/", meetings.match_profile_view, name="match_profile"),
    path("<int:pk>/meetings/suggestions/", meetings.suggestions_view, name="suggestions"),
    path("<int:pk>/meetings/requests/", meetings.requests_view, name="requests"),
    path("<int:pk>/meetings/requests/send/", meetings.request_send_view, name="request_send"),
    path("meeting-requests/<int:request_pk>/answer/", meetings.request_answer_view, name="request_answer"),
    path("<int:pk>/meetings/block/", meetings.block_view, name="meeting_block"),
    path("<int:pk>/meetings/agenda/", meetings.agenda_view, name="agenda"),
    path("<int:pk>/meetings/agenda.ics", meetings.agenda_ics_view, name="agenda_ics"),
    # organisers
    path("<int:pk>/meetings/", meetings.meetings_view, name="meetings"),
    path("<int:pk>/meetings/slots/generate/", meetings.slots_generate_view, name="meeting_slots_generate"),
    path(
        "<int:pk>/meetings/slots/<int:slot_pk>/remove/", meetings.slot_remove_view, name="meeting_slot_remove"
    ),
    path("<int:pk>/meetings/settings/", meetings.matchmaking_view, name="matchmaking"),
    path("<int:pk>/meetings/must-meet/", meetings.must_meet_view, name="must_meet"),
    path("<int:pk>/meetings/schedule/", meetings.schedule_run_view, name="schedule_run"),
    path("<int:pk>/meetings/publish/", meetings.schedule_publish_view, name="schedule_publish"),
    path("meetings/<int:meeting_pk>/cancel/", meetings.meeting_cancel_view, name="meeting_cancel"),
    path(
        "meetings/<int:meeting_pk>/attendance/", meetings.meeting_attendance_view, name="meeting_attendance"
    ),
    # networking rounds
    path("<int:pk>/live/", rounds.live_view, name="live"),
    path("<int:pk>/met/", contacts.met_view, name="met"),
    path("<int:pk>/met/ask/", contacts.contact_request_view, name="contact_request"),
    path("contact-requests/<int:contact_pk>/answer/", contacts.contact_answer_view, name="contact_answer"),
    path("<int:pk>/rounds/", rounds.rounds_view, name="rounds"),
    path("<int:pk>/rounds/plan/", rounds.rounds_plan_view, name="rounds_plan"),
    path("<int:pk>/rounds/publish/", rounds.round_publish_view, name="round_publish"),
    path("<int:pk>/rounds/next/", rounds.round_next_view, name="round_next"),
    path("<int:pk>/rounds/end/", rounds.rounds_end_view, name="rounds_end"),
    path("<int:pk>/rounds/move/", rounds.round_move_view, name="round_move"),
    path("<int:pk>/rounds/late/", rounds.round_late_view, name="round_late"),
]
