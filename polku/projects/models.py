"""Projects (hanke), their partners and work packages (targets and activities: polku.activities)."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


def new_registration_code() -> str:
    return secrets.token_urlsafe(9)


class Project(TimeStamped):
    class Funder(models.TextChoices):
        ESF_PLUS_2021 = "esf_plus_2021", _("ESF+ 2021–2027")
        ESF_2014 = "esf_2014", _("ESF 2014–2020")
        ERDF = "erdf", _("ERDF")
        ERASMUS_PLUS = "erasmus_plus", _("Erasmus+")
        NATIONAL = "national", _("National or municipal funding")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(
        _("project code"), max_length=40, unique=True, help_text=_("The funder's code, e.g. S22729")
    )
    funder = models.CharField(_("funder"), max_length=20, choices=Funder.choices)
    programme = models.CharField(
        _("programme"), max_length=200, blank=True, help_text=_("Priority or specific objective")
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    languages = models.JSONField(
        _("languages"), default=list, help_text=_('Working languages, e.g. ["fi", "en"]')
    )
    description = models.TextField(_("description"), blank=True)
    asks_disability = models.BooleanField(_("asks about disability"), default=False)
    asks_minority = models.BooleanField(_("asks about minority background"), default=False)
    # Retention (polku.privacy): personal data are anonymised after 31 December of the year of the last
    # payment plus `retention_years`, unless the project is on legal hold.
    retention_years = models.PositiveSmallIntegerField(
        _("retention period (years)"),
        default=5,
        help_text=_(
            "Years after the end of the year of the last payment before personal data are anonymised"
        ),
    )
    last_payment_on = models.DateField(
        _("last payment"),
        null=True,
        blank=True,
        help_text=_("Date of the funder's last payment; empty means the project's end date"),
    )
    legal_hold = models.BooleanField(
        _("legal hold"),
        default=False,
        help_text=_("An audit, a claim or a dispute: nothing of this project is anonymised while set"),
    )
    indicator_set = models.CharField(
        _("funder indicator set"),
        max_length=20,
        choices=[("esf_plus_2021", _("ESF+ 2021–2027")), ("esf_2014", _("ESF 2014–2020"))],
        blank=True,
        help_text=_("Empty: chosen from the funder and the project's period"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="project_period_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The project cannot end before it starts.")})


class Partner(TimeStamped):
    """An organisation implementing its own part of a project (osatoteuttaja)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partners", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("organisation"),
    )
    is_lead = models.BooleanField(_("lead partner"), default=False)
    country = models.CharField(
        _("country"), max_length=2, help_text=_("Country where this part is implemented")
    )
    part_description = models.TextField(_("own part"), blank=True)
    registration_code = models.CharField(
        max_length=20, unique=True, default=new_registration_code, editable=False
    )
    registration_open = models.BooleanField(_("public registration open"), default=False)

    class Meta:
        ordering = ["-is_lead", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation"], name="partner_once_per_project"),
            models.UniqueConstraint(
                fields=["project"], condition=models.Q(is_lead=True), name="one_lead_partner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} – {self.project.code}"


class WorkPackage(TimeStamped):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="work_packages")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    responsible = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_packages",
        verbose_name=_("responsible partner"),
    )

    class Meta:
        ordering = ["project", "number"]
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="work_package_number_unique")
        ]

    def __str__(self) -> str:
        return f"{_('WP')}{self.number} {self.name}"
