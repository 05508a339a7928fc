"""A coordinator's upload of an existing participant list, kept until every row is imported or left out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The state of one row of the list (the key "status" of each entry of ImportBatch.rows).
ROW_PENDING, ROW_IMPORTED, ROW_LEFT_OUT = "pending", "imported", "left_out"


def row_status(row: dict) -> str:
    """A row's state; rows of lists imported before rows had states say only whether they were imported."""
    return row.get("status") or (ROW_IMPORTED if row.get("imported") else ROW_PENDING)


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        PREVIEW = "preview", _("Waiting for confirmation")
        IMPORTING = "importing", _("Being imported")
        COMMITTED = "committed", _("Imported")
        FAILED = "failed", _("Could not be read")

    partner = models.ForeignKey("projects.Partner", on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("file"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    language = models.CharField(
        max_length=10,
        blank=True,
        help_text=_("Language of the uploader, for messages written by the task worker"),
    )
    rows = models.JSONField(default=list, help_text=_("Parsed rows with their values and errors"))
    progress = models.PositiveIntegerField(default=0, help_text=_("Rows checked so far by the task worker"))
    ignored_columns = models.JSONField(
        default=list, blank=True, help_text=_("Headers that matched no known column")
    )
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    committed_at = models.DateTimeField(_("imported"), null=True, blank=True)
    imported_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("participant import")
        verbose_name_plural = _("participant imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def is_busy(self) -> bool:
        """The task worker is checking or importing the list; the page waits for it."""
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)

    @property
    def valid_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["errors"]]

    @property
    def invalid_rows(self) -> list[dict]:
        return [row for row in self.rows if row["errors"]]

    @property
    def importable_rows(self) -> list[dict]:
        """Valid rows neither imported nor left out yet."""
        return [row for row in self.rows if not row["errors"] and row_status(row) == ROW_PENDING]

    @property
    def left_out_count(self) -> int:
        return sum(1 for row in self.rows if row_status(row) == ROW_LEFT_OUT)
