"""Test helpers for invitations (tests only): the e-mail leaves at once, and its link is read back."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest

from polku.projects.people import emails

LINK = re.compile(r"https?://[^\s]+(/invitations/[^\s/]+/)")


@pytest.fixture
def invitation_mail_at_once(monkeypatch: Any) -> None:
    """A test runs inside a transaction that never commits, so an invitation e-mail queued for after the
    commit would never leave; with this fixture it leaves at once (the queue runs immediately in tests)."""
    monkeypatch.setattr(
        emails,
        "transaction",
        SimpleNamespace(on_commit=lambda callback, using=None, robust=False: callback()),
    )


def link_in(message: Any) -> str:
    """The path of the invitation link in an e-mail."""
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)
