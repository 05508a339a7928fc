""" "Invite to Polku" in the page matrix: one participant, and many at once (polku.participants.invite_views)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from polku.participants.models import Participation
from polku.testing import factories as f
from polku.testing.roles import Post, keep


def without_login(w: Any) -> Participation:
    """A participant of partner a with an e-mail address and no log-in."""
    return f.ParticipationFactory(partner=w.a, person__email="no.login@example.org")


PAGES: dict = {}

POSTS = {
    # the person's coordinator and admins; nobody else learns the participation exists
    "participant_invite": Post(
        lambda w: reverse("participants:invite", args=[without_login(w).pk]),
        lambda w: {},
        {"anonymous": 302, "coord_a": 302, "admin": 302},
        404,
    ),
    # coordinators only; partner b's coordinator does not see partner a's participant (404)
    "participant_invite_many": Post(
        lambda w: keep(w, "invitee", without_login(w)) and reverse("participants:invite_many"),
        lambda w: {"ids": [w.invitee.pk]},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404},
        403,
    ),
    # the chosen rows as CSV: coordinators of the rows' partner; another partner's coordinator: 404
    "participant_export_chosen": Post(
        lambda w: reverse("participants:export_chosen"),
        lambda w: {"ids": [w.part_a.pk]},
        {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 404},
        403,
    ),
}
