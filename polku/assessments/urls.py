from django.urls import path

from polku.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.index_view, name="index"),
    path("me/", views.me_view, name="me"),
    path("people/<int:pk>/", views.person_view, name="person"),
    path("people/<int:pk>/new/<str:framework>/", views.take_view, name="take"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/delete/", views.delete_view, name="delete"),
    path("projects/<str:code>/", views.project_view, name="project"),
]
