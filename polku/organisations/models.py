"""Organisations that run or take part in projects: cities, universities, associations, companies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum.fi import ytunnus

from polku.core.models import TimeStamped


def validate_business_id(value: str) -> None:
    """A Finnish business ID (Y-tunnus) such as 0201256-6, check digit included."""
    if not ytunnus.is_valid(value):
        raise ValidationError(
            _("%(value)s is not a valid Finnish business ID (format 1234567-8 with a correct check digit)."),
            params={"value": value},
            code="invalid_business_id",
        )


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
            self.business_id = ytunnus.compact(self.business_id)
            self.business_id = ytunnus.format(self.business_id)
            try:
                validate_business_id(self.business_id)
            except ValidationError as error:
                raise ValidationError({"business_id": error.messages}) from error
