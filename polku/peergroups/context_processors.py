"""What the peer-group entries of the main navigation (`peergroups/_nav.html`) need: booleans decided by
`Access`, so the template holds no role condition of its own."""

from __future__ import annotations

from django.http import HttpRequest

from polku.accounts.access import access_for


def navigation(request: HttpRequest) -> dict:
    access = access_for(getattr(request, "user", None))
    return {
        "peergroups_nav": {"rounds": access.can_manage_peer_groups(), "mine": access.can_join_peer_groups()}
    }
