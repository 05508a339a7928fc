from django.urls import path

from polku.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("template.csv", views.template, name="template"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/discard/", views.discard, name="discard"),
]
