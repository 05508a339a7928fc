"""A worker killed in the middle of a task: the task is found lost, tried again by the next worker and
finishes exactly once more (decision 0059). Real `polku worker` processes on a SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from polku.core.tests.recovery_tasks import hold_then_finish

BASE_DIR = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.django_db(transaction=True)


def _env(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLKU_", "DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings_test",
        PYTHONPATH=str(BASE_DIR),
        DATABASE_URL=f"sqlite:///{database}",
        POLKU_TASK_BACKEND="database",
        POLKU_ESCO_AUTOLOAD="false",
        POLKU_TASK_STALE_SECONDS="2",
        POLKU_TASK_RETRY_DELAYS="0,0",
        POLKU_LOG_LEVEL="WARNING",
    )
    return env


def _wait_for(predicate, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_a_task_whose_worker_is_killed_is_retried_and_finishes_once(settings, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the worker processes share the test database through a SQLite file")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log, hold, database = tmp_path / "log.txt", tmp_path / "hold", tmp_path / "queue.sqlite3"
    hold.touch()
    result = hold_then_finish.enqueue(log=str(log), hold=str(hold))
    # The test database (migrated, with the queued task) becomes the workers' database file.
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    env = _env(database)
    command = [sys.executable, "manage.py", "worker"]

    first = subprocess.Popen(command, cwd=BASE_DIR, env=env)  # noqa: S603 — fixed interpreter and command
    try:
        started = _wait_for(lambda: log.exists() and "start" in log.read_text(), seconds=40)
        assert started, "the first worker never started the task"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    hold.unlink()
    assert log.read_text() == "start\n"  # killed in the middle

    time.sleep(2.5)  # longer than POLKU_TASK_STALE_SECONDS: the first worker's heartbeat is stale
    second = subprocess.run(  # noqa: S603
        [*command, "--batch"], cwd=BASE_DIR, env=env, timeout=90, capture_output=True, text=True
    )
    assert second.returncode == 0, second.stderr

    assert log.read_text() == "start\nstart\ndone\n"
    db = sqlite3.connect(database)
    try:
        first_run = db.execute(
            "SELECT status, exception_class_path FROM django_tasks_database_dbtaskresult WHERE id = ?",
            [result.id.replace("-", "")],
        ).fetchone()
        retry = db.execute("SELECT attempt, reason, action, next_result_id FROM core_taskretry").fetchall()
        assert len(retry) == 1
        attempt, reason, action, next_id = retry[0]
        second_run = db.execute(
            "SELECT status, return_value FROM django_tasks_database_dbtaskresult WHERE id = ?",
            [next_id.replace("-", "")],  # the backend's id as text; SQLite stores the UUID as 32 hex digits
        ).fetchone()
        runs = db.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path = ?",
            [hold_then_finish.module_path],
        ).fetchone()[0]
    finally:
        db.close()
    assert first_run == ("FAILED", "polku.core.recovery.WorkerLost")
    assert (attempt, reason, action) == (1, "lost", "retried")
    assert second_run == ("SUCCESSFUL", '"done"')
    assert runs == 2  # the lost run and one retry, nothing more
