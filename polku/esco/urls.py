from django.urls import path

from polku.esco import views

app_name = "esco"
urlpatterns = [
    path("", views.search_view, name="search"),
    path("concepts/<int:pk>/", views.concept_view, name="concept"),
    path("releases/", views.releases_view, name="releases"),
]
