"""Fixtures of the projects tests."""

import pytest


@pytest.fixture(autouse=True)
def _invitations_mail_at_once(invitation_mail_at_once):
    """Invitation e-mails leave at once (polku.testing.invitations)."""
