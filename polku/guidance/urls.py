from django.urls import path

from polku.guidance import views

app_name = "guidance"
urlpatterns = [
    path("participations/<int:pk>/new/", views.session_create_view, name="session_create"),
    path("sessions/<int:pk>/", views.session_view, name="session"),
    path("sessions/<int:pk>/edit/", views.session_edit_view, name="session_edit"),
    path("sessions/<int:pk>/delete/", views.session_delete_view, name="session_delete"),
    path("sessions/<int:pk>/steps/new/", views.step_create_view, name="step_create"),
    path("steps/<int:pk>/edit/", views.step_edit_view, name="step_edit"),
    path("steps/<int:pk>/delete/", views.step_delete_view, name="step_delete"),
    path("steps/<int:pk>/done/", views.step_done_view, name="step_done"),
]
