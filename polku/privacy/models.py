"""A person's request to erase their data, and how it was handled.

The handlers of every app (polku.core.personal_data) erase what is optional or rests on consent; what the
law or the funder requires to be kept during the retention period is kept, and the reason is recorded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureRequest(models.Model):
    class Scope(models.TextChoices):
        OPTIONAL = "optional", _("Optional and consent-based data")
        ALL = "all", _("All my data, as far as the law allows")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be handled")
        DONE = "done", _("Erased")
        PARTLY = "partly", _("Partly erased")
        REFUSED = "refused", _("Refused")

    person = models.ForeignKey(
        "participants.Person", on_delete=models.CASCADE, related_name="erasure_requests"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on_behalf = models.BooleanField(
        _("entered by a coordinator"), default=False, help_text=_("The person asked a coordinator")
    )
    scope = models.CharField(_("what to erase"), max_length=10, choices=Scope.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why something was kept or refused"))
    erased = models.JSONField(_("erased"), default=list, blank=True)
    kept = models.JSONField(_("kept"), default=list, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="pending", handled_at__isnull=True)
                | (~models.Q(status="pending") & models.Q(handled_at__isnull=False)),
                name="erasure_handled_when_decided",
            )
        ]
        indexes = [models.Index(fields=["status", "-requested_at"], name="erasure_status_recent")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.get_scope_display()} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
