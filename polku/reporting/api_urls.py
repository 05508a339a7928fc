from django.urls import path

from polku.reporting.api import IndicatorTableApi

urlpatterns = [
    path("projects/<str:code>/indicators/", IndicatorTableApi.as_view(), name="reporting-indicator-table"),
]
