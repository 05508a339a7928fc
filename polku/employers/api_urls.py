from django.urls import path

from polku.employers import api

urlpatterns = [
    path("employers/", api.EmployerListApi.as_view(), name="employer-list"),
    path("employers/<int:pk>/", api.EmployerDetailApi.as_view(), name="employer-detail"),
    path("employers/<int:pk>/representatives/", api.EmployerInviteApi.as_view(), name="employer-invite"),
    path("employers/<int:pk>/needs/", api.NeedListApi.as_view(), name="employer-needs"),
    path("employers/<int:pk>/cooperation/", api.CooperationListApi.as_view(), name="employer-cooperation"),
    path(
        "cooperation/<int:pk>/follow-up-done/", api.FollowUpDoneApi.as_view(), name="employer-follow-up-done"
    ),
    path("talent-needs/<int:pk>/", api.NeedDetailApi.as_view(), name="talent-need-detail"),
    path("talent-needs/<int:pk>/skills/", api.NeedSkillsApi.as_view(), name="talent-need-skills"),
    path("talent-needs/<int:pk>/candidates/", api.NeedCandidatesApi.as_view(), name="talent-need-candidates"),
    path("talent-needs/<int:pk>/introductions/", api.NeedProposeApi.as_view(), name="talent-need-propose"),
    path("introductions/", api.IntroductionListApi.as_view(), name="introduction-list"),
    path("introductions/<int:pk>/", api.IntroductionDetailApi.as_view(), name="introduction-detail"),
    path(
        "introductions/<int:pk>/contact/", api.IntroductionContactApi.as_view(), name="introduction-contact"
    ),
    path("introductions/<int:pk>/start/", api.IntroductionStartApi.as_view(), name="introduction-start"),
    path("projects/<str:code>/internship-plan/", api.InternshipPlanApi.as_view(), name="internship-plan"),
    path("me/opportunities/", api.MyOpportunitiesApi.as_view(), name="my-opportunities"),
    path("me/employer-choice/", api.MyEmployerChoiceApi.as_view(), name="my-employer-choice"),
    path("me/introductions/", api.MyIntroductionListApi.as_view(), name="my-introduction-list"),
    path(
        "me/introductions/<int:pk>/decision/",
        api.MyIntroductionDecisionApi.as_view(),
        name="my-introduction-decide",
    ),
]
