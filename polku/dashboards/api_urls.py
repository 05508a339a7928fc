from django.urls import path

from polku.dashboards.api import DashboardApi, ReportApi

urlpatterns = [
    path("projects/<str:code>/dashboard/", DashboardApi.as_view(), name="dashboards-dashboard"),
    path("projects/<str:code>/report/", ReportApi.as_view(), name="dashboards-report"),
]
