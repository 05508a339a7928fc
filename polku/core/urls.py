"""Pages of the core: a background job's progress page and its file (polku.core.job_views)."""

from django.urls import path

from polku.core import job_views

app_name = "core"
urlpatterns = [
    path("<int:pk>/", job_views.job_view, name="job"),
    path("<int:pk>/download/", job_views.job_download_view, name="job_download"),
]
