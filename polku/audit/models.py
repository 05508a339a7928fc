"""An append-only log of changes to personal data and of staff reads of it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        READ = "read", _("viewed")
        EXPORT = "export", _("exported")

    # Set by audit_record (never a database default): the time is part of the event's hash.
    at = models.DateTimeField(_("when"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_label = models.CharField(_("who"), max_length=254, help_text=_("Kept when the user is deleted"))
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    object_type = models.CharField(_("what"), max_length=60)
    object_id = models.CharField(max_length=40)
    person = models.ForeignKey(
        "participants.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_events"
    )
    partner = models.ForeignKey(
        "projects.Partner", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    fields = models.JSONField(
        _("fields"), default=list, blank=True, help_text=_("Names of the fields read or changed")
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # The hash chain (polku.audit.chain, decision 0061): the previous event's hash and this event's own.
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["person", "-at"], name="audit_person_recent"),
            models.Index(fields=["partner", "-at"], name="audit_partner_recent"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}#{self.object_id}"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RuntimeError("Audit events are append-only.")
        if not self.hash:
            raise RuntimeError(
                "Audit events are written by polku.audit.services.audit_record (the hash chain)."
            )
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object):
        raise RuntimeError("Audit events are append-only.")
