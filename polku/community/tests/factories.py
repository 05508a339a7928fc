"""Community test data: a member's profile turned on (with the directory consent) in one call."""

from __future__ import annotations

from typing import Any

from polku.accounts.access import access_for
from polku.community import services
from polku.community.models import Profile


def profile_on(user: Any, **data: Any) -> Profile:
    """The user's profile saved with `data` and put in the directory (participants: the consent)."""
    access = access_for(user)
    services.profile_save(actor=user, access=access, data=data)
    profile = services.directory_turn_on(actor=user, access=access, language="en")
    user.__dict__.pop("_polku_access", None)
    return Profile.objects.get(pk=profile.pk)


def connect(a: Any, b: Any) -> None:
    """a asks b, b accepts."""
    connection = services.connection_request(actor=a, recipient=b.community_profile, message="Hi")
    services.connection_answer(actor=b, connection=connection, accept=True)
