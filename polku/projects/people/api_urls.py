"""REST routes of a project's people (appended to config/api_urls.py under the `api:` namespace)."""

from django.urls import path

from polku.projects.people import api

urlpatterns = [
    path("projects/<str:code>/invitations/", api.InvitationListApi.as_view(), name="invitation-list"),
    path(
        "projects/<str:code>/invitations/<int:pk>/revoke/",
        api.InvitationRevokeApi.as_view(),
        name="invitation-revoke",
    ),
    path(
        "projects/<str:code>/invitations/<int:pk>/resend/",
        api.InvitationResendApi.as_view(),
        name="invitation-resend",
    ),
    path("invitations/accept/", api.InvitationAcceptApi.as_view(), name="invitation-accept"),
    path("projects/<str:code>/memberships/", api.MembershipListApi.as_view(), name="membership-list"),
    path(
        "projects/<str:code>/memberships/<int:pk>/",
        api.MembershipDetailApi.as_view(),
        name="membership-detail",
    ),
]
