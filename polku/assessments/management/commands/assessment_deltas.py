"""`polku assessment_deltas S29999 [--framework entrecomp]`: a project's before/after deltas per area.

Run by an operator on the server: the figures are exact (an admin's view); publish only suppressed ones.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from polku.accounts.access import Access
from polku.assessments.frameworks import CURRENT
from polku.assessments.selectors import project_deltas
from polku.projects.models import Project


class Command(BaseCommand):
    help = "Print a project's self-assessment deltas (first against latest) per area and competence."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project", help="project code, e.g. S21876")
        parser.add_argument("--framework", choices=sorted(CURRENT), default="digcomp")
        parser.add_argument("--competences", action="store_true", help="also one line per competence")

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.filter(code=options["project"]).first()
        if project is None:
            raise CommandError(f"no project {options['project']}")
        deltas = project_deltas(
            access=Access(user_id=None, is_admin=True), project=project, framework_key=options["framework"]
        )
        self.stdout.write(
            f"{project.code} {deltas.framework.key}: {deltas.people_assessed} assessed, "
            f"{deltas.people_repeated} with two or more"
        )
        rows = []
        for area in deltas.areas:
            rows.append((f"{area.area.number} {area.area.name.en}", area.delta))
            if options["competences"]:
                rows += [(f"  {c.number} {c.name.en}", d) for c, d in area.competences]
        for label, d in rows:
            change = "–" if d.mean_change is None else f"{d.mean_change:+.2f}"
            first = "–" if d.mean_first is None else f"{d.mean_first:.2f}"
            latest = "–" if d.mean_latest is None else f"{d.mean_latest:.2f}"
            self.stdout.write(
                f"{label[:60]:<60} n={d.people:<5} {first:>5} → {latest:>5} {change:>6} "
                f"up {d.improved} same {d.same} down {d.declined}"
            )
