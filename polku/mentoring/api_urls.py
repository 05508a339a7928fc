"""Mentoring routes under /api/v1/mentoring/ (appended to config.api_urls)."""

from django.urls import path

from polku.mentoring import api

M = "mentoring"
urlpatterns = [
    path(f"{M}/programmes/", api.ProgrammeListApi.as_view(), name="mentoring-programme-list"),
    path(f"{M}/programmes/<int:pk>/", api.ProgrammeDetailApi.as_view(), name="mentoring-programme-detail"),
    path(f"{M}/programmes/<int:pk>/mentees/", api.MenteeListApi.as_view(), name="mentoring-mentee-list"),
    path(f"{M}/programmes/<int:pk>/runs/", api.RunListApi.as_view(), name="mentoring-run-list"),
    path(
        f"{M}/programmes/<int:pk>/ranked-mentors/",
        api.RankedMentorsApi.as_view(),
        name="mentoring-ranked-mentors",
    ),
    path(
        f"{M}/programmes/<int:pk>/mentors/<int:mentor_pk>/request/",
        api.MentorRequestApi.as_view(),
        name="mentoring-mentor-request",
    ),
    path(f"{M}/runs/<int:pk>/", api.RunDetailApi.as_view(), name="mentoring-run-detail"),
    path(f"{M}/runs/<int:pk>/proposals/", api.RunProposalsApi.as_view(), name="mentoring-proposal-list"),
    path(f"{M}/runs/<int:pk>/publish/", api.RunPublishApi.as_view(), name="mentoring-run-publish"),
    path(f"{M}/proposals/<int:pk>/", api.ProposalDetailApi.as_view(), name="mentoring-proposal-detail"),
    path(f"{M}/mentor-profile/", api.MentorProfileApi.as_view(), name="mentoring-mentor-profile"),
    path(f"{M}/mentorships/", api.MyMentorshipsApi.as_view(), name="mentoring-mentorship-list"),
    path(f"{M}/mentorships/<int:pk>/", api.MentorshipDetailApi.as_view(), name="mentoring-mentorship-detail"),
    path(
        f"{M}/mentorships/<int:pk>/respond/",
        api.MentorshipRespondApi.as_view(),
        name="mentoring-mentorship-respond",
    ),
    path(f"{M}/mentorships/<int:pk>/goals/", api.GoalListApi.as_view(), name="mentoring-goal-list"),
    path(f"{M}/mentorships/<int:pk>/sessions/", api.SessionListApi.as_view(), name="mentoring-session-list"),
    path(
        f"{M}/mentorships/<int:pk>/close/",
        api.MentorshipCloseApi.as_view(),
        name="mentoring-mentorship-close",
    ),
    path(f"{M}/check-ins/<int:pk>/", api.CheckInAnswerApi.as_view(), name="mentoring-checkin-answer"),
]
