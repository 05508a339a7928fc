"""Pages under /projects/: the project list, a project's page, its own fields and its work packages, and
its people and roles (polku.projects.people).

The apps above serve their own pages under /projects/<code>/ from their urls (config/urls.py includes
them under the same prefix): targets and activities (`activities:`), privacy notices (`consent:`),
dashboards and reports (`dashboards:`).
"""

from django.urls import path

from polku.projects import views
from polku.projects.people.urls import project_urlpatterns as people_urlpatterns

app_name = "projects"
urlpatterns = [
    path("", views.project_list_view, name="list"),
    path("new/", views.project_create_view, name="create"),
    path("<str:code>/", views.project_detail_view, name="detail"),
    path("<str:code>/partners/new/", views.partner_form_view, name="partner_create"),
    path("<str:code>/partners/<int:pk>/edit/", views.partner_form_view, name="partner_edit"),
    path("<str:code>/partners/<int:pk>/delete/", views.partner_delete_view, name="partner_delete"),
    path("<str:code>/edit/", views.project_edit_view, name="edit"),
    path("<str:code>/work-packages/new/", views.work_package_form_view, name="work_package_create"),
    path("<str:code>/work-packages/<int:pk>/edit/", views.work_package_form_view, name="work_package_edit"),
    path(
        "<str:code>/work-packages/<int:pk>/delete/",
        views.work_package_delete_view,
        name="work_package_delete",
    ),
    *people_urlpatterns,
]
