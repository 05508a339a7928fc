"""Participant imports in the admin: read-only, and without the uploaded rows (they hold personal data)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from polku.audit.admin import ReadOnlyAdmin
from polku.imports.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ("filename", "partner", "uploaded_by", "status", "imported_count", "created_at")
    list_filter = ("status",)
    search_fields = (
        "filename",
        "uploaded_by__email",
        "partner__organisation__name",
        "partner__project__code",
    )
    list_select_related = ("partner__organisation", "partner__project", "uploaded_by")
    fields = (
        "filename",
        "partner",
        "uploaded_by",
        "status",
        "row_count",
        "imported_count",
        "ignored_columns",
        "error",
        "created_at",
        "committed_at",
    )
    readonly_fields = fields
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("rows")  # loaded only to count one batch's rows

    @admin.display(description=_("rows"))
    def row_count(self, batch: ImportBatch) -> int:
        return len(batch.rows)
