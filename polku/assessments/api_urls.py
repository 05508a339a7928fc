from django.urls import path

from polku.assessments.api import (
    AssessmentDetailApi,
    FrameworkDetailApi,
    FrameworkListApi,
    PersonAssessmentListApi,
    PersonProgressApi,
    ProjectDeltasApi,
    ProjectDeltasCsvApi,
    ProjectDeltasXlsxApi,
)

urlpatterns = [
    path("assessments/frameworks/", FrameworkListApi.as_view(), name="assessments-framework-list"),
    path(
        "assessments/frameworks/<str:key>/", FrameworkDetailApi.as_view(), name="assessments-framework-detail"
    ),
    path(
        "assessments/people/<int:person_id>/",
        PersonAssessmentListApi.as_view(),
        name="assessments-person-list",
    ),
    path(
        "assessments/people/<int:person_id>/progress/",
        PersonProgressApi.as_view(),
        name="assessments-person-progress",
    ),
    path("assessments/<int:pk>/", AssessmentDetailApi.as_view(), name="assessments-detail"),
    path(
        "assessments/projects/<str:code>/deltas/",
        ProjectDeltasApi.as_view(),
        name="assessments-project-deltas",
    ),
    path(
        "assessments/projects/<str:code>/deltas.csv",
        ProjectDeltasCsvApi.as_view(),
        name="assessments-project-deltas-csv",
    ),
    path(
        "assessments/projects/<str:code>/deltas.xlsx",
        ProjectDeltasXlsxApi.as_view(),
        name="assessments-project-deltas-xlsx",
    ),
]
