"""/healthz: 200 with a working database, 503 without, reachable before sign-in and over plain HTTP."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


def test_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_database_failure_gives_503(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "detail": "OperationalError"}


def test_failing_query_gives_503(client):
    cursor = mock.MagicMock()
    cursor.__enter__.return_value.execute.side_effect = OperationalError("server closed the connection")
    with mock.patch.object(connection, "cursor", return_value=cursor):
        response = client.get("/healthz")

    assert response.status_code == 503


def test_error_does_not_leak_details(client):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("password authentication failed for polku")
    ):
        response = client.get("/healthz")

    assert "password" not in response.content.decode()


@pytest.mark.mfa
def test_staff_without_totp_can_still_be_checked(client, world):
    client.force_login(world.coord_a)

    assert client.get("/healthz").status_code == 200


def test_exempt_from_https_redirect(settings, client):
    """Load balancers probe over plain HTTP inside the network."""
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_unreachable_postgresql_gives_503():
    """A real connection failure, not a mock: PostgreSQL on a port where nothing listens."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r.json()['database'])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLKU_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings_test",
        DATABASE_URL="postgres://polku@127.0.0.1:9/polku?connect_timeout=2",
    )
    result = subprocess.run(  # noqa: S603 — fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.stdout.strip() == "503 unavailable", result.stderr
