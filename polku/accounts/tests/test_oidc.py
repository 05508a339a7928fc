"""Sign-in through an OIDC broker (Keycloak in front of Suomi.fi): off by default, one button when on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from polku.accounts.tests.test_pages import check_page

BASE_DIR = Path(__file__).resolve().parents[3]

OIDC_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "polku-oidc",
                "name": "Suomi.fi",
                "client_id": "polku",
                "secret": "not-a-real-secret",
                "settings": {"server_url": "https://sso.example.fi/realms/polku"},
            }
        ],
    }
}


@pytest.fixture
def oidc_enabled(settings):
    settings.SOCIALACCOUNT_PROVIDERS = OIDC_PROVIDERS


def settings_under(env: dict[str, str], expression: str):
    """Evaluate `expression` on config.settings imported in a fresh process with `env` set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("POLKU_", "DJANGO_"))}
    code = f"import json, config.settings as s; print(json.dumps({expression}))"
    result = subprocess.run(  # noqa: S603 — fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**clean, "POLKU_DEBUG": "true", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.django_db
def test_login_page_has_no_oidc_button_by_default(client):
    html = client.get("/accounts/login/").content.decode()

    assert "/accounts/oidc/" not in html
    assert "Sign in with" not in html


@pytest.mark.django_db
def test_login_page_offers_the_broker_when_configured(client, oidc_enabled):
    html = check_page(client.get("/accounts/login/"))

    assert 'href="/accounts/oidc/polku-oidc/login/?process=login"' in html
    assert "Sign in with Suomi.fi" in html


@pytest.mark.django_db
def test_provider_app_is_listed_when_configured(rf, oidc_enabled):
    from allauth.socialaccount.adapter import get_adapter

    request = rf.get("/accounts/login/")
    apps = get_adapter(request).list_apps(request, provider="openid_connect")

    assert [(app.provider_id, app.name, app.client_id) for app in apps] == [
        ("polku-oidc", "Suomi.fi", "polku")
    ]
    assert get_adapter(request).list_apps(request, provider="polku-oidc")[0].settings == {
        "server_url": "https://sso.example.fi/realms/polku"
    }


@pytest.mark.django_db
def test_broker_start_page_is_a_polku_page(client, oidc_enabled):
    """GET shows a confirmation (allauth does not leave the site on GET); the POST goes to the broker."""
    html = check_page(client.get("/accounts/oidc/polku-oidc/login/?process=login"))

    assert "Suomi.fi" in html


@pytest.mark.django_db
def test_people_can_link_the_broker_to_their_account(client, oidc_enabled):
    from polku.testing import factories as f

    client.force_login(f.UserFactory())

    html = check_page(client.get("/accounts/3rdparty/"))

    assert 'href="/accounts/oidc/polku-oidc/login/?process=connect"' in html


def test_settings_leave_oidc_off_by_default():
    from config.env import SCHEMA

    assert SCHEMA["POLKU_OIDC_ENABLED"][1] is False
    assert settings_under({"POLKU_OIDC_ENABLED": "false"}, "s.SOCIALACCOUNT_PROVIDERS") == {}


def test_settings_build_the_provider_app_from_the_environment():
    providers = settings_under(
        {
            "POLKU_OIDC_ENABLED": "true",
            "POLKU_OIDC_SERVER_URL": "https://sso.example.fi/realms/polku",
            "POLKU_OIDC_CLIENT_ID": "polku",
            "POLKU_OIDC_CLIENT_SECRET": "s3cret",
            "POLKU_OIDC_NAME": "Suomi.fi",
        },
        "s.SOCIALACCOUNT_PROVIDERS",
    )

    app = providers["openid_connect"]["APPS"][0]
    assert providers["openid_connect"]["OAUTH_PKCE_ENABLED"] is True
    assert app == {
        "provider_id": "polku-oidc",
        "name": "Suomi.fi",
        "client_id": "polku",
        "secret": "s3cret",
        "settings": {"server_url": "https://sso.example.fi/realms/polku"},
    }


def test_callback_url_is_the_documented_one():
    from django.urls import reverse

    assert reverse("openid_connect_callback", kwargs={"provider_id": "polku-oidc"}) == (
        "/accounts/oidc/polku-oidc/login/callback/"
    )
    assert "/accounts/oidc/polku-oidc/login/callback/" in (BASE_DIR / "docs" / "oidc.md").read_text(
        encoding="utf-8"
    )


def test_docs_name_every_oidc_variable():
    from config.env import SCHEMA

    docs = (BASE_DIR / "docs" / "oidc.md").read_text(encoding="utf-8")

    assert [name for name in SCHEMA if name.startswith("POLKU_OIDC_") and name not in docs] == []
