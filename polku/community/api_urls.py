from django.urls import path

from polku.community import api

urlpatterns = [
    path("community/me/profile/", api.MyProfileApi.as_view(), name="community-my-profile"),
    path("community/me/directory/", api.MyDirectoryApi.as_view(), name="community-my-directory"),
    path("community/me/photo/", api.MyPhotoApi.as_view(), name="community-my-photo"),
    path("community/profiles/", api.DirectoryApi.as_view(), name="community-profile-list"),
    path("community/profiles/<int:pk>/", api.ProfileDetailApi.as_view(), name="community-profile-detail"),
    path("community/profiles/<int:pk>/connect/", api.ConnectApi.as_view(), name="community-connect"),
    path("community/profiles/<int:pk>/block/", api.BlockApi.as_view(), name="community-block"),
    path(
        "community/profiles/<int:pk>/report/", api.ReportCreateApi.as_view(), name="community-report-create"
    ),
    path("community/profiles/<int:pk>/messages/", api.MessagesApi.as_view(), name="community-messages"),
    path("community/suggestions/", api.SuggestionsApi.as_view(), name="community-suggestions"),
    path("community/connections/", api.ConnectionListApi.as_view(), name="community-connection-list"),
    path(
        "community/connections/<int:pk>/answer/",
        api.ConnectionAnswerApi.as_view(),
        name="community-connection-answer",
    ),
    path("community/threads/", api.ThreadListApi.as_view(), name="community-thread-list"),
    path("community/reports/", api.ReportListApi.as_view(), name="community-report-list"),
    path("community/reports/<int:pk>/handle/", api.ReportHandleApi.as_view(), name="community-report-handle"),
    path("projects/<str:code>/directory-sharing/", api.SharingApi.as_view(), name="community-sharing"),
    path("projects/<str:code>/community-counts/", api.CountsApi.as_view(), name="community-counts"),
]
