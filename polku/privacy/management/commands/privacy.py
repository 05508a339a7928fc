"""`polku privacy retention [--dry-run] [--today YYYY-MM-DD]`: anonymise what retention makes due.

Prints counts per project only, never names.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from polku.privacy.services import retention_run


class Command(BaseCommand):
    help = "Privacy maintenance: `retention` anonymises personal data whose retention period has ended."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        retention = sub.add_parser("retention", help="Anonymise what is due (or show it with --dry-run)")
        retention.add_argument("--dry-run", action="store_true", help="Show what would go; change nothing")
        retention.add_argument("--today", type=dt.date.fromisoformat, help="Count as if today were this day")

    def handle(self, *args: object, **options: object) -> None:
        today = options.get("today")
        dry_run = bool(options.get("dry_run"))
        run = retention_run(today=today if isinstance(today, dt.date) else None, dry_run=dry_run)
        verb = "would be anonymised" if dry_run else "anonymised"
        for code, count in sorted(run.per_project.items()):
            self.stdout.write(f"{code}: {count} people {verb}")
        self.stdout.write(f"{run.people} people {verb} in total (as of {run.today.isoformat()})")
