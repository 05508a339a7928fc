"""The dashboard's and the funder report's filters (GET parameters from, to, partner, country)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.participants.forms import DateInput
from polku.projects.models import Partner


class ReportFilterForm(forms.Form):
    """`partners` are the partners the reader may pick (their own for a coordinator)."""

    def __init__(self, data: Any, *, partners: list[Partner], countries: bool = True) -> None:
        super().__init__(data)
        self.fields["from"] = forms.DateField(label=_("From"), required=False, widget=DateInput())
        self.fields["to"] = forms.DateField(label=_("To"), required=False, widget=DateInput())
        self.fields["partner"] = forms.TypedChoiceField(
            label=_("Partner"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", _("All partners in view")), *((p.pk, p.organisation.name) for p in partners)],
        )
        if countries:
            codes = sorted({p.country for p in partners})
            self.fields["country"] = forms.ChoiceField(
                label=_("Country"),
                required=False,
                choices=[("", _("All countries")), *((c, c) for c in codes)],
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("from"), data.get("to")
        if start and end and end < start:
            self.add_error("to", _("The end of the period cannot be before its start."))
        return data

    def values(self) -> tuple[dt.date | None, dt.date | None, int | None, str]:
        """The chosen filters; invalid input falls back to no filter (the form shows the errors)."""
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("from"), data.get("to"), data.get("partner"), data.get("country") or ""
