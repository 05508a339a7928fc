"""`polku worker`: runs background tasks from the configured queue (database or Redis)."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run the background task worker for the queue chosen by POLKU_TASK_BACKEND."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit")

    def handle(self, *args, batch: bool, **options) -> None:  # type: ignore[no-untyped-def]
        backend = settings.TASKS["default"]["BACKEND"]
        if backend.startswith("django_tasks_db"):
            call_command("db_worker", batch=batch, interval=1.0)
        elif backend.startswith("django_tasks_rq"):
            call_command(
                "rqworker", "default", burst=batch, with_scheduler=False, job_class="django_tasks_rq.Job"
            )
        else:
            raise CommandError(
                "The immediate task backend runs tasks in the web process; no worker is needed."
            )
