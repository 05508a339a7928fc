from django.urls import path

from polku.dashboards.api import DashboardApi, ReportApi, ReportCsvApi, ReportPdfApi, ReportXlsxApi

urlpatterns = [
    path("projects/<str:code>/dashboard/", DashboardApi.as_view(), name="dashboards-dashboard"),
    path("projects/<str:code>/report/", ReportApi.as_view(), name="dashboards-report"),
    path("projects/<str:code>/report.xlsx", ReportXlsxApi.as_view(), name="dashboards-report-xlsx"),
    path("projects/<str:code>/report.csv", ReportCsvApi.as_view(), name="dashboards-report-csv"),
    path("projects/<str:code>/report.pdf", ReportPdfApi.as_view(), name="dashboards-report-pdf"),
]
