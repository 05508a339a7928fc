from django.urls import path

from polku.guidance.api import (
    GuidanceSessionDetailApi,
    GuidanceSessionListApi,
    MyNextStepDoneApi,
    MyNextStepListApi,
    NextStepCreateApi,
    NextStepDetailApi,
    ProjectGuidanceApi,
)

urlpatterns = [
    path(
        "participants/<int:pk>/guidance-sessions/",
        GuidanceSessionListApi.as_view(),
        name="guidance-session-list",
    ),
    path("guidance-sessions/<int:pk>/", GuidanceSessionDetailApi.as_view(), name="guidance-session-detail"),
    path(
        "guidance-sessions/<int:pk>/next-steps/",
        NextStepCreateApi.as_view(),
        name="guidance-next-step-create",
    ),
    path("next-steps/<int:pk>/", NextStepDetailApi.as_view(), name="guidance-next-step-detail"),
    path("me/next-steps/", MyNextStepListApi.as_view(), name="my-next-step-list"),
    path("me/next-steps/<int:pk>/done/", MyNextStepDoneApi.as_view(), name="my-next-step-done"),
    path("projects/<str:code>/guidance-counts/", ProjectGuidanceApi.as_view(), name="guidance-counts"),
]
