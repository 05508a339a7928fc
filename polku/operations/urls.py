from django.urls import path

from polku.operations import views

app_name = "operations"
urlpatterns = [
    path("", views.jobs_view, name="jobs"),
    path("tasks/<str:pk>/retry/", views.job_retry_view, name="job_retry"),
    path("emails/<int:pk>/retry/", views.email_retry_view, name="email_retry"),
]
