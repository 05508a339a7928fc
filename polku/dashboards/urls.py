from django.urls import path

from polku.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("<str:code>/dashboard/", views.dashboard_view, name="dashboard"),
    path("<str:code>/report/", views.report_view, name="report"),
    path("<str:code>/report.<str:fmt>", views.report_download_view, name="report_download"),
]
