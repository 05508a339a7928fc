"""Role matrix cases of the people and roles API (polku.projects.people.api)."""

from __future__ import annotations

from polku.projects.tests.page_roles import invitation, mentor_membership
from polku.testing.roles import Case, expect

PROJECT = "/api/v1/projects/S29999"
# the people list: the lead, the project's coordinators and admins; other members are refused
PEOPLE = expect(404, coord_a=200, coord_b=200, lead=200, admin=200, evaluator=403, mentor=403, employer=403)


def _members_refused(ok: int, **more: int) -> dict[str, int]:
    return (
        expect(404, lead=ok, admin=ok, coord_a=403, coord_b=403, evaluator=403, mentor=403, employer=403)
        | more
    )


NEW_MENTOR = {"email": "new.mentor@example.org", "role": "mentor", "language": "fi"}

CASES = [
    Case("invitation-list", lambda w: ("get", f"{PROJECT}/invitations/", None), PEOPLE),
    # partner a's coordinator invites partner a's mentors; partner b's may not (403)
    Case(
        "invitation-create",
        lambda w: ("post", f"{PROJECT}/invitations/", NEW_MENTOR | {"partner": w.a.pk}),
        _members_refused(201, coord_a=201),
    ),
    Case(
        "invitation-revoke",
        lambda w: ("post", f"{PROJECT}/invitations/{invitation(w)[0].pk}/revoke/", None),
        _members_refused(200, coord_a=200, coord_b=404),
    ),
    Case(
        "invitation-resend",
        lambda w: ("post", f"{PROJECT}/invitations/{invitation(w)[0].pk}/resend/", None),
        _members_refused(200, coord_a=200, coord_b=404),
    ),
    # only the user the invitation was sent to accepts it
    Case(
        "invitation-accept",
        lambda w: (
            "post",
            "/api/v1/invitations/accept/",
            {"token": invitation(w, email=w.stranger.email)[1]},
        ),
        expect(403, stranger=200),
    ),
    Case("membership-list", lambda w: ("get", f"{PROJECT}/memberships/", None), PEOPLE),
    Case(
        "membership-update",
        lambda w: ("patch", f"{PROJECT}/memberships/{mentor_membership(w).pk}/", {"role": "employer"}),
        _members_refused(200),
    ),
    Case(
        "membership-end",
        lambda w: ("delete", f"{PROJECT}/memberships/{mentor_membership(w).pk}/", None),
        _members_refused(204),
    ),
]
