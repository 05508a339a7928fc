from django.urls import path

from polku.employers import views

app_name = "employers"
urlpatterns = [
    path("", views.index_view, name="index"),
    path("<int:pk>/", views.employer_view, name="employer"),
    path("<int:pk>/invite/", views.invite_view, name="invite"),
    path("<int:pk>/log/", views.entry_create_view, name="entry_create"),
    path("<int:pk>/needs/new/", views.need_create_view, name="need_create"),
    path("log/<int:pk>/done/", views.follow_up_done_view, name="follow_up_done"),
    path("needs/<int:pk>/", views.need_view, name="need"),
    path("needs/<int:pk>/edit/", views.need_edit_view, name="need_edit"),
    path("needs/<int:pk>/status/", views.need_status_view, name="need_status"),
    path("needs/<int:pk>/suggest/", views.need_suggest_view, name="need_suggest"),
    path("needs/<int:pk>/skills/", views.need_skills_view, name="need_skills"),
    path("needs/<int:pk>/propose/", views.need_propose_view, name="need_propose"),
    path("introductions/", views.introductions_view, name="introductions"),
    path("introductions/<int:pk>/", views.introduction_view, name="introduction"),
    path("introductions/<int:pk>/record/", views.introduction_record_view, name="introduction_record"),
    path("introductions/<int:pk>/start/", views.introduction_start_view, name="introduction_start"),
    path("projects/<str:code>/assign/", views.assign_view, name="assign"),
    path("me/", views.mine_view, name="mine"),
    path("me/<int:pk>/choice/", views.mine_choice_view, name="mine_choice"),
    path("me/introductions/", views.mine_introductions_view, name="mine_introductions"),
    path("me/introductions/<int:pk>/decide/", views.mine_decide_view, name="mine_decide"),
]
