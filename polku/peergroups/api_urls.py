from django.urls import path

from polku.peergroups import api

urlpatterns = [
    path("peer-groups/rounds/", api.RoundListApi.as_view(), name="peergroups-round-list"),
    path("peer-groups/rounds/<int:pk>/", api.RoundDetailApi.as_view(), name="peergroups-round-detail"),
    path("peer-groups/rounds/<int:pk>/form/", api.RoundFormApi.as_view(), name="peergroups-round-form"),
    path("peer-groups/rounds/<int:pk>/move/", api.RoundMoveApi.as_view(), name="peergroups-round-move"),
    path(
        "peer-groups/rounds/<int:pk>/publish/", api.RoundPublishApi.as_view(), name="peergroups-round-publish"
    ),
    path("peer-groups/rounds/<int:pk>/opt-in/", api.RoundOptInApi.as_view(), name="peergroups-round-opt-in"),
    path(
        "peer-groups/rounds/<int:pk>/groups/<int:number>/meetings/",
        api.MeetingCreateApi.as_view(),
        name="peergroups-meeting-create",
    ),
    path(
        "peer-groups/meetings/<int:meeting_pk>/attendance/",
        api.AttendanceApi.as_view(),
        name="peergroups-attendance",
    ),
    path(
        "peer-groups/meetings/<int:meeting_pk>/reflection/",
        api.ReflectionApi.as_view(),
        name="peergroups-reflection",
    ),
    path("peer-groups/mine/", api.MyGroupsApi.as_view(), name="peergroups-mine"),
]
