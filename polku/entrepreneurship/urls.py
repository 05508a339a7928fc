from django.urls import path

from polku.entrepreneurship import views

app_name = "entrepreneurship"
urlpatterns = [
    path("mine/", views.mine_view, name="mine"),
    path("mine/successor/", views.successor_profile_view, name="successor_profile"),
    path("ideas/", views.pipeline_view, name="pipeline"),
    path("ideas/new/", views.idea_create_view, name="idea_create"),
    path("ideas/<int:pk>/", views.idea_view, name="idea"),
    path("ideas/<int:pk>/edit/", views.idea_edit_view, name="idea_edit"),
    path("ideas/<int:pk>/stage/", views.stage_view, name="stage"),
    path("ideas/<int:pk>/interviews/new/", views.interview_create_view, name="interview_create"),
    path("ideas/<int:pk>/experiments/new/", views.experiment_create_view, name="experiment_create"),
    path("ideas/<int:pk>/milestones/new/", views.milestone_create_view, name="milestone_create"),
    path("ideas/<int:pk>/comments/new/", views.comment_create_view, name="comment_create"),
    path("ideas/<int:pk>/sparring/new/", views.sparring_create_view, name="sparring_create"),
    path("ideas/<int:pk>/company/", views.idea_company_view, name="idea_company"),
    path("sparring/", views.sparring_list_view, name="sparring"),
    path("sparring/<int:pk>/", views.sparring_view, name="sparring_detail"),
    path("sparring/<int:pk>/sessions/new/", views.sparring_session_view, name="sparring_session"),
    path("sparring/<int:pk>/readiness/", views.sparring_readiness_view, name="sparring_readiness"),
    path("transfers/", views.transfers_view, name="transfers"),
    path("transfers/new/", views.listing_create_view, name="listing_create"),
    path("transfers/<int:pk>/", views.listing_view, name="listing"),
    path("transfers/<int:pk>/edit/", views.listing_edit_view, name="listing_edit"),
    path("transfers/<int:pk>/propose/<int:successor>/", views.propose_view, name="propose"),
    path("introductions/<int:pk>/", views.introduction_view, name="introduction"),
    path("introductions/<int:pk>/answer/", views.introduction_answer_view, name="introduction_answer"),
    path(
        "introductions/<int:pk>/owner-answer/",
        views.introduction_owner_answer_view,
        name="introduction_owner_answer",
    ),
    path("introductions/<int:pk>/company/", views.introduction_company_view, name="introduction_company"),
]
