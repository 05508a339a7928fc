"""Pages of a project's people under /projects/<code>/people/ (names in the `projects:` namespace), and the
public page an invitation link opens, /invitations/<token>/ (`invitations:accept`)."""

from django.urls import path

from polku.projects.people import accept_views, views

project_urlpatterns = [
    path("<str:code>/people/", views.people_view, name="people"),
    path("<str:code>/people/invite/", views.invite_view, name="people_invite"),
    path("<str:code>/people/<int:pk>/edit/", views.membership_edit_view, name="membership_edit"),
    path("<str:code>/people/<int:pk>/end/", views.membership_end_view, name="membership_end"),
    path(
        "<str:code>/people/invitations/<int:pk>/revoke/",
        views.invitation_revoke_view,
        name="invitation_revoke",
    ),
    path(
        "<str:code>/people/invitations/<int:pk>/resend/",
        views.invitation_resend_view,
        name="invitation_resend",
    ),
]

app_name = "invitations"
urlpatterns = [path("<str:token>/", accept_views.accept_view, name="accept")]
