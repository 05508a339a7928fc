from django.urls import path

from polku.operations import api

urlpatterns = [
    path("operations/jobs/", api.JobListApi.as_view(), name="operations-job-list"),
    path("operations/jobs/<str:pk>/retry/", api.JobRetryApi.as_view(), name="operations-job-retry"),
    path("operations/emails/", api.EmailListApi.as_view(), name="operations-email-list"),
    path("operations/emails/<int:pk>/retry/", api.EmailRetryApi.as_view(), name="operations-email-retry"),
]
