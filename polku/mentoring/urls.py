from django.urls import path

from polku.mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.programme_list_view, name="programmes"),
    path("new/<str:code>/", views.programme_create_view, name="programme_create"),
    path("programmes/<int:pk>/", views.programme_detail_view, name="programme"),
    path("programmes/<int:pk>/edit/", views.programme_edit_view, name="programme_edit"),
    path("programmes/<int:pk>/match/", views.run_create_view, name="run_create"),
    path("programmes/<int:pk>/join/", views.programme_join_view, name="join"),
    path("programmes/<int:pk>/mentors/", views.choose_mentor_view, name="choose"),
    path("programmes/<int:pk>/invite-mentor/", views.mentor_invite_view, name="invite_mentor"),
    path("runs/<int:pk>/", views.run_detail_view, name="run"),
    path("runs/<int:pk>/publish/", views.run_publish_view, name="run_publish"),
    path("proposals/<int:pk>/remove/", views.proposal_remove_view, name="proposal_remove"),
    path("profile/", views.mentor_profile_view, name="profile"),
    path("me/", views.my_mentoring_view, name="mine"),
    path("mentorships/<int:pk>/", views.mentorship_view, name="mentorship"),
    path("mentorships/<int:pk>/respond/", views.respond_view, name="respond"),
    path("mentorships/<int:pk>/sessions/", views.session_create_view, name="session_create"),
    path("mentorships/<int:pk>/goals/", views.goal_create_view, name="goal_create"),
    path("mentorships/<int:pk>/goals/<int:goal_pk>/", views.goal_status_view, name="goal_status"),
    path("mentorships/<int:pk>/close/", views.close_view, name="close"),
    path("check-ins/<int:pk>/", views.checkin_view, name="checkin"),
]
