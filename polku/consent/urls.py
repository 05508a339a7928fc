"""A project's privacy notices, under /projects/<code>/privacy/ (included there by config/urls.py)."""

from django.urls import path

from polku.consent import views

app_name = "consent"
urlpatterns = [
    path("<str:code>/privacy/", views.notices_view, name="notices"),
]
