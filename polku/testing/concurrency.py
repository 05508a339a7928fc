"""Races on a real database (tests only): run calls at the same moment in threads, each with its own
connection. SQLite serialises writers, so the tests that use this run on PostgreSQL only (`POSTGRESQL_ONLY`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import pytest
from django.db import connection, connections

POSTGRESQL_ONLY = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite allows one writer at a time, so no race",
    ),
]


def race(calls: Sequence[Callable[..., object]]) -> list[object]:
    """Run the calls at the same moment, each in its own thread and database connection; each call's result
    or the exception it raised, in the order of the calls."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[..., object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the race's loser: kept as its result
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
