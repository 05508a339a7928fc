"""The organisation form of platform admins (formats only; the business ID's rules are the service's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.core.forms import country_choices
from polku.organisations.models import Organisation


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)
    country = forms.ChoiceField(label=_("Country"))
    business_id = forms.CharField(
        label=_("Business ID"),
        max_length=20,
        required=False,
        help_text=_("Finnish organisations: the business ID (Y-tunnus), e.g. 0201256-6"),
    )
    website = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")

    def __init__(self, *args: Any, instance: Organisation | None = None, **kwargs: Any) -> None:
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {n: getattr(instance, n) for n in ("name", "kind", "country", "business_id", "website")},
            )
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()  # type: ignore[attr-defined]
