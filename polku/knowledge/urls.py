from django.urls import path

from polku.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.library_view, name="library"),
    path("manage/", views.manage_view, name="manage"),
    path("practices/new/", views.practice_edit_view, name="practice_create"),
    path("practices/<slug:slug>/", views.practice_view, name="practice"),
    path("practices/<slug:slug>/edit/", views.practice_edit_view, name="practice_edit"),
    path("pages/new/", views.page_edit_view, name="page_create"),
    path("pages/<slug:slug>/", views.page_view, name="page"),
    path("pages/<slug:slug>/edit/", views.page_edit_view, name="page_edit"),
    path("evaluation/", views.evaluation_index_view, name="evaluation_index"),
    path("evaluation/<str:code>/", views.evaluation_view, name="evaluation"),
]
