"""`polku createsuperuser` makes an admin who signs in at once: their address counts as verified."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from polku.accounts.models import User
from polku.accounts.tests.helpers import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_an_admin_made_on_the_command_line_signs_in_without_an_email_step(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", "--noinput", email="Root@Example.org", verbosity=0)

    user = User.objects.get(email="root@example.org")
    address = EmailAddress.objects.get(user=user)
    assert user.is_superuser and address.verified and address.primary
    response = sign_in(client, "root@example.org")
    assert response.status_code == 302
    assert response.url == "/"  # not /accounts/confirm-email/


def test_an_ordinary_user_without_a_verified_address_still_gets_the_email_step(client):
    User.objects.create_user("plain@example.org", PASSWORD)
    response = sign_in(client, "plain@example.org")
    assert response.url == "/accounts/confirm-email/"
