"""Writes of the participant import: keep an upload for preview, then import chosen rows, all of a choice at
once, until every valid row is imported or left out.

A list longer than POLKU_IMPORT_INLINE_ROWS is checked, and a choice of more rows than that imported, by
the task worker (`imports.check_batch`, `imports.commit_batch`) within POLKU_IMPORT_TASK_SECONDS; the
batch's status says so and the page shows the progress.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access, access_for
from polku.accounts.models import User
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tabular import ImportFileError
from polku.core.tasks import enqueue
from polku.imports import parsing
from polku.imports.models import ROW_IMPORTED, ROW_LEFT_OUT, ROW_PENDING, ImportBatch, row_status
from polku.imports.selectors import emails_in_project
from polku.participants.models import Participation
from polku.participants.services import participant_register
from polku.projects.models import Partner, Project

CHECK_BATCH = "imports.check_batch"
COMMIT_BATCH = "imports.commit_batch"


def _check_access(access: Access, partner_id: int) -> None:
    if not access.can_manage_partner(partner_id):
        raise AccessDenied(_("You can import participants only for your own partner organisation."))


class _TooSlow(Exception):
    pass


def _deadline() -> Callable[[], None]:
    """A check that raises _TooSlow once POLKU_IMPORT_TASK_SECONDS have passed."""
    ends = time.monotonic() + settings.POLKU_IMPORT_TASK_SECONDS

    def check() -> None:
        if time.monotonic() > ends:
            raise _TooSlow

    return check


def _too_slow_message() -> str:
    return _(
        "The list took longer than %(seconds)s seconds to process. Split it into smaller files and upload them one by one."
    ) % {"seconds": settings.POLKU_IMPORT_TASK_SECONDS}


def _checked(
    project: Project, rows: list[tuple[int, dict[str, str]]], on_progress: Callable[[int], None] | None = None
) -> list[parsing.CheckedRow]:
    in_project = emails_in_project(
        project_id=project.pk, emails=(values.get("email", "") for _row, values in rows)
    )
    return parsing.check_rows(
        project=project,
        rows=rows,
        emails_in_project=in_project,
        today=timezone.localdate(),
        on_progress=on_progress,
    )


def _pending(row: dict) -> dict:
    return {**row, "status": ROW_PENDING}


def import_batch_create(
    *, actor: User, access: Access, partner: Partner, filename: str, content: bytes
) -> ImportBatch:
    """Read and check an uploaded list and keep it for preview. A file that cannot be read writes nothing.
    A long list is kept unchecked and checked by the task worker."""
    _check_access(access, partner.pk)
    if len(content) > settings.POLKU_IMPORT_MAX_BYTES:
        raise ApplicationError(_("The file is too large."), field_errors={"file": [_max_size_message()]})
    try:
        table = parsing.read_table(content=content, filename=filename)
    except ImportFileError as error:
        raise ApplicationError(error.message, field_errors={"file": [error.message]}) from error
    batch = ImportBatch(
        partner=partner,
        uploaded_by=actor,
        filename=filename[:200],
        language=translation.get_language() or "",
        ignored_columns=table.ignored,
    )
    if len(table.rows) > settings.POLKU_IMPORT_INLINE_ROWS:
        batch.status = ImportBatch.Status.CHECKING
        batch.rows = [{"row": row, "values": values, "errors": {}} for row, values in table.rows]
        batch.save()
        enqueue(CHECK_BATCH, batch_id=batch.pk)
        batch.refresh_from_db()
        return batch
    batch.status = ImportBatch.Status.PREVIEW
    batch.rows = [_pending(row.as_json()) for row in _checked(partner.project, table.rows)]
    batch.progress = len(batch.rows)
    batch.save()
    return batch


def import_batch_check(*, batch_id: int) -> ImportBatch | None:
    """Check the rows of a long list (the task worker's part), reporting progress as it goes."""
    batch = (
        ImportBatch.objects.select_related("partner__project")
        .filter(pk=batch_id, status=ImportBatch.Status.CHECKING)
        .first()
    )
    if batch is None:
        return None
    deadline = _deadline()

    def progress(done: int) -> None:
        ImportBatch.objects.filter(pk=batch_id).update(progress=done)
        deadline()

    with translation.override(batch.language or None):
        try:
            checked = _checked(
                batch.partner.project, [(row["row"], row["values"]) for row in batch.rows], progress
            )
        except _TooSlow:
            batch.status, batch.error, batch.rows = ImportBatch.Status.FAILED, _too_slow_message(), []
        else:
            batch.status = ImportBatch.Status.PREVIEW
            batch.rows = [_pending(row.as_json()) for row in checked]
            batch.progress = len(checked)
    batch.save(update_fields=["status", "error", "rows", "progress"])
    return batch


def _max_size_message() -> str:
    return _("The file is too large: the largest file accepted is %(size)s.") % {
        "size": filesizeformat(settings.POLKU_IMPORT_MAX_BYTES)
    }


class _RollBack(Exception):
    def __init__(self, failures: dict[int, list[str]]) -> None:
        super().__init__("import rolled back")
        self.failures = failures


def _chosen_rows(batch: ImportBatch, row_numbers: Collection[int]) -> list[int]:
    """The chosen row numbers, sorted, after checking each is a valid row not yet imported or left out."""
    chosen = sorted(set(row_numbers))
    if not chosen:
        raise ApplicationError(_("Choose at least one row to import."))
    by_number = {row["row"]: row for row in batch.rows}
    not_valid = [
        n
        for n in chosen
        if n not in by_number or by_number[n]["errors"] or row_status(by_number[n]) != ROW_PENDING
    ]
    if not_valid:
        raise ApplicationError(
            _("Rows %(rows)s cannot be imported: they are not valid rows of this list waiting for import.")
            % {"rows": ", ".join(str(n) for n in not_valid)}
        )
    return chosen


def _close_if_done(batch: ImportBatch) -> None:
    """Close the list once no valid row waits; the people are in the participant register by then, so
    only what the list page needs is kept."""
    if batch.importable_rows:
        return
    batch.status = ImportBatch.Status.COMMITTED
    batch.committed_at = timezone.now()
    batch.rows = [
        {
            "row": row["row"],
            "errors": row["errors"],
            "values": {},
            "status": row_status(row),
            "participation_id": row.get("participation_id"),
        }
        for row in batch.rows
    ]


def import_batch_commit(
    *, actor: User, access: Access, batch: ImportBatch, row_numbers: Collection[int]
) -> ImportBatch:
    """Register the chosen valid rows, all or nothing; the other rows stay for a later choice.

    Each row is checked again against the data as it is now (someone may have registered the same
    person since the preview); if any row fails, nothing is imported and the error names the rows.
    More than POLKU_IMPORT_INLINE_ROWS rows go to the task worker: the batch comes back "importing".
    """
    _check_access(access, batch.partner_id)
    chosen = _chosen_rows(batch, row_numbers)
    if len(chosen) <= settings.POLKU_IMPORT_INLINE_ROWS:
        return _commit(actor=actor, access=access, batch_id=batch.pk, chosen=chosen)
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportBatch.Status.PREVIEW:
            raise ApplicationError(_("This list is already being imported, or has been imported."))
        chosen = _chosen_rows(batch, chosen)
        batch.status, batch.error = ImportBatch.Status.IMPORTING, ""
        batch.language = translation.get_language() or batch.language
        batch.save(update_fields=["status", "error", "language"])
    enqueue(COMMIT_BATCH, batch_id=batch.pk, actor_id=actor.pk, rows=chosen)
    batch.refresh_from_db()
    return batch


def import_batch_run_commit(*, batch_id: int, actor_id: int, rows: list[int]) -> ImportBatch | None:
    """The task worker's part of a long import; a failure puts the list back for another choice."""
    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.IMPORTING).first()
    actor = User.objects.filter(pk=actor_id, is_active=True).first()
    if batch is None:
        return None
    with translation.override(batch.language or None):
        try:
            if actor is None:
                raise AccessDenied(_("You can import participants only for your own partner organisation."))
            access = access_for(actor)
            _check_access(access, batch.partner_id)
            return _commit(
                actor=actor,
                access=access,
                batch_id=batch.pk,
                chosen=rows,
                expect=ImportBatch.Status.IMPORTING,
                deadline=_deadline(),
            )
        except (ApplicationError, AccessDenied) as error:
            message = error.message if isinstance(error, ApplicationError) else str(error)
            ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.IMPORTING).update(
                status=ImportBatch.Status.PREVIEW
            )
            if not isinstance(error, ApplicationError) or not error.field_errors:
                ImportBatch.objects.filter(pk=batch_id).update(error=message)
    return ImportBatch.objects.get(pk=batch_id)


def _commit(
    *,
    actor: User,
    access: Access,
    batch_id: int,
    chosen: list[int],
    expect: str = ImportBatch.Status.PREVIEW,
    deadline: Callable[[], None] | None = None,
) -> ImportBatch:
    try:
        with transaction.atomic():
            # The lock makes a double submit wait and then see the rows as already imported.
            batch = (
                ImportBatch.objects.select_for_update().select_related("partner__project").get(pk=batch_id)
            )
            if batch.status != expect:
                raise ApplicationError(_("This list is already being imported, or has been imported."))
            chosen = _chosen_rows(batch, chosen)
            by_number = {row["row"]: row for row in batch.rows}
            partner = batch.partner
            checked = _checked(partner.project, [(n, by_number[n]["values"]) for n in chosen])
            failures: dict[int, list[str]] = {}
            imported: dict[int, int] = {}
            for item in checked:
                if deadline is not None:
                    deadline()
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
            batch.rows = [
                {**row, "status": ROW_IMPORTED, "values": {}, "participation_id": imported[row["row"]]}
                if row["row"] in imported
                else row
                for row in batch.rows
            ]
            batch.status = ImportBatch.Status.PREVIEW
            batch.imported_count += len(imported)
            batch.error = ""
            _close_if_done(batch)
            batch.save(update_fields=["status", "committed_at", "imported_count", "error", "rows"])
    except _TooSlow as slow:
        ImportBatch.objects.filter(pk=batch_id).update(error=_too_slow_message())
        raise ApplicationError(_too_slow_message()) from slow
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
        ImportBatch.objects.filter(pk=batch_id).update(error=f"{message} {summary}")
        raise ApplicationError(
            message, field_errors={str(row): messages for row, messages in sorted(rollback.failures.items())}
        ) from rollback
    return batch


def import_rows_leave_out(*, access: Access, batch: ImportBatch, row_numbers: Iterable[int]) -> int:
    """Leave chosen valid rows out of the import for good (their copy of personal data is dropped); the
    list closes when no valid row waits. Returns how many rows were left out."""
    _check_access(access, batch.partner_id)
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportBatch.Status.PREVIEW:
            raise ApplicationError(_("This list is already being imported, or has been imported."))
        chosen = set(_chosen_rows(batch, list(row_numbers)))
        batch.rows = [
            {**row, "status": ROW_LEFT_OUT, "values": {}} if row["row"] in chosen else row
            for row in batch.rows
        ]
        _close_if_done(batch)
        batch.save(update_fields=["status", "committed_at", "rows"])
    return len(chosen)


def import_batch_discard(*, access: Access, batch: ImportBatch) -> None:
    """Delete an upload of which nothing was imported, with the personal data it holds; once some rows
    are imported, close it instead: the rest are left out and their data dropped."""
    _check_access(access, batch.partner_id)
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status in (ImportBatch.Status.COMMITTED, ImportBatch.Status.IMPORTING):
            raise ApplicationError(_("An imported list cannot be discarded."))
        if not batch.imported_count:
            batch.delete()
            return
        batch.rows = [
            {**row, "status": ROW_LEFT_OUT, "values": {}} if row_status(row) == ROW_PENDING else row
            for row in batch.rows
        ]
        _close_if_done(batch)
        batch.save(update_fields=["status", "committed_at", "rows"])
