"""Peer-group pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from polku.peergroups.models import PeerGroupMeeting, PeerGroupMembership, PeerGroupRound
from polku.peergroups.tests.factories import PeerGroupRoundFactory, formed_round, meeting, pool
from polku.testing import factories as f
from polku.testing.roles import NON_MEMBERS, Post, keep

PAGES = {
    "peergroups_list": (
        lambda w: reverse("peergroups:list"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
    "peergroups_detail": (
        lambda w: reverse("peergroups:detail", args=[formed_round(w.a).pk]),
        NON_MEMBERS | {"coord_a": 200, "admin": 200},
        404,
    ),
    "peergroups_mine": (lambda w: reverse("peergroups:mine"), {"anonymous": 302, "user_a": 200}, 403),
}


def _action(action: str, peer_round: Any = formed_round) -> Any:
    """The URL of `action` on a round of partner a (formed unless `peer_round` builds another)."""
    return lambda w: reverse("peergroups:action", args=[keep(w, "round", peer_round(w.a)).pk, action])


def _unformed(partner: Any) -> PeerGroupRound:
    peer_round = PeerGroupRoundFactory(partner=partner)
    pool(peer_round, 6)
    return peer_round


def _meeting_of_a(w: Any) -> PeerGroupMeeting:
    """A meeting of participant a's group in a published round of partner a."""
    peer_round = formed_round(w.a, n=5, extra=[w.part_a])
    PeerGroupRound.objects.filter(pk=peer_round.pk).update(status=PeerGroupRound.Status.PUBLISHED)
    group = PeerGroupMembership.objects.get(round=peer_round, participation=w.part_a).group
    return PeerGroupMeeting.objects.create(group=group, starts_at=timezone.now(), topic="Goals")


def _move(w: Any) -> dict[str, Any]:
    member = w.round.memberships.filter(group__number=1).first()
    return {"participation": member.participation_id, "group": 2}


# the round's partner's coordinators (and admins) act; everyone else does not learn the round exists
ROUND_WRITE = NON_MEMBERS | {"coord_a": 302, "admin": 302}

POSTS = {
    "peergroups_round_create": Post(
        lambda w: reverse("peergroups:list"),
        lambda w: {"partner": w.a.pk, "name": "Spring round", "group_size": 4},
        # coord_b manages rounds, but not partner a's
        {"anonymous": 302, "coord_a": 302, "admin": 302},
        403,
    ),
    "peergroups_form": Post(_action("form", _unformed), lambda w: {}, ROUND_WRITE, 404),
    "peergroups_move": Post(_action("move"), _move, ROUND_WRITE, 404),
    "peergroups_publish": Post(_action("publish"), lambda w: {}, ROUND_WRITE, 404),
    "peergroups_meeting": Post(
        _action("meeting"),
        lambda w: {"group": 1, "starts_at": "2026-03-10T17:00", "place": "Library", "topic": "Goals"},
        ROUND_WRITE,
        404,
    ),
    "peergroups_attendance": Post(
        _action("attendance"), lambda w: {"meeting": meeting(w.round).pk, "present": []}, ROUND_WRITE, 404
    ),
    "peergroups_add": Post(
        _action("add"),
        lambda w: {"participation": f.ParticipationFactory(partner=w.a).pk},
        ROUND_WRITE,
        404,
    ),
    # a participant opts in to a draft round of their partner; the page is for participants only
    "peergroups_opt_in": Post(
        lambda w: reverse("peergroups:mine"),
        lambda w: {"round": PeerGroupRoundFactory(partner=w.a).pk},
        {"anonymous": 302, "user_a": 302},
        403,
    ),
    # a member writes a reflection on a meeting of their own group
    "peergroups_reflection": Post(
        lambda w: reverse("peergroups:reflection", args=[_meeting_of_a(w).pk]),
        lambda w: {"text": "Good meeting"},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
}
