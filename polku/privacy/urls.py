from django.urls import path

from polku.privacy import views

app_name = "privacy"
# Mounted at the site root: the participant's own pages sit beside /participants/me/.
urlpatterns = [
    path("participants/me/data/", views.my_data_view, name="my_data"),
    path("participants/me/data.json", views.my_data_json_view, name="my_data_json"),
    path("participants/me/erasure/", views.my_erasure_view, name="my_erasure"),
    path("privacy/participants/<int:pk>/data/", views.participant_data_view, name="participant_data"),
    path(
        "privacy/participants/<int:pk>/data.json",
        views.participant_data_json_view,
        name="participant_data_json",
    ),
    path("privacy/participants/<int:pk>/erasure/", views.erasure_on_behalf_view, name="erasure_on_behalf"),
    path("privacy/erasure/", views.erasure_list_view, name="erasure_list"),
    path("privacy/erasure/<int:pk>/", views.erasure_detail_view, name="erasure_detail"),
    path("privacy/retention/", views.retention_view, name="retention"),
    path("privacy/projects/<str:code>/retention/", views.project_retention_view, name="project_retention"),
]
