"""Organisations that run or take part in projects: cities, universities, associations, companies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.organisations.business_ids import BusinessIdError, business_id_check


def validate_business_id(value: str) -> None:
    """A Finnish business ID (Y-tunnus) such as 0201256-6, check digit included (polku.organisations.business_ids)."""
    try:
        business_id_check(value, country="FI")
    except BusinessIdError as error:
        raise ValidationError(error.message, code="invalid_business_id") from error


class Organisation(TimeStamped):
    class Kind(models.TextChoices):
        CITY = "city", _("City or municipality")
        UNIVERSITY = "university", _("University or college")
        ASSOCIATION = "association", _("Association")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 country code, e.g. FI"))
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        help_text=_("Finnish business ID (Y-tunnus), e.g. 0201256-6"),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~models.Q(business_id=""),
                name="organisation_business_id_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.business_id:
            if self.country != "FI":
                raise ValidationError(
                    {"business_id": _("A business ID (Y-tunnus) applies to Finnish organisations only.")}
                )
            try:
                self.business_id = business_id_check(self.business_id, country="FI").value
            except BusinessIdError as error:
                raise ValidationError({"business_id": [error.message]}) from error
