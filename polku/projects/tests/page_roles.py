"""Role matrix rows of a project's people pages and of the invitation link (polku.projects.people)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from polku.accounts.invitations import expiry_from, new_token
from polku.accounts.models import Invitation, Membership, Role
from polku.testing.roles import Post

# the project's lead, its coordinators and admins read the people page; others of the project are refused
PEOPLE_READERS = {
    "anonymous": 302,
    "user_a": 404,
    "stranger": 404,
    "coord_a": 200,
    "coord_b": 200,
    "lead": 200,
    "admin": 200,
}
PEOPLE_MANAGERS = {"anonymous": 302, "user_a": 404, "stranger": 404, "lead": 200, "admin": 200}
NEW_PASSWORD = "a-long-passphrase-42"


def invitation(
    w: Any, *, email: str = "new.mentor@example.org", role: str = Role.MENTOR, partner: Any = None
) -> tuple[Invitation, str]:
    """A waiting invitation of the world's project (a mentor of partner a unless told) and its token."""
    token, hashed = new_token()
    row = Invitation.objects.create(
        token_hash=hashed,
        email=email,
        role=role,
        project=w.project,
        partner=partner if partner is not None else w.a,
        invited_by=w.lead,
        expires_at=expiry_from(),
    )
    return row, token


def mentor_membership(w: Any) -> Membership:
    return Membership.objects.get(user=w.mentor, role=Role.MENTOR)


def _accept_url(w: Any) -> str:
    _row, token = invitation(w, email="new.person@example.org")
    return reverse("invitations:accept", args=[token])


PAGES = {
    "people": (lambda w: reverse("projects:people", args=[w.project.code]), PEOPLE_READERS, 403),
    "membership_edit": (
        lambda w: reverse("projects:membership_edit", args=[w.project.code, mentor_membership(w).pk]),
        PEOPLE_MANAGERS,
        403,
    ),
    "membership_end": (
        lambda w: reverse("projects:membership_end", args=[w.project.code, mentor_membership(w).pk]),
        PEOPLE_MANAGERS,
        403,
    ),
    # the link is public: a visitor sets a password; anyone signed in is not the invitee (403)
    "invitation_accept": (_accept_url, {"anonymous": 200}, 403),
}

WRITE_MANAGERS = {"anonymous": 302, "user_a": 404, "stranger": 404, "lead": 302, "admin": 302}
# an invitation of partner a's mentor: partner a's coordinator handles it too; partner b's does not see it
INVITATION_HANDLERS = WRITE_MANAGERS | {"coord_a": 302, "coord_b": 404}

POSTS = {
    # coord_b may invite mentors of partner b only: partner a is not among their choices (400)
    "people_invite": Post(
        lambda w: reverse("projects:people_invite", args=[w.project.code]),
        lambda w: {"email": "new.mentor@example.org", "role": "mentor", "partner": w.a.pk, "language": "fi"},
        WRITE_MANAGERS | {"coord_a": 302, "coord_b": 400},
        403,
    ),
    "membership_edit": Post(
        lambda w: reverse("projects:membership_edit", args=[w.project.code, mentor_membership(w).pk]),
        lambda w: {"role": "employer", "partner": ""},
        WRITE_MANAGERS,
        403,
    ),
    "membership_end": Post(
        lambda w: reverse("projects:membership_end", args=[w.project.code, mentor_membership(w).pk]),
        lambda w: {},
        WRITE_MANAGERS,
        403,
    ),
    "invitation_revoke": Post(
        lambda w: reverse("projects:invitation_revoke", args=[w.project.code, invitation(w)[0].pk]),
        lambda w: {},
        INVITATION_HANDLERS,
        403,
    ),
    "invitation_resend": Post(
        lambda w: reverse("projects:invitation_resend", args=[w.project.code, invitation(w)[0].pk]),
        lambda w: {},
        INVITATION_HANDLERS,
        403,
    ),
    # a visitor makes their log-in and is signed in (a redirect home); the signed-in are not the invitee
    "invitation_accept": Post(
        _accept_url,
        lambda w: {"full_name": "Nora New", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        {"anonymous": 302},
        403,
    ),
}
