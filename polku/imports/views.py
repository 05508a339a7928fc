"""Pages of the participant import: upload, preview with row choice, confirm, and the template file."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
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
from polku.imports.forms import UploadForm
from polku.imports.models import ImportBatch

RECENT = 20


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
    selected: set[int] | None = None,
    error: ApplicationError | None = None,
) -> HttpResponse:
    valid = batch.valid_rows
    invalid = batch.invalid_rows
    if selected is None:
        selected = {row["row"] for row in valid}
    summary: list[SummaryItem] = []
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
            "valid": valid,
            "invalid": invalid,
            "selected": selected,
            "summary": summary,
            "is_preview": batch.status == ImportBatch.Status.PREVIEW,
        },
    )


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    batch = selectors.import_batch_get(access=access, pk=pk)
    return _render_batch(request, batch)


@login_required
@require_POST
def confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    batch = selectors.import_batch_get(access=access, pk=pk)
    chosen: set[int] = set()
    for value in request.POST.getlist("rows"):
        try:
            chosen.add(int(value))
        except ValueError:
            continue
    try:
        batch = services.import_batch_commit(
            actor=request.user,
            access=access,
            batch=batch,
            row_numbers=chosen,
        )
    except ApplicationError as error:
        batch.refresh_from_db()
        return _render_batch(request, batch, selected=chosen, error=error)
    messages.success(
        request,
        ngettext("%(count)s participant imported.", "%(count)s participants imported.", batch.imported_count)
        % {"count": batch.imported_count},
    )
    return redirect("imports:detail", pk=batch.pk)


@login_required
@require_POST
def discard(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators import participants."))
    batch = selectors.import_batch_get(access=access, pk=pk)
    try:
        services.import_batch_discard(access=access, batch=batch)
    except ApplicationError as error:
        messages.error(request, error.message)
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
