"""What peer groups show on the pages of the apps below it (registered in PeerGroupsConfig.ready()): on the
page of a round's activity, what the activity is and, for the partner's coordinators, a link to the round."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.activities.models import Activity
from polku.activities.sections import activity_sections
from polku.peergroups.models import PeerGroupRound


def activity_round_section(
    *, activity: Activity, access: Access, request: HttpRequest
) -> dict[str, Any] | None:
    peer_round = PeerGroupRound.objects.filter(activity=activity).first()
    if peer_round is None:
        return None
    return {"round": peer_round, "can_open": access.can_manage_peer_round(peer_round.partner_id)}


def register() -> None:
    activity_sections.register(
        "peer_group_round", template="peergroups/_activity_round.html", context=activity_round_section
    )
