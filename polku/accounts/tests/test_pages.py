"""allauth's pages render inside Polku's frame and meet the WCAG 2.1 AA basics we can check in HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailConfirmationHMAC
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from polku.accounts.tests.helpers import PASSWORD, add_totp, sign_in, verify_email
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


class PageStructure(HTMLParser):
    """Collects what the checks need: headings, landmarks, form controls, labels, images, ids."""

    def __init__(self) -> None:
        super().__init__()
        self.h1_count = 0
        self.main_count = 0
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.ids: set[str] = set()
        self.images: list[dict] = []
        self._label_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "h1":
            self.h1_count += 1
        elif tag == "main":
            self.main_count += 1
        elif tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"])
        elif tag in ("input", "select", "textarea"):
            if attributes.get("type") not in ("hidden", "submit", "button"):
                self.controls.append({**attributes, "_wrapped": self._label_depth > 0})
        elif tag == "img":
            self.images.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label_depth -= 1


def check_page(response) -> str:
    assert response.status_code == 200, response
    html = response.content.decode()
    page = PageStructure()
    page.feed(html)
    assert 'class="skip-link"' in html, "the page does not extend base.html"
    assert page.main_count == 1
    assert page.h1_count == 1, f"{page.h1_count} h1 elements"
    for control in page.controls:
        labelled = control.get("id") in page.label_for or control["_wrapped"] or control.get("aria-label")
        assert labelled, f"no label for {control}"
        for described_by in control.get("aria-describedby", "").split():
            assert described_by in page.ids, f"aria-describedby points at missing #{described_by}"
    for image in page.images:
        assert image.get("alt"), f"image without a text alternative: {image.get('src', '')[:40]}"
    assert not re.search(r"<title>\s*</title>", html)
    return html


@pytest.fixture
def member(db):
    user = f.UserFactory(email="maria@example.org")
    verify_email(user)
    return user


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/login/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/confirm-email/",
        "/accounts/signup/",
        "/accounts/inactive/",
    ],
)
def test_entrance_pages(client, path):
    check_page(client.get(path))


def test_login_page_with_errors_links_them_to_the_fields(client, member):
    response = client.post("/accounts/login/", {"login": "not-an-address", "password": ""})

    html = check_page(response)
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_login_error"' in html
    assert 'id="id_login_error"' in html
    assert '<a href="#id_login">' in html  # the summary links to the field


def test_password_reset_from_key_page(client, member):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    key_url = f"/accounts/password/reset/key/{user_pk_to_url_str(member)}-{default_token_generator.make_token(member)}/"
    set_password_url = client.get(key_url).url

    html = check_page(client.get(set_password_url))

    assert 'name="password1"' in html
    check_page(client.get("/accounts/password/reset/key/1-bad-token/"))


def test_email_confirmation_page(client, member):
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.create(
        user=f.UserFactory(email="new@example.org"), email="new@example.org"
    )
    key = EmailConfirmationHMAC(address).key

    html = check_page(client.get(f"/accounts/confirm-email/{key}/"))

    assert "new@example.org" in html
    check_page(client.get("/accounts/confirm-email/not-a-key/"))


def test_logout_page(client, member):
    client.force_login(member)

    check_page(client.get("/accounts/logout/"))


def test_reauthenticate_page(client, member):
    client.force_login(member)

    check_page(client.get("/accounts/reauthenticate/"))


@pytest.fixture
def confirmed(client, member):
    """Signed in with the password just confirmed, as allauth wants before two-factor changes."""
    sign_in(client, member.email)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    return member


def test_mfa_index_page(client, confirmed):
    html = check_page(client.get("/accounts/2fa/"))

    assert "/accounts/2fa/totp/activate/" in html


def test_totp_activation_page_shows_the_qr_code_with_alt_text_and_the_secret(client, confirmed):
    html = check_page(client.get("/accounts/2fa/totp/activate/"))

    flat = " ".join(html.split())
    assert re.search(
        r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code for setting up', flat
    )
    secret = re.search(r'<input [^>]*id="authenticator_secret" [^>]*value="([A-Z2-7]{32})"', flat)
    assert secret, "the secret is shown as text"
    assert "readonly" in present(re.search(r'<input [^>]*id="authenticator_secret"[^>]*>', flat)).group(0)
    assert '<label for="id_code">' in html


def test_totp_activation_errors_are_visible(client, confirmed):
    html = check_page(client.post("/accounts/2fa/totp/activate/", {"code": "12"}))

    assert 'class="error-summary" role="alert"' in html
    assert "Incorrect code." in html


def test_totp_deactivation_page(client, confirmed):
    add_totp(confirmed)

    html = check_page(client.get("/accounts/2fa/totp/deactivate/"))

    assert "Deactivate" in html


def test_recovery_code_pages(client, confirmed):
    add_totp(confirmed)
    RecoveryCodes.activate(confirmed)

    html = check_page(client.get("/accounts/2fa/recovery-codes/"))
    assert 'id="recovery_codes"' in html
    check_page(client.get("/accounts/2fa/recovery-codes/generate/"))


def test_mfa_authenticate_page(client, member):
    add_totp(member)
    sign_in(client, member.email)

    html = check_page(client.get("/accounts/2fa/authenticate/"))

    assert 'autocomplete="one-time-code"' in html


def test_mfa_reauthenticate_page(client, member):
    add_totp(member)
    client.force_login(member)

    check_page(client.get("/accounts/2fa/reauthenticate/"))


@pytest.mark.parametrize(
    ("language", "heading"), [("fi", "Salasanan uusiminen"), ("sv", "Återställning av lösenord")]
)
def test_allauth_pages_speak_the_chosen_language(client, language, heading):
    client.cookies["polku_language"] = language

    html = client.get("/accounts/password/reset/").content.decode()

    assert f'<html lang="{language}">' in html
    assert heading in html
