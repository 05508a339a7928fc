"""Invitation links and what higher apps do when one is accepted.

A link carries a random token (256 bits, URL-safe); the database keeps only its SHA-256 hash, so a copy of
the database or a look at the admin site opens no link. A re-sent invitation gets a new token, which
retires the old link (decision 0054).

Acceptance hooks: the service that accepts an invitation (polku.projects.people.acceptance) creates the
membership and then calls every registered hook with the invitation and the user, inside its
transaction. Apps above `projects` register theirs in AppConfig.ready(): participants links the invited
person to the user, mentoring gives an invited mentor a profile for the programme named in `extra`.
Each hook decides from the invitation whether it applies, and raises `ApplicationError` to refuse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from polku.accounts.models import Invitation

VALID_FOR = dt.timedelta(days=14)

AcceptanceHook = Callable[..., Any]  # hook(*, invitation: Invitation, user: User) -> None

_hooks: dict[str, AcceptanceHook] = {}
_lock = threading.Lock()


def new_token() -> tuple[str, str]:
    """A fresh link token and the hash to store for it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def expiry_from(now: dt.datetime | None = None) -> dt.datetime:
    """When an invitation sent now stops working."""
    return (now or timezone.now()) + VALID_FOR


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation of a link, whatever its state; None for a token no invitation has (or a mangled one)."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("project", "partner__organisation", "person", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


def register_acceptance_hook(key: str, hook: AcceptanceHook) -> None:
    """Call `hook(invitation=…, user=…)` whenever an invitation is accepted (see the module docstring)."""
    with _lock:
        existing = _hooks.get(key)
        if existing is not None and existing is not hook:
            raise ValueError(f"acceptance hook {key!r} is registered twice")
        _hooks[key] = hook


def unregister_acceptance_hook(key: str) -> None:
    with _lock:
        _hooks.pop(key, None)


def acceptance_hooks() -> list[tuple[str, AcceptanceHook]]:
    """The registered hooks, by key, in a stable order."""
    with _lock:
        return sorted(_hooks.items())
