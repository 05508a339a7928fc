"""Two-factor authentication: staff must set up an authenticator app, and sign-in then asks for its code."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from django.http import HttpResponse
from django.test import RequestFactory

from polku.accounts.middleware import StaffMfaMiddleware, needs_mfa_setup
from polku.accounts.tests.helpers import PASSWORD, add_totp, sign_in, totp_code, verify_email
from polku.testing import factories as f
from polku.testing.asserts import present

ACTIVATE = "/accounts/2fa/totp/activate/"
AUTHENTICATE = "/accounts/2fa/authenticate/"


@pytest.fixture
def tolerant_totp(settings):
    """Accept the neighbouring 30-second step too, so a code made just before a step boundary still works."""
    settings.MFA_TOTP_TOLERANCE = 1


def run_middleware(user, path: str = "/participants/", **headers):
    request = RequestFactory().get(path, **headers)
    request.user = user
    request.htmx = "HTTP_HX_REQUEST" in headers  # type: ignore[attr-defined]  # django-htmx's middleware sets it
    return StaffMfaMiddleware(lambda request: HttpResponse("the page"))(request)


# The staff requirement ---------------------------------------------------------------------------------


@pytest.mark.mfa
@pytest.mark.parametrize("role", ["coord_a", "lead", "evaluator", "admin"])
@pytest.mark.parametrize("path", ["/participants/", "/projects/", "/", "/admin/"])
def test_staff_without_totp_are_sent_to_set_it_up(client, world, role, path):
    client.force_login(getattr(world, role))

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == ACTIVATE


@pytest.mark.mfa
def test_staff_without_totp_get_403_json_from_the_api(client, world):
    client.force_login(world.coord_a)

    response = client.get("/api/v1/participants/")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Set up two-factor authentication before using the API."}


@pytest.mark.mfa
def test_htmx_requests_are_sent_to_the_setup_as_a_whole_page(client, world):
    client.force_login(world.coord_a)

    response = client.get("/participants/", headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response["HX-Redirect"] == ACTIVATE


@pytest.mark.mfa
@pytest.mark.parametrize(
    "path", ["/accounts/2fa/", ACTIVATE, "/accounts/logout/", "/healthz", "/i18n/setlang/"]
)
def test_setup_sign_out_and_health_stay_reachable(world, path):
    assert run_middleware(world.coord_a, path).content == b"the page"


@pytest.mark.mfa
def test_coordinator_with_totp_passes(world):
    add_totp(world.coord_a)

    assert not needs_mfa_setup(world.coord_a)
    assert run_middleware(world.coord_a, "/participants/").content == b"the page"
    assert run_middleware(world.coord_a, "/api/v1/participants/").content == b"the page"


@pytest.mark.mfa
@pytest.mark.parametrize("role", ["coord_a", "lead", "evaluator", "admin"])
def test_staff_with_totp_reach_their_pages(client, world, role):
    user = getattr(world, role)
    add_totp(user)
    client.force_login(user)

    response = client.get("/projects/")

    assert response.status_code == 200


@pytest.mark.mfa
def test_coordinator_with_totp_reaches_participants(client, world):
    add_totp(world.coord_a)
    client.force_login(world.coord_a)

    response = client.get("/participants/")

    assert response.status_code == 200
    assert "Amina" in response.content.decode()


@pytest.mark.mfa
def test_recovery_codes_alone_do_not_count(world):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    RecoveryCodes.activate(world.coord_a)

    assert needs_mfa_setup(world.coord_a)


@pytest.mark.mfa
@pytest.mark.parametrize("role", ["user_a", "stranger"])
def test_participants_and_people_without_a_role_are_not_asked(world, role):
    user = getattr(world, role)

    assert not needs_mfa_setup(user)
    assert run_middleware(user, "/participants/me/").content == b"the page"


@pytest.mark.mfa
def test_participant_reaches_their_page_without_totp(client, world):
    client.force_login(world.user_a)

    response = client.get("/participants/me/")

    assert response.status_code == 200


@pytest.mark.mfa
def test_admin_site_users_without_a_role_are_staff_too(db):
    """`is_staff` opens the admin site, whose permissions can reach personal data."""
    user = f.UserFactory(is_staff=True)

    assert needs_mfa_setup(user)


@pytest.mark.mfa
def test_anonymous_visitors_are_not_redirected(client, db):
    from django.contrib.auth.models import AnonymousUser

    assert not needs_mfa_setup(AnonymousUser())
    assert client.get("/").status_code == 200


def test_requirement_can_be_switched_off(world):
    """Without the `mfa` mark conftest.py turns POLKU_MFA_REQUIRED_FOR_STAFF off (as the setting can)."""
    assert not needs_mfa_setup(world.coord_a)
    assert run_middleware(world.coord_a).content == b"the page"


# Setting up the authenticator app ----------------------------------------------------------------------


@pytest.mark.mfa
def test_staff_member_sets_up_totp_after_signing_in(client, world, tolerant_totp):
    verify_email(world.evaluator)
    assert sign_in(client, world.evaluator.email).url == "/"
    assert client.get("/projects/").url == ACTIVATE
    # allauth asks for the password again before a factor is added (a stolen session cannot add one).
    confirm = client.get(ACTIVATE)
    assert confirm.url == "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    assert client.post(confirm.url, {"password": PASSWORD}).url == ACTIVATE

    page = client.get(ACTIVATE)

    assert page.status_code == 200
    html = " ".join(page.content.decode().split())
    secret = present(
        re.search(r'<input [^>]*id="authenticator_secret" [^>]*value="([A-Z2-7]{32})"', html)
    ).group(1)
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="QR code for setting up', html)

    wrong = client.post(ACTIVATE, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()
    assert not Authenticator.objects.filter(user=world.evaluator).exists()

    response = client.post(ACTIVATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/recovery-codes/"  # recovery codes are made with the first factor
    assert Authenticator.objects.filter(user=world.evaluator, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=world.evaluator, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get("/projects/").status_code == 200


@pytest.mark.mfa
def test_setup_asks_for_the_password_again_after_a_while(client, world):
    """allauth wants a recent sign-in before a factor is added; force_login leaves none."""
    client.force_login(world.evaluator)

    response = client.get(ACTIVATE)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/reauthenticate/")


# Signing in with the second factor ---------------------------------------------------------------------


@pytest.mark.mfa
def test_sign_in_asks_for_the_authenticator_code(client, world, tolerant_totp):
    verify_email(world.coord_a)
    secret = add_totp(world.coord_a)

    response = sign_in(client, world.coord_a.email)

    assert response.status_code == 302
    assert response.url == AUTHENTICATE
    assert "_auth_user_id" not in client.session
    page = client.get(AUTHENTICATE).content.decode()
    assert '<label for="id_code">' in page

    response = client.post(AUTHENTICATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == "/"
    assert int(client.session["_auth_user_id"]) == world.coord_a.pk


@pytest.mark.mfa
def test_wrong_authenticator_code_is_refused(client, world):
    verify_email(world.coord_a)
    secret = add_totp(world.coord_a)
    sign_in(client, world.coord_a.email)
    wrong = "000000" if totp_code(secret) != "000000" else "111111"

    response = client.post(AUTHENTICATE, {"code": wrong})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Incorrect code." in html
    assert 'aria-invalid="true"' in html
    assert "_auth_user_id" not in client.session


@pytest.mark.mfa
def test_a_code_cannot_be_used_twice(client, world, tolerant_totp):
    verify_email(world.coord_a)
    secret = add_totp(world.coord_a)
    code = totp_code(secret)
    sign_in(client, world.coord_a.email)
    client.post(AUTHENTICATE, {"code": code})
    client.post("/accounts/logout/")

    sign_in(client, world.coord_a.email)
    response = client.post(AUTHENTICATE, {"code": code})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.mfa
def test_a_recovery_code_signs_in_instead_of_the_app(client, world):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    verify_email(world.coord_a)
    add_totp(world.coord_a)
    recovery = RecoveryCodes.activate(world.coord_a)
    sign_in(client, world.coord_a.email)

    response = client.post(AUTHENTICATE, {"code": recovery.get_unused_codes()[0]})

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == world.coord_a.pk
