"""Signing in with e-mail and password: verification, wrong passwords, rate limits, reset, no sign-up."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from polku.accounts.tests.helpers import PASSWORD, sign_in, verify_email
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def test_verified_user_signs_in_with_email(client):
    user = f.UserFactory(email="maria@example.org")
    verify_email(user)

    response = sign_in(client, "maria@example.org")

    assert response.status_code == 302
    assert response.url == "/"
    assert int(client.session["_auth_user_id"]) == user.pk


def test_email_is_case_insensitive(client):
    user = f.UserFactory(email="maria@example.org")
    verify_email(user)

    sign_in(client, "Maria@Example.org")

    assert int(client.session["_auth_user_id"]) == user.pk


def test_wrong_password_is_rejected_with_a_visible_error(client):
    verify_email(f.UserFactory(email="maria@example.org"))

    response = sign_in(client, "maria@example.org", "not-the-password")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert "The email address and/or password you specified are not correct." in html


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(client):
    verify_email(f.UserFactory(email="maria@example.org"))

    wrong_password = sign_in(client, "maria@example.org", "not-the-password").content.decode()
    unknown = sign_in(client, "nobody@example.org", "not-the-password").content.decode()

    message = "The email address and/or password you specified are not correct."
    assert message in wrong_password
    assert message in unknown


def test_inactive_user_cannot_sign_in(client):
    user = f.UserFactory(email="gone@example.org", is_active=False)
    verify_email(user)

    response = sign_in(client, "gone@example.org")

    assert response.status_code == 302
    assert response.url == "/accounts/inactive/"
    assert "_auth_user_id" not in client.session
    assert "This account is inactive." in client.get(response.url).content.decode()


def test_repeated_failures_lock_the_address_even_for_the_right_password(client):
    """ACCOUNT_RATE_LIMITS login_failed: 5 failures per account and address in 15 minutes (test_throttling.py
    has the rest)."""
    verify_email(f.UserFactory(email="maria@example.org"))
    for _ in range(5):
        response = sign_in(client, "maria@example.org", "guess")
        assert "Too many failed login attempts" not in response.content.decode()

    response = sign_in(client, "maria@example.org", PASSWORD)

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_of_one_address_leaves_others_alone(client):
    verify_email(f.UserFactory(email="maria@example.org"))
    other = f.UserFactory(email="olli@example.org")
    verify_email(other)
    for _ in range(6):
        sign_in(client, "maria@example.org", "guess")

    sign_in(client, "olli@example.org")

    assert int(client.session["_auth_user_id"]) == other.pk


def test_many_attempts_from_one_address_get_429(client):
    """ACCOUNT_RATE_LIMITS login: 30 posts per minute per IP address, then 429 Too Many Requests."""
    statuses = [sign_in(client, f"person{n}@example.org", "guess").status_code for n in range(31)]

    assert 429 not in statuses[:30]
    assert statuses[30] == 429


def test_the_429_page_is_a_polku_page(client):
    for n in range(30):
        sign_in(client, f"person{n}@example.org", "guess")

    response = sign_in(client, "last@example.org", "guess")

    assert response.status_code == 429
    html = response.content.decode()
    assert 'class="skip-link"' in html
    assert html.count("<h1") == 1


def test_unverified_email_is_sent_a_verification_link(client):
    user = f.UserFactory(email="new@example.org")

    response = sign_in(client, "new@example.org")

    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]
    link = present(
        re.search(r"http://testserver(/accounts/confirm-email/[^\s]+/)", str(mail.outbox[0].body))
    ).group(1)

    confirm = client.post(link)

    assert confirm.status_code == 302
    assert EmailAddress.objects.get(user=user, email="new@example.org").verified
    sign_in(client, "new@example.org")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_verification_sent_page_extends_base(client):
    f.UserFactory(email="new@example.org")

    response = client.get(sign_in(client, "new@example.org").url)

    html = response.content.decode()
    assert 'class="skip-link"' in html
    assert "<h1>Verify Your Email Address</h1>" in html.replace("\n", "").replace("  ", "")


def test_password_reset_sends_an_email_and_sets_a_new_password(client):
    user = f.UserFactory(email="maria@example.org")
    verify_email(user)

    response = client.post("/accounts/password/reset/", {"email": "maria@example.org"})

    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/done/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
    link = present(
        re.search(r"http://testserver(/accounts/password/reset/key/[^\s]+/)", str(mail.outbox[0].body))
    ).group(1)
    set_password_url = client.get(link).url  # allauth moves the key into the session, then redirects
    response = client.post(
        set_password_url, {"password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase")


def test_password_reset_for_unknown_address_sends_nothing_but_looks_the_same(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/done/"
    assert [m.to for m in mail.outbox] in ([], [["nobody@example.org"]])
    if mail.outbox:  # allauth may tell the unknown address that no account exists
        assert "/accounts/password/reset/key/" not in mail.outbox[0].body


def test_self_sign_up_is_closed(client):
    response = client.get("/accounts/signup/")
    assert "Sign Up Closed" in response.content.decode()

    client.post(
        "/accounts/signup/",
        {"email": "eager@example.org", "password1": "a-long-passphrase", "password2": "a-long-passphrase"},
    )

    from polku.accounts.models import User

    assert not User.objects.filter(email="eager@example.org").exists()


def test_login_page_does_not_invite_sign_up(client):
    html = client.get("/accounts/login/").content.decode()

    assert "/accounts/signup/" not in html
    assert "sign up" not in html.lower()


def test_sign_out(client):
    user = f.UserFactory(email="maria@example.org")
    verify_email(user)
    sign_in(client, "maria@example.org")

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
