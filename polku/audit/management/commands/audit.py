"""`polku audit verify`: check the audit log's hash chain (decision 0061).

Prints how many events were checked and the hash of the last one (keep it somewhere outside the database:
a later run that does not reach the same hash shows the log's tail was cut), or the first broken link,
and then exits with status 1.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from polku.audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = "Audit log tools: `verify` checks that no event was changed, removed or slipped in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: object, action: str, **options: object) -> None:
        verdict = audit_chain_verify()
        if verdict.broken is not None:
            raise CommandError(
                f"The audit log's chain is broken at event {verdict.broken.event_id}: {verdict.broken.reason}. "
                f"Intact before it: {verdict.checked - 1} events, the last with hash {verdict.head}."
            )
        self.stdout.write(
            f"The audit log's chain is intact: {verdict.checked} events, last hash {verdict.head}."
        )
