"""A project's targets and activities, under /projects/<code>/ (included there by config/urls.py)."""

from django.urls import path

from polku.activities import bulk, views

app_name = "activities"
urlpatterns = [
    # From the participant list (under /projects/, before any project code could take the segment)
    path("activities/enrol-chosen/", bulk.enrol_chosen_view, name="enrol_chosen"),
    path("<str:code>/targets/new/", views.target_form_view, name="target_create"),
    path("<str:code>/targets/<int:pk>/edit/", views.target_form_view, name="target_edit"),
    path("<str:code>/targets/<int:pk>/delete/", views.target_delete_view, name="target_delete"),
    path("<str:code>/activities/new/", views.activity_create_view, name="create"),
    path("<str:code>/activities/<int:pk>/", views.activity_detail_view, name="detail"),
    path("<str:code>/activities/<int:pk>/edit/", views.activity_edit_view, name="edit"),
    path("<str:code>/activities/<int:pk>/delete/", views.activity_delete_view, name="delete"),
    path("<str:code>/activities/<int:pk>/enrol/", views.activity_enrol_view, name="enrol"),
    path("<str:code>/activities/<int:pk>/unenrol/", views.activity_unenrol_view, name="unenrol"),
]
