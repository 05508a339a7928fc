"""`polku schedule`: queue the periodic jobs that are due (what `polku worker` does once a minute)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from polku.core.schedule import REGISTRY, enqueue_due


class Command(BaseCommand):
    help = "Queue the periodic jobs that are due; --all queues every job now; --list shows them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="Queue every periodic job, due or not")
        parser.add_argument("--list", action="store_true", help="List the periodic jobs and stop")

    def handle(self, *args, all: bool, list: bool, **options) -> None:
        if list:
            for name in sorted(REGISTRY):
                self.stdout.write(f"{name}\tevery {REGISTRY[name].every}")
            return
        for name in enqueue_due(force=all):
            self.stdout.write(f"queued {name}")
