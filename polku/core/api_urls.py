"""Routes of background jobs in the REST API (appended to config.api_urls)."""

from django.urls import path

from polku.core import jobs_api

urlpatterns = [
    path("jobs/", jobs_api.JobListApi.as_view(), name="job-list"),
    path("jobs/<int:pk>/", jobs_api.JobDetailApi.as_view(), name="job-detail"),
    path("jobs/<int:pk>/download/", jobs_api.JobDownloadApi.as_view(), name="job-download"),
]
