"""Settings hygiene: one table of environment variables, mirrored by .env.example, safe in production."""

from __future__ import annotations

import os
import re
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest

from config.env import SCHEMA

BASE_DIR = Path(__file__).resolve().parents[3]


def example_names() -> list[str]:
    text = (BASE_DIR / ".env.example").read_text(encoding="utf-8")
    return re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE)


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """A production-like environment, without the test run's own POLKU_* and Django variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLKU_", "DJANGO_", "DATABASE_URL"))}
    alphabet = string.ascii_letters + string.digits + string.punctuation.replace("$", "").replace("#", "")
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "POLKU_DEBUG": "false",
            "POLKU_SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(64)),
            "POLKU_ALLOWED_HOSTS": "polku.example.fi",
            "POLKU_CSRF_TRUSTED_ORIGINS": "https://polku.example.fi",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'polku.sqlite3'}",
        }
    )
    env.update(overrides)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 — fixed interpreter and arguments
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_variable_in_the_table_is_in_env_example():
    assert sorted(set(SCHEMA) - set(example_names())) == []


def test_env_example_names_only_variables_of_the_table():
    assert sorted(set(example_names()) - set(SCHEMA)) == []


def test_env_example_names_each_variable_once():
    names = example_names()
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_each_variable_has_a_type_a_matching_default_and_a_description(name):
    kind, default, description = SCHEMA[name]

    assert isinstance(default, kind), f"{name}: default {default!r} is not {kind.__name__}"
    assert description.strip()


def test_secure_defaults():
    assert SCHEMA["POLKU_DEBUG"][1] is False
    assert SCHEMA["POLKU_SECRET_KEY"][1] == ""
    assert SCHEMA["POLKU_ALLOWED_HOSTS"][1] == []
    assert SCHEMA["POLKU_SECURE_SSL"][1] is True
    assert SCHEMA["POLKU_MFA_REQUIRED_FOR_STAFF"][1] is True
    assert SCHEMA["POLKU_OIDC_ENABLED"][1] is False


def test_deploy_check_passes_with_production_variables(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_when_debug_is_on(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path, POLKU_DEBUG="true"),
    )

    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr  # DEBUG must be off in deployment


def test_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["POLKU_SECRET_KEY"]

    result = run(["-c", "import django; django.setup()"], env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: POLKU_SECRET_KEY must be set when POLKU_DEBUG is off." in result.stderr


def test_debug_mode_starts_without_a_secret_key(tmp_path):
    env = production_env(tmp_path, POLKU_DEBUG="true")
    del env["POLKU_SECRET_KEY"]

    result = run(
        ["-c", "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"], env
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_production_settings_are_secure(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.LANGUAGE_COOKIE_SECURE, s.ALLOWED_HOSTS)"
    )

    result = run(["-c", code], production_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True True True 31536000 True ['polku.example.fi']"


def test_unknown_task_backend_is_refused(tmp_path):
    result = run(
        ["-c", "import django; django.setup()"], production_env(tmp_path, POLKU_TASK_BACKEND="celery")
    )

    assert result.returncode != 0
    assert "POLKU_TASK_BACKEND must be database, rq or immediate." in result.stderr


def test_the_default_cache_is_the_database_every_process_shares(tmp_path):
    """Log-in rate limits live in the cache: a per-process memory cache would let each web process count on
    its own (issue 18). Without POLKU_CACHE the cache is the database's."""
    code = "import django; django.setup(); from django.conf import settings as s; print(s.CACHES['default'])"

    result = run(["-c", code], production_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "'BACKEND': 'django.core.cache.backends.db.DatabaseCache'" in result.stdout
    assert "'LOCATION': 'polku_cache'" in result.stdout


def test_unknown_cache_is_refused(tmp_path):
    result = run(["-c", "import django; django.setup()"], production_env(tmp_path, POLKU_CACHE="memcached"))

    assert result.returncode != 0
    assert "POLKU_CACHE must be database, redis or locmem." in result.stderr
