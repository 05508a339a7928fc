"""What peer groups show on the pages of the apps below it (registered in PeerGroupsConfig.ready()): on the
page of a round's activity, what the activity is and, for the partner's coordinators, a link to the round;
on the participant's home (accounts `hub_sections`), their group and its next meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import hub_sections
from polku.activities.models import Activity
from polku.activities.sections import activity_sections
from polku.peergroups.models import PeerGroup, PeerGroupMeeting, PeerGroupRound


def activity_round_section(
    *, activity: Activity, access: Access, request: HttpRequest
) -> dict[str, Any] | None:
    peer_round = PeerGroupRound.objects.filter(activity=activity).first()
    if peer_round is None:
        return None
    return {"round": peer_round, "can_open": access.can_manage_peer_round(peer_round.partner_id)}


def hub_group_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's newest group in a published round and its next meeting; nothing without a group."""
    if access.person_id is None:
        return None
    group = (
        PeerGroup.objects.filter(
            round__status=PeerGroupRound.Status.PUBLISHED,
            memberships__participation__person_id=access.person_id,
        )
        .select_related("round")
        .order_by("-round_id", "pk")
        .first()
    )
    if group is None:
        return None
    meeting = (
        PeerGroupMeeting.objects.filter(group=group, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    return {"group": group, "meeting": meeting, "members": group.memberships.count()}


def register() -> None:
    hub_sections.register(
        "peergroups", template="peergroups/_hub_group.html", context=hub_group_section, order=25
    )
    activity_sections.register(
        "peer_group_round", template="peergroups/_activity_round.html", context=activity_round_section
    )
