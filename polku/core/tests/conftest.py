"""The role matrix's world: built once per test module, every test rolled back to it."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import transaction

from polku.testing.roles import with_every_role
from polku.testing.world import build_world


@pytest.fixture(scope="module")
def matrix_world_once(django_db_setup: Any, django_db_blocker: Any) -> Iterator[SimpleNamespace]:
    """The world with every role, in a transaction around the module's tests (each test is a savepoint)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield with_every_role(build_world())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def matrix_world(matrix_world_once: SimpleNamespace, db: Any) -> Iterator[SimpleNamespace]:
    # A copy, so that a test that changes a world object in memory leaves the next test's copy alone.
    yield copy.deepcopy(matrix_world_once)
    # The test's savepoint is rolled back in any case; marking it so skips Django's deferred foreign-key
    # check at teardown, which on SQLite reads every table (ESCO's 300,000 rows) and is most of a
    # matrix test's time. The matrix tests who may do what, not foreign keys.
    transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _files_in_memory(settings: Any) -> None:
    """Background jobs' files (polku.core.jobs) are kept in memory, not under MEDIA_ROOT."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
