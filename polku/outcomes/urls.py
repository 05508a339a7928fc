from django.urls import path

from polku.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("participations/<int:pk>/", views.participation_view, name="participation"),
    path("participations/<int:pk>/exit/", views.exit_view, name="exit"),
    path("participations/<int:pk>/exit/send-link/", views.exit_link_send_view, name="exit_link_send"),
    path("participations/<int:pk>/reopen/", views.reopen_view, name="reopen"),
    path("participations/<int:pk>/follow-up/", views.follow_up_record_view, name="follow_up_record"),
    path("participations/<int:pk>/outcomes/new/", views.outcome_create_view, name="outcome_create"),
    path("outcomes/<int:pk>/edit/", views.outcome_edit_view, name="outcome_edit"),
    path("outcomes/<int:pk>/delete/", views.outcome_delete_view, name="outcome_delete"),
    path("follow-ups/", views.follow_up_list_view, name="follow_up_list"),
    path("follow-up/<str:token>/", views.follow_up_answer_view, name="follow_up_answer"),
    path("exit/<str:token>/", views.exit_link_view, name="exit_link"),
]
