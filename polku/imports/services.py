"""Writes of the participant import: keep an upload for preview, then import the chosen rows all at once."""

from __future__ import annotations

from collections.abc import Collection

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tabular import ImportFileError
from polku.imports import parsing
from polku.imports.models import ImportBatch
from polku.imports.selectors import emails_in_project
from polku.participants.models import Participation
from polku.participants.services import participant_register
from polku.projects.models import Partner


def _check_access(access: Access, partner_id: int) -> None:
    if not access.can_manage_partner(partner_id):
        raise AccessDenied(_("You can import participants only for your own partner organisation."))


def import_batch_create(
    *, actor: User, access: Access, partner: Partner, filename: str, content: bytes
) -> ImportBatch:
    """Read and check an uploaded list and keep it for preview. A file that cannot be read writes nothing."""
    _check_access(access, partner.pk)
    if len(content) > settings.POLKU_IMPORT_MAX_BYTES:
        raise ApplicationError(_("The file is too large."), field_errors={"file": [_max_size_message()]})
    try:
        table = parsing.read_table(content=content, filename=filename)
    except ImportFileError as error:
        raise ApplicationError(error.message, field_errors={"file": [error.message]}) from error
    project = partner.project
    in_project = emails_in_project(
        project_id=project.pk, emails=(values.get("email", "") for _row, values in table.rows)
    )
    checked = parsing.check_rows(
        project=project, rows=table.rows, emails_in_project=in_project, today=timezone.localdate()
    )
    return ImportBatch.objects.create(
        partner=partner,
        uploaded_by=actor,
        filename=filename[:200],
        status=ImportBatch.Status.PREVIEW,
        rows=[row.as_json() for row in checked],
        ignored_columns=table.ignored,
    )


def _max_size_message() -> str:
    return _("The file is too large: the largest file accepted is %(size)s.") % {
        "size": filesizeformat(settings.POLKU_IMPORT_MAX_BYTES)
    }


class _RollBack(Exception):
    def __init__(self, failures: dict[int, list[str]]) -> None:
        super().__init__("import rolled back")
        self.failures = failures


def import_batch_commit(
    *, actor: User, access: Access, batch: ImportBatch, row_numbers: Collection[int]
) -> ImportBatch:
    """Register the chosen valid rows, all or nothing.

    Each row is checked again against the data as it is now (someone may have registered the same
    person since the preview); if any row fails, nothing is imported and the error names the rows.
    """
    _check_access(access, batch.partner_id)
    chosen = sorted(set(row_numbers))
    if not chosen:
        raise ApplicationError(_("Choose at least one row to import."))
    try:
        with transaction.atomic():
            # The lock makes a double submit wait and then see the batch as already imported.
            batch = (
                ImportBatch.objects.select_for_update().select_related("partner__project").get(pk=batch.pk)
            )
            if batch.status != ImportBatch.Status.PREVIEW:
                raise ApplicationError(_("This list has already been imported."))
            by_number = {row["row"]: row for row in batch.rows}
            not_valid = [n for n in chosen if n not in by_number or by_number[n]["errors"]]
            if not_valid:
                raise ApplicationError(
                    _("Rows %(rows)s cannot be imported: they are not valid rows of this list.")
                    % {"rows": ", ".join(str(n) for n in not_valid)}
                )
            partner = batch.partner
            project = partner.project
            rows = [(n, by_number[n]["values"]) for n in chosen]
            in_project = emails_in_project(
                project_id=project.pk, emails=(values.get("email", "") for _n, values in rows)
            )
            checked = parsing.check_rows(
                project=project, rows=rows, emails_in_project=in_project, today=timezone.localdate()
            )
            failures: dict[int, list[str]] = {}
            imported: dict[int, int] = {}
            for item in checked:
                if item.registration is None:
                    failures[item.row] = [m for messages in item.errors.values() for m in messages]
                    continue
                try:
                    participation = participant_register(
                        actor=actor,
                        access=access,
                        partner=partner,
                        registration=item.registration,
                        channel=Participation.Channel.IMPORT,
                    )
                except ApplicationError as error:
                    messages = [m for ms in error.field_errors.values() for m in ms] or [error.message]
                    failures[item.row] = messages
                else:
                    imported[item.row] = participation.pk
            if failures:
                raise _RollBack(failures)
            batch.status = ImportBatch.Status.COMMITTED
            batch.committed_at = timezone.now()
            batch.imported_count = len(imported)
            batch.error = ""
            # Once imported, the people are in the participant register: keep only what the list page needs.
            batch.rows = [
                {
                    "row": row["row"],
                    "errors": row["errors"],
                    "values": {},
                    "imported": row["row"] in imported,
                    "participation_id": imported.get(row["row"]),
                }
                for row in batch.rows
            ]
            batch.save(update_fields=["status", "committed_at", "imported_count", "error", "rows"])
    except _RollBack as rollback:
        summary = "; ".join(
            _("row %(row)s: %(errors)s") % {"row": row, "errors": " ".join(messages)}
            for row, messages in sorted(rollback.failures.items())
        )
        message = ngettext(
            "Nothing was imported: %(count)s row failed. Leave it out or correct the file and upload it again.",
            "Nothing was imported: %(count)s rows failed. Leave them out or correct the file and upload it again.",
            len(rollback.failures),
        ) % {"count": len(rollback.failures)}
        ImportBatch.objects.filter(pk=batch.pk).update(error=f"{message} {summary}")
        raise ApplicationError(
            message, field_errors={str(row): messages for row, messages in sorted(rollback.failures.items())}
        ) from rollback
    return batch


def import_batch_discard(*, access: Access, batch: ImportBatch) -> None:
    """Delete an upload that was not imported, with the personal data it holds."""
    _check_access(access, batch.partner_id)
    if batch.status == ImportBatch.Status.COMMITTED:
        raise ApplicationError(_("An imported list cannot be discarded."))
    batch.delete()
