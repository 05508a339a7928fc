"""A self-registration saved to be continued later (personal data: kept 30 days, deleted on submit)."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationDraft(models.Model):
    """The answers so far of a registration through a partner's link, reopened with a resume link.

    Only a SHA-256 hash of the link's token is stored (like accounts.Invitation), so the database opens no
    draft. The password is never part of the answers: it is asked on the last page only. Expired drafts are
    deleted by the periodic job `registration.expired_drafts`; registering deletes the draft at once.
    """

    partner = models.ForeignKey(
        "projects.Partner",
        on_delete=models.CASCADE,
        related_name="registration_drafts",
        verbose_name=_("partner"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    answers = models.JSONField(_("answers so far"), default=dict, blank=True)
    step = models.CharField(_("step"), max_length=20)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("saved registration")
        verbose_name_plural = _("saved registrations")

    def __str__(self) -> str:
        return f"{self.partner_id} – {self.step}"


def draft_token_hash(token: str) -> str:
    """What is stored of a resume link's token: its SHA-256 hash."""
    return hashlib.sha256(token.encode()).hexdigest()
