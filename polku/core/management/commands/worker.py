"""`polku worker`: runs background tasks from the configured queue (database or Redis).

Beside the queue it runs the scheduler: once a minute it queues the periodic jobs that are due
(polku.core.schedule), so reminders and follow-ups need no cron.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from polku.core.pdf import static_fonts
from polku.core.schedule import enqueue_due

SCHEDULER_INTERVAL_SECONDS = 60.0


def _scheduler_loop(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            enqueue_due()
        except Exception:  # a database hiccup must not stop the worker; the next round tries again
            logging.getLogger(__name__).exception("scheduler round failed")
        finally:
            close_old_connections()
        stop.wait(SCHEDULER_INTERVAL_SECONDS)


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
        stop = threading.Event()
        if batch:
            enqueue_due()
        else:
            threading.Thread(target=_scheduler_loop, args=(stop,), daemon=True, name="scheduler").start()
        try:
            self._run_queue(backend, batch=batch)
        finally:
            stop.set()

    def _run_queue(self, backend: str, *, batch: bool) -> None:
        if backend.startswith("django_tasks_db"):
            call_command("db_worker", batch=batch, interval=1.0)
        elif backend.startswith("django_tasks_rq"):
            call_command(
                "rqworker", "default", burst=batch, with_scheduler=False, job_class="django_tasks_rq.Job"
            )
        else:
            raise CommandError(f"Unknown task backend {backend}.")
