"""The audit log's hash chain (decision 0061).

Events are chained in the order (at, id). Each event stores the hash of the event before it (`prev_hash`)
and its own `hash`: SHA-256 of the previous hash followed by the canonical JSON of the event's content.
A changed or removed event, or one inserted between two others (a backdated forgery), breaks a link
that `polku audit verify` reports. The foreign keys (actor, person, partner) are not hashed: erasure and
anonymisation may set them to null, which the database allows; every other column is fixed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64  # the `prev_hash` of the first event
CHAINED_FIELDS = (
    "id",
    "at",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "fields",
    "ip_address",
    "user_agent",
)


def _instant(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _address(value: Any) -> str | None:
    """One spelling of an address, whichever the database gives back (PostgreSQL's inet rewrites IPv6)."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(str(value)))
    except ValueError:
        return str(value)


def canonical(event: Mapping[str, Any]) -> bytes:
    """The event's hashed content: its fixed columns as JSON with sorted keys, UTC time to the microsecond."""
    content = {
        "id": int(event["id"]),
        "at": _instant(event["at"]),
        "actor_label": event["actor_label"],
        "action": event["action"],
        "object_type": event["object_type"],
        "object_id": event["object_id"],
        "fields": list(event["fields"]),
        "ip_address": _address(event["ip_address"]),
        "user_agent": event["user_agent"],
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(prev_hash: str, event: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(event)).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    event_id: int
    reason: str


@dataclass(frozen=True)
class Verdict:
    checked: int
    head: str  # the hash of the last event: kept outside the database, it also proves the tail
    broken: BrokenLink | None


def verify(events: Iterable[Mapping[str, Any]]) -> Verdict:
    """Walk the events in chain order (at, id) and report the first broken link, if any."""
    prev = GENESIS
    checked = 0
    for event in events:
        checked += 1
        if event["prev_hash"] != prev:
            return Verdict(
                checked,
                prev,
                BrokenLink(
                    event["id"], "its previous hash is not the hash of the event before it in time order"
                ),
            )
        if event["hash"] != digest(prev, event):
            return Verdict(checked, prev, BrokenLink(event["id"], "its hash does not match its content"))
        prev = event["hash"]
    return Verdict(checked, prev, None)
