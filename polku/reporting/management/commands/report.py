"""`polku report indicators [PROJECT_CODE] [--from DATE] [--to DATE] [--partner ID] [--format json|csv]`

Prints a project's indicator table, unsuppressed, for administrators and scripts: the same figures the
API and the report pages show (before suppression). Without a project code, lists the project codes, one
per line. Errors (a bad date, an unknown project or partner) go to stderr with a non-zero exit status.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from polku.core.errors import ApplicationError
from polku.projects.models import Project
from polku.reporting.selectors import indicator_table_unchecked

COLUMNS = ["code", "label", "total", "women", "men", "non_binary", "unknown", "unanswered"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Reports for administrators and scripts: `report indicators [PROJECT_CODE] ...`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="report", required=True)
        indicators = sub.add_parser("indicators", help="A project's indicator table, unsuppressed")
        indicators.add_argument("project_code", nargs="?", help="Without it, the project codes are listed")
        indicators.add_argument("--from", dest="period_from", help="First day of the period (YYYY-MM-DD)")
        indicators.add_argument("--to", dest="period_to", help="Last day of the period (YYYY-MM-DD)")
        indicators.add_argument("--partner", type=int, help="Only this partner's participants (partner id)")
        indicators.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["project_code"]
        if not code:
            for project_code in Project.objects.order_by("code").values_list("code", flat=True):
                self.stdout.write(project_code)
            return
        period_from = _date(options["period_from"]) if options["period_from"] else None
        period_to = _date(options["period_to"]) if options["period_to"] else None
        project = Project.objects.filter(code=code).first()
        if project is None:
            raise CommandError(f"no project with the code {code}")
        try:
            table = indicator_table_unchecked(
                project=project, period_from=period_from, period_to=period_to, partner_id=options["partner"]
            )
        except ApplicationError as error:
            raise CommandError(error.message) from error
        rows = [{c: getattr(row, c) for c in COLUMNS} for row in table.rows]
        if options["format"] == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            return
        document = {
            "project_code": table.project_code,
            "indicator_set": table.indicator_set,
            "period_from": period_from.isoformat() if period_from else None,
            "period_to": period_to.isoformat() if period_to else None,
            "partner_id": table.partner_id,
            "rows": rows,
        }
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
