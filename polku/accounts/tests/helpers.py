"""Helpers for sign-in tests: verified e-mail addresses, authenticator apps and their codes."""

from __future__ import annotations

import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

PASSWORD = "correct-horse-battery"  # the password of polku.testing.factories.UserFactory


def verify_email(user) -> EmailAddress:
    return EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )[0]


def add_totp(user) -> str:
    """Give the user an authenticator app; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app would show now (allauth's own HOTP implementation, 30 s steps)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})
