"""A coordinator's upload of an existing participant list, kept until it is confirmed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for confirmation")
        COMMITTED = "committed", _("Imported")
        FAILED = "failed", _("Could not be read")

    partner = models.ForeignKey("projects.Partner", on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("file"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    rows = models.JSONField(default=list, help_text=_("Parsed rows with their values and errors"))
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
    def valid_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["errors"]]

    @property
    def invalid_rows(self) -> list[dict]:
        return [row for row in self.rows if row["errors"]]
