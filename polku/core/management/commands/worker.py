"""`polku worker`: runs background tasks from the configured queue (database or Redis).

Beside the queue it runs the scheduler: once a minute it queues the periodic jobs that are due
(polku.core.schedule), so reminders and follow-ups need no cron. With the database queue it also sends a
heartbeat, and once a minute recovers the tasks of workers that died (polku.core.recovery, decision 0059).
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from polku.core import recovery
from polku.core.pdf import static_fonts
from polku.core.schedule import enqueue_due

SCHEDULER_INTERVAL_SECONDS = 60.0
logger = logging.getLogger(__name__)


def _housekeeping(*, recover: bool) -> None:
    enqueue_due()
    if recover:
        result = recovery.recover()
        if result.lost or result.retried or result.given_up:
            logger.warning("recovered tasks: %s", result)


def _scheduler_loop(stop: threading.Event, recover: bool) -> None:
    while not stop.is_set():
        try:
            _housekeeping(recover=recover)
        except Exception:  # a database hiccup must not stop the worker; the next round tries again
            logger.exception("scheduler round failed")
        finally:
            close_old_connections()
        stop.wait(SCHEDULER_INTERVAL_SECONDS)


def heartbeat_interval() -> float:
    return max(0.5, min(30.0, settings.POLKU_TASK_STALE_SECONDS / 4))


def _heartbeat_loop(stop: threading.Event, worker_id: str) -> None:
    while not stop.is_set():
        try:
            recovery.beat(worker_id)
        except Exception:  # a locked SQLite file or a dropped connection: try again at the next beat
            logger.exception("heartbeat failed")
        finally:
            close_old_connections()
        stop.wait(heartbeat_interval())


class Command(BaseCommand):
    help = "Run the background task worker for the queue chosen by POLKU_TASK_BACKEND."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit")

    def handle(self, *args, batch: bool, **options) -> None:
        backend = str(settings.TASKS["default"]["BACKEND"])
        if "immediate" in backend:
            raise CommandError(
                "The immediate task backend runs tasks in the web process; no worker is needed."
            )
        # the PDF fonts' static instances (polku.core.pdf), made once per machine, in the background
        threading.Thread(target=static_fonts, daemon=True, name="pdf-fonts").start()
        database = backend.startswith("django_tasks_db")
        worker_id = recovery.new_worker_id()
        stop = threading.Event()
        threads = []
        if database:
            recovery.beat(worker_id)  # alive before the first task is claimed
            threads.append(threading.Thread(target=_heartbeat_loop, args=(stop, worker_id), daemon=True))
        if batch:
            _housekeeping(recover=database)
        else:
            threads.append(threading.Thread(target=_scheduler_loop, args=(stop, database), daemon=True))
        for thread in threads:
            thread.start()
        try:
            self._run_queue(backend, batch=batch, worker_id=worker_id)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=5)
            if database:
                recovery.forget_worker(worker_id)

    def _run_queue(self, backend: str, *, batch: bool, worker_id: str) -> None:
        if backend.startswith("django_tasks_db"):
            call_command("db_worker", batch=batch, interval=1.0, worker_id=worker_id, reload=False)
        elif backend.startswith("django_tasks_rq"):
            call_command(
                "rqworker", "default", burst=batch, with_scheduler=False, job_class="django_tasks_rq.Job"
            )
        else:
            raise CommandError(f"Unknown task backend {backend}.")
