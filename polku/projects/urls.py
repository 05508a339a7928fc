from django.urls import path

from polku.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list_view, name="list"),
    path("<str:code>/", views.project_detail_view, name="detail"),
    path("<str:code>/edit/", views.project_edit_view, name="edit"),
    path("<str:code>/work-packages/new/", views.work_package_form_view, name="work_package_create"),
    path("<str:code>/work-packages/<int:pk>/edit/", views.work_package_form_view, name="work_package_edit"),
    path(
        "<str:code>/work-packages/<int:pk>/delete/",
        views.work_package_delete_view,
        name="work_package_delete",
    ),
    path("<str:code>/targets/new/", views.target_form_view, name="target_create"),
    path("<str:code>/targets/<int:pk>/edit/", views.target_form_view, name="target_edit"),
    path("<str:code>/targets/<int:pk>/delete/", views.target_delete_view, name="target_delete"),
    path("<str:code>/activities/new/", views.activity_create_view, name="activity_create"),
    path("<str:code>/activities/<int:pk>/", views.activity_detail_view, name="activity"),
    path("<str:code>/activities/<int:pk>/edit/", views.activity_edit_view, name="activity_edit"),
    path("<str:code>/activities/<int:pk>/delete/", views.activity_delete_view, name="activity_delete"),
    path("<str:code>/activities/<int:pk>/enrol/", views.activity_enrol_view, name="activity_enrol"),
    path("<str:code>/activities/<int:pk>/unenrol/", views.activity_unenrol_view, name="activity_unenrol"),
    path("<str:code>/privacy/", views.privacy_view, name="privacy"),
]
