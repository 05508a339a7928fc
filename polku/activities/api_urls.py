"""API routes of a project's targets, activities and enrolments (listed in config/api_urls.py after the
project's structure, under the `api:` namespace, with the same paths and names as before decision 0050)."""

from django.urls import path

from polku.activities.api import (
    ActivityDetailApi,
    ActivityListApi,
    EnrolmentDetailApi,
    EnrolmentListApi,
    TargetDetailApi,
    TargetListApi,
)

target_urlpatterns = [
    path("projects/<str:code>/targets/", TargetListApi.as_view(), name="target-list"),
    path("projects/<str:code>/targets/<int:pk>/", TargetDetailApi.as_view(), name="target-detail"),
]

activity_urlpatterns = [
    path("projects/<str:code>/activities/", ActivityListApi.as_view(), name="activity-list"),
    path("projects/<str:code>/activities/<int:pk>/", ActivityDetailApi.as_view(), name="activity-detail"),
    path(
        "projects/<str:code>/activities/<int:pk>/enrolments/",
        EnrolmentListApi.as_view(),
        name="enrolment-list",
    ),
    path(
        "projects/<str:code>/activities/<int:pk>/enrolments/<int:participation_id>/",
        EnrolmentDetailApi.as_view(),
        name="enrolment-detail",
    ),
]

urlpatterns = [*target_urlpatterns, *activity_urlpatterns]
