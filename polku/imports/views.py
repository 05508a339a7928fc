"""Pages of the participant import: upload, preview with row choice (paged), confirm or leave rows out,
progress while the task worker checks or imports a long list, and the template file."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.forms import SummaryItem, error_summary
from polku.imports import parsing, selectors, services
from polku.imports.forms import ConfirmForm, UploadForm
from polku.imports.models import ImportBatch

RECENT = 20
PAGE_SIZE = 100  # rows of the preview per page; a page's ticks stay far below Django's field limit


@login_required
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    partners = selectors.import_partner_list(access=access)
    form = UploadForm(request.POST or None, request.FILES or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            batch = services.import_batch_create(
                actor=request.user,
                access=access,
                partner=form.cleaned_data["partner"],
                filename=upload_file.name,
                content=upload_file.read(),
            )
        except ApplicationError as error:
            for message in error.field_errors.get("file", []) or [error.message]:
                form.add_error("file", message)
        else:
            return redirect("imports:detail", pk=batch.pk)
    return TemplateResponse(
        request,
        "imports/upload.html",
        {
            "form": form,
            "summary": error_summary(form, form_anchor="upload-form"),
            "columns": parsing.COLUMNS,
            "batches": selectors.import_batch_list(access=access)[:RECENT],
        },
    )


def _render_batch(
    request: HttpRequest,
    batch: ImportBatch,
    *,
    form: ConfirmForm | None = None,
    ticked: set[int] | None = None,
    error: ApplicationError | None = None,
) -> HttpResponse:
    importable = Paginator(batch.importable_rows, PAGE_SIZE).get_page(request.GET.get("page"))
    invalid = Paginator(batch.invalid_rows, PAGE_SIZE).get_page(request.GET.get("errors_page"))
    if ticked is None:
        ticked = {row["row"] for row in importable}
    summary: list[SummaryItem] = []
    if form is not None:
        summary.extend(error_summary(form, form_anchor="confirm-form"))
    if error is not None:
        summary.append(SummaryItem(anchor="confirm-form", label="", message=error.message))
        for row, messages_ in error.field_errors.items():
            summary.append(
                SummaryItem(
                    anchor=f"row-{row}", label=_("Row %(row)s") % {"row": row}, message=" ".join(messages_)
                )
            )
    labels = {column.name: column.label for column in parsing.COLUMNS}
    labels[parsing.ROW_ERROR] = _("Row")
    for invalid_row in invalid:
        invalid_row["error_list"] = [
            (labels.get(name, name), messages_) for name, messages_ in invalid_row["errors"].items()
        ]
    return TemplateResponse(
        request,
        "imports/batch.html",
        {
            "batch": batch,
            "valid_count": len(batch.valid_rows),
            "invalid_count": len(batch.invalid_rows),
            "importable": importable,
            "invalid": invalid,
            "ticked": ticked,
            "form": form or ConfirmForm(initial={"selection": ConfirmForm.ALL}),
            "summary": summary,
            "is_open": batch.status == ImportBatch.Status.PREVIEW,
            "last_error": batch.error if error is None and batch.status == ImportBatch.Status.PREVIEW else "",
        },
    )


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    batch = selectors.import_batch_get(access=access, pk=pk)
    if request.htmx and not batch.is_busy:
        response = HttpResponse(status=204)  # the worker is done: load the whole page again
        response["HX-Redirect"] = request.path
        return response
    return _render_batch(request, batch)


@login_required
@require_POST
def confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Import the chosen rows, or leave them out (the button named "leave_out")."""
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    batch = selectors.import_batch_get(access=access, pk=pk)
    form = ConfirmForm(request.POST)
    ticked = request.POST.getlist("rows")
    if not form.is_valid():
        return _render_batch(request, batch, form=form, ticked={int(v) for v in ticked if v.isdigit()})
    chosen = form.chosen(importable=[row["row"] for row in batch.importable_rows], ticked=ticked)
    try:
        if "leave_out" in request.POST:
            count = services.import_rows_leave_out(access=access, batch=batch, row_numbers=chosen)
            messages.success(
                request,
                ngettext("%(count)s row left out.", "%(count)s rows left out.", count) % {"count": count},
            )
            return redirect("imports:detail", pk=batch.pk)
        before = batch.imported_count
        batch = services.import_batch_commit(
            actor=request.user, access=access, batch=batch, row_numbers=chosen
        )
    except ApplicationError as error:
        batch.refresh_from_db()
        return _render_batch(request, batch, form=form, ticked=set(chosen), error=error)
    if batch.status != ImportBatch.Status.IMPORTING:
        count = batch.imported_count - before
        messages.success(
            request,
            ngettext("%(count)s participant imported.", "%(count)s participants imported.", count)
            % {"count": count},
        )
    return redirect("imports:detail", pk=batch.pk)


@login_required
@require_POST
def discard(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    batch = selectors.import_batch_get(access=access, pk=pk)
    imported = batch.imported_count
    try:
        services.import_batch_discard(access=access, batch=batch)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("imports:detail", pk=pk)
    if imported:
        messages.success(request, _("The list was closed; the rows not imported were left out."))
        return redirect("imports:detail", pk=pk)
    messages.success(request, _("The uploaded list was discarded."))
    return redirect("imports:upload")


@login_required
def template(request: AuthenticatedHttpRequest) -> HttpResponse:
    """An empty list with the expected headers; ?delimiter=semicolon for Excel with Finnish or Swedish settings."""
    coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    semicolon = request.GET.get("delimiter") == "semicolon"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";" if semicolon else ",", lineterminator="\r\n").writerow(
        parsing.COLUMN_NAMES
    )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = "polku-participants-semicolon.csv" if semicolon else "polku-participants.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
