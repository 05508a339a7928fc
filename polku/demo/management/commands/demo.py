"""`polku demo`: fill an empty database with the five demo programmes, participants and log-ins."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from polku.demo.builder import DEFAULT_PARTICIPANTS, DEFAULT_SEED, build_demo
from polku.projects.models import Project


class Command(BaseCommand):
    help = "Load demo data (five programmes, participants, demo log-ins) into an empty database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--participants",
            type=int,
            default=DEFAULT_PARTICIPANTS,
            help="Number of demo participants (default %(default)s; up to 100,000 or more)",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Random seed (default %(default)s)"
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has a project"
        )

    def handle(self, *args: object, participants: int, seed: int, if_empty: bool, **options: object) -> None:
        if participants < 2:
            raise CommandError(_("--participants must be at least 2."))
        if Project.objects.exists():
            if if_empty:
                self.stdout.write(_("The database already has projects; demo data not loaded."))
                return
            raise CommandError(
                _(
                    "The database already has projects. The demo loads into an empty database; "
                    "use --if-empty to skip quietly."
                )
            )
        started = time.monotonic()
        result = build_demo(seed=seed, participants=participants, progress=self._progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            _(
                "Loaded %(projects)d projects, %(orgs)d organisations, %(persons)d participants "
                "(%(participations)d participations) in %(seconds).1f s."
            )
            % {
                "projects": result.projects,
                "orgs": result.organisations,
                "persons": result.persons,
                "participations": result.participations,
                "seconds": elapsed,
            }
        )
        self._print_logins(result)

    def _progress(self, label: str, done: int, total: int) -> None:
        if total >= 1000 or done == total:
            self.stdout.write(f"  {label}: {done}/{total} ({100 * done // max(total, 1)} %)")

    def _print_logins(self, result) -> None:
        rows = [(_("E-mail"), _("Password"), _("Role"))]
        rows += [(login.email, result.password, str(login.role)) for login in result.logins]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        self.stdout.write("")
        self.stdout.write(_("Demo log-ins (e-mail addresses verified):"))
        for n, (email, password, role) in enumerate(rows):
            self.stdout.write(f"  {email:<{widths[0]}}  {password:<{widths[1]}}  {role}")
            if n == 0:
                self.stdout.write(f"  {'-' * widths[0]}  {'-' * widths[1]}  {'-' * 4}")
        self.stdout.write(
            _(
                "Staff roles must set up two-factor authentication at first sign-in unless "
                "POLKU_MFA_REQUIRED_FOR_STAFF=false."
            )
        )
