"""API routes of events as the organisers set them up (see api_urls.py)."""

from django.urls import path

from polku.events.api import events as api

urlpatterns = [
    path("events/", api.EventListApi.as_view(), name="events-list"),
    path("events/<int:pk>/", api.EventDetailApi.as_view(), name="events-detail"),
    path("events/<int:pk>/speakers/", api.SpeakerListApi.as_view(), name="events-speaker-list"),
    path(
        "events/<int:pk>/speakers/<int:speaker_pk>/",
        api.SpeakerDetailApi.as_view(),
        name="events-speaker-detail",
    ),
    path("events/<int:pk>/questions/", api.QuestionListApi.as_view(), name="events-question-list"),
    path(
        "events/<int:pk>/questions/<int:question_pk>/",
        api.QuestionDetailApi.as_view(),
        name="events-question-detail",
    ),
]
