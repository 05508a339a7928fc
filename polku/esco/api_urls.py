from django.urls import path

from polku.esco import api

urlpatterns = [
    path("esco/concepts/", api.EscoConceptListApi.as_view(), name="esco-concept-list"),
    path("esco/concepts/by-uri/", api.EscoConceptByUriApi.as_view(), name="esco-concept-by-uri"),
    path("esco/concepts/<int:pk>/", api.EscoConceptDetailApi.as_view(), name="esco-concept-detail"),
    path("esco/releases/", api.EscoReleaseListApi.as_view(), name="esco-release-list"),
]
