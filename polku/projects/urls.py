from django.urls import path

from polku.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list_view, name="list"),
    path("<str:code>/", views.project_detail_view, name="detail"),
]
