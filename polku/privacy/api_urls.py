from django.urls import path

from polku.privacy import api

urlpatterns = [
    path("me/data/", api.MyDataApi.as_view(), name="privacy-my-data"),
    path("me/erasure-requests/", api.MyErasureRequestsApi.as_view(), name="privacy-my-erasure-requests"),
    path("participants/<int:pk>/data/", api.ParticipantDataApi.as_view(), name="privacy-participant-data"),
    path("erasure-requests/", api.ErasureRequestListApi.as_view(), name="privacy-erasure-request-list"),
    path(
        "erasure-requests/<int:pk>/handle/",
        api.ErasureRequestHandleApi.as_view(),
        name="privacy-erasure-request-handle",
    ),
    path("privacy/retention/", api.RetentionApi.as_view(), name="privacy-retention"),
    path(
        "projects/<str:code>/retention/", api.ProjectRetentionApi.as_view(), name="privacy-project-retention"
    ),
]
