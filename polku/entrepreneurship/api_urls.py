from django.urls import path

from polku.entrepreneurship import api

urlpatterns = [
    path("me/business-ideas/", api.MyIdeaListApi.as_view(), name="my-business-idea-list"),
    path("business-ideas/", api.IdeaListApi.as_view(), name="business-idea-list"),
    path("business-ideas/<int:pk>/", api.IdeaDetailApi.as_view(), name="business-idea-detail"),
    path("business-ideas/<int:pk>/stage/", api.IdeaStageApi.as_view(), name="business-idea-stage"),
    path(
        "business-ideas/<int:pk>/interviews/",
        api.InterviewCreateApi.as_view(),
        name="business-idea-interviews",
    ),
    path(
        "business-ideas/<int:pk>/experiments/",
        api.ExperimentCreateApi.as_view(),
        name="business-idea-experiments",
    ),
    path(
        "business-ideas/<int:pk>/milestones/",
        api.MilestoneCreateApi.as_view(),
        name="business-idea-milestones",
    ),
    path("business-ideas/<int:pk>/comments/", api.CommentCreateApi.as_view(), name="business-idea-comments"),
    path(
        "business-ideas/<int:pk>/sparrings/", api.SparringCreateApi.as_view(), name="business-idea-sparrings"
    ),
    path(
        "business-ideas/<int:pk>/co-founders/",
        api.IdeaCoFoundersApi.as_view(),
        name="business-idea-co-founders",
    ),
    path("business-ideas/<int:pk>/company/", api.IdeaCompanyApi.as_view(), name="business-idea-company"),
    path("me/sparrings/", api.MySparringListApi.as_view(), name="my-sparring-list"),
    path("sparrings/<int:pk>/", api.SparringDetailApi.as_view(), name="sparring-detail"),
    path("sparrings/<int:pk>/sessions/", api.SparringSessionCreateApi.as_view(), name="sparring-sessions"),
    path("sparrings/<int:pk>/readiness/", api.SparringReadinessApi.as_view(), name="sparring-readiness"),
    path("transfer-listings/", api.ListingListApi.as_view(), name="transfer-listing-list"),
    path("transfer-listings/<int:pk>/", api.ListingDetailApi.as_view(), name="transfer-listing-detail"),
    path(
        "transfer-listings/<int:pk>/matches/",
        api.ListingMatchesApi.as_view(),
        name="transfer-listing-matches",
    ),
    path(
        "transfer-listings/<int:pk>/introductions/",
        api.ListingIntroductionCreateApi.as_view(),
        name="transfer-listing-introductions",
    ),
    path("successor-profiles/<int:pk>/matches/", api.SuccessorMatchesApi.as_view(), name="successor-matches"),
    path("me/successor-profile/", api.MySuccessorProfileApi.as_view(), name="my-successor-profile"),
    path(
        "me/transfer-introductions/",
        api.MyTransferIntroductionListApi.as_view(),
        name="my-transfer-introduction-list",
    ),
    path(
        "transfer-introductions/<int:pk>/",
        api.IntroductionDetailApi.as_view(),
        name="transfer-introduction-detail",
    ),
    path(
        "transfer-introductions/<int:pk>/answer/",
        api.IntroductionAnswerApi.as_view(),
        name="transfer-introduction-answer",
    ),
    path(
        "transfer-introductions/<int:pk>/owner-answer/",
        api.IntroductionOwnerAnswerApi.as_view(),
        name="transfer-introduction-owner-answer",
    ),
    path(
        "transfer-introductions/<int:pk>/company/",
        api.IntroductionCompanyApi.as_view(),
        name="transfer-introduction-company",
    ),
]
