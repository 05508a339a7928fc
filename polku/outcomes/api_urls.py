from django.urls import path

from polku.outcomes.api import (
    ExitRecordApi,
    FollowUpApi,
    FollowUpListApi,
    OutcomeDetailApi,
    OutcomeListApi,
    ParticipationReopenApi,
)

urlpatterns = [
    path("participants/<int:pk>/exit-record/", ExitRecordApi.as_view(), name="outcomes-exit-record"),
    path(
        "participants/<int:pk>/reopen/",
        ParticipationReopenApi.as_view(),
        name="outcomes-participation-reopen",
    ),
    path("participants/<int:pk>/follow-up/", FollowUpApi.as_view(), name="outcomes-follow-up"),
    path("participants/<int:pk>/outcomes/", OutcomeListApi.as_view(), name="outcomes-outcome-list"),
    path(
        "participants/<int:pk>/outcomes/<int:outcome_id>/",
        OutcomeDetailApi.as_view(),
        name="outcomes-outcome-detail",
    ),
    path("follow-ups/", FollowUpListApi.as_view(), name="outcomes-follow-up-list"),
]
