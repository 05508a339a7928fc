"""Failed log-ins are throttled per address and per account *and* address, in a cache every process shares
(issue 18, decision 0062): a stranger cannot lock out the owner, and several web processes count together."""

from __future__ import annotations

import re

import pytest
from allauth.core.internal import ratelimit
from django.core import mail
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection

from polku.accounts.tests.helpers import PASSWORD, verify_email
from polku.core.apps import create_cache_table
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts. Try again later."
STRANGER, OWNER, OFFICE = "203.0.113.7", "198.51.100.20", "192.0.2.33"


@pytest.fixture
def shared_cache(settings):
    """The database cache, as every deployment has it unless POLKU_CACHE says otherwise."""
    settings.CACHES = {"default": settings.POLKU_DATABASE_CACHE}
    create_cache_table(using="default", verbosity=0)  # what `polku migrate` does
    return caches["default"]


@pytest.fixture
def maria():
    user = f.UserFactory(email="maria@example.org")
    verify_email(user)
    return user


def attempt(client, address: str, password: str, email: str = "maria@example.org"):
    return client.post("/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_cache_table_is_made_by_migrate(shared_cache):
    assert "polku_cache" in connection.introspection.table_names()
    assert isinstance(shared_cache, DatabaseCache)


def test_a_stranger_failing_20_times_does_not_lock_out_the_owner(client, shared_cache, maria):
    answers = [attempt(client, STRANGER, f"guess-{n}").content.decode() for n in range(20)]
    assert TOO_MANY not in answers[4]
    assert TOO_MANY in answers[5]  # the stranger's address is stopped on this account

    attempt(client, OWNER, PASSWORD)

    assert signed_in(client)


def test_the_strangers_address_stays_refused_even_with_the_right_password(client, shared_cache, maria):
    for n in range(5):
        attempt(client, STRANGER, f"guess-{n}")

    response = attempt(client, STRANGER, PASSWORD)

    assert TOO_MANY in response.content.decode()
    assert not signed_in(client)


def test_one_address_failing_on_many_accounts_is_stopped(client, shared_cache):
    """10 failures a minute per address, whichever accounts they aim at."""
    answers = [
        attempt(client, STRANGER, "guess", f"person{n}@example.org").content.decode() for n in range(11)
    ]

    assert all(TOO_MANY not in answer for answer in answers[:10])
    assert TOO_MANY in answers[10]


def test_guessing_spread_over_many_addresses_meets_the_account_wide_limit(
    client, settings, shared_cache, maria
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_account": "6/h/key"}
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        for n in range(2):
            attempt(client, address, f"guess-{n}")

    response = attempt(client, OWNER, PASSWORD)

    assert TOO_MANY in response.content.decode()
    assert not signed_in(client)


def test_a_password_reset_lifts_the_account_wide_limit(client, settings, shared_cache, maria):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_account": "6/h/key"}
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        for n in range(2):
            attempt(client, address, f"guess-{n}")

    client.post("/accounts/password/reset/", {"email": "maria@example.org"}, REMOTE_ADDR=OWNER)
    link = present(
        re.search(r"http://testserver(/accounts/password/reset/key/[^\s]+/)", str(mail.outbox[-1].body))
    ).group(1)
    set_password_url = client.get(link, REMOTE_ADDR=OWNER).url
    client.post(
        set_password_url,
        {"password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase"},
        REMOTE_ADDR=OWNER,
    )
    attempt(client, OWNER, "a-new-long-passphrase")

    assert signed_in(client)


def test_a_successful_log_in_takes_back_its_own_count(client, shared_cache, maria):
    """Allauth counts an attempt before checking it; a right password must not use up the owner's tries."""
    for _ in range(6):
        attempt(client, OWNER, PASSWORD)
        client.logout()
    for n in range(4):
        attempt(client, OWNER, f"typo-{n}")

    attempt(client, OWNER, PASSWORD)

    assert signed_in(client)


def _in_process(monkeypatch, cache) -> None:
    """Act as a web process with its own connection to the cache (allauth reads `cache` at each count)."""
    monkeypatch.setattr(ratelimit, "cache", cache)


def test_two_processes_count_failures_together(client, monkeypatch, shared_cache, maria):
    first = DatabaseCache("polku_cache", {})
    second = DatabaseCache("polku_cache", {})
    _in_process(monkeypatch, first)
    for n in range(3):
        attempt(client, STRANGER, f"guess-{n}")
    _in_process(monkeypatch, second)
    for n in range(3, 5):
        attempt(client, STRANGER, f"guess-{n}")

    response = attempt(client, STRANGER, PASSWORD)

    assert TOO_MANY in response.content.decode()


def test_processes_with_memory_caches_would_each_count_alone(client, monkeypatch, maria):
    """Why the memory cache is no longer the default: five failures spread over two processes go unseen."""
    _in_process(monkeypatch, LocMemCache("process-1", {}))
    for n in range(3):
        attempt(client, STRANGER, f"guess-{n}")
    _in_process(monkeypatch, LocMemCache("process-2", {}))
    for n in range(3, 5):
        attempt(client, STRANGER, f"guess-{n}")

    attempt(client, STRANGER, PASSWORD)

    assert signed_in(client)
