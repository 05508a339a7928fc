"""Privacy notices per project, version and language; consents by purpose."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import Language


class Purpose(models.TextChoices):
    PARTICIPATION = "participation", _("Processing my data to take part in the project")
    SENSITIVE = "sensitive", _("Processing the optional sensitive items I choose to give")
    DIRECTORY = (
        "directory",
        _("Showing my profile to other partners and participants in the community directory"),
    )
    COMMUNICATIONS = "communications", _("Receiving news and invitations from the project")
    EMPLOYERS = (
        "employers",
        _("Being found by employers: my profile without my name is shown to employers of the project"),
    )


class PrivacyNotice(models.Model):
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="privacy_notices")
    version = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"))

    class Meta:
        ordering = ["project", "-version", "language"]
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        constraints = [
            models.UniqueConstraint(fields=["project", "version", "language"], name="notice_version_language")
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version} ({self.language})"


class Consent(models.Model):
    """A consent given by a person, tied to the exact notice version and language they read."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="consents")
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    notice = models.ForeignKey(PrivacyNotice, on_delete=models.PROTECT, related_name="consents")
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "project", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
