from django.urls import path

from polku.knowledge import api

urlpatterns = [
    path("knowledge/practices/", api.GoodPracticeListApi.as_view(), name="knowledge-practice-list"),
    path(
        "knowledge/practices/<slug:slug>/",
        api.GoodPracticeDetailApi.as_view(),
        name="knowledge-practice-detail",
    ),
    path("knowledge/pages/", api.HandbookPageListApi.as_view(), name="knowledge-page-list"),
    path("knowledge/pages/<slug:slug>/", api.HandbookPageDetailApi.as_view(), name="knowledge-page-detail"),
    path(
        "projects/<str:code>/evaluation-notes/",
        api.EvaluationNoteListApi.as_view(),
        name="knowledge-evaluation-note-list",
    ),
]
