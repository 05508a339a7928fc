"""The upload form: which partner the list is for, and the file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from polku.projects.models import Partner


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:
        return f"{obj.organisation.name} – {obj.project.name} ({obj.project.code})"


class UploadForm(forms.Form):
    partner = PartnerChoiceField(label=_("Partner organisation"), queryset=Partner.objects.none())
    file = forms.FileField(
        label=_("Participant list"),
        help_text=_("A CSV file (UTF-8, comma or semicolon between columns) or an Excel workbook (.xlsx)."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args: Any, partners: QuerySet[Partner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]
        if len(partners) == 1:
            self.fields["partner"].initial = partners[0].pk

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.POLKU_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large: the largest file accepted is %(size)s.")
                % {"size": filesizeformat(settings.POLKU_IMPORT_MAX_BYTES)}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
        return upload


class ConfirmForm(forms.Form):
    """Which rows to import (or leave out): every row waiting, a range of row numbers, or the rows ticked on
    the page shown. Only the ticked rows of one page are posted, so a list of any length stays far below
    Django's limit on the number of form fields."""

    ALL, RANGE, TICKED = "all", "range", "ticked"
    selection = forms.ChoiceField(
        label=_("Which rows"),
        choices=(
            (ALL, _("All rows ready to import")),
            (RANGE, _("The rows numbered from … to …")),
            (TICKED, _("The rows ticked below")),
        ),
        required=False,
        widget=forms.RadioSelect,
    )
    first = forms.IntegerField(label=_("From row"), required=False, min_value=1)
    last = forms.IntegerField(label=_("To row"), required=False, min_value=1)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["selection"] = data.get("selection") or self.TICKED  # a form without the choice posts its ticks
        if data["selection"] == self.RANGE:
            first, last = data.get("first"), data.get("last")
            if first is None:
                self.add_error("first", _("Give the number of the first row."))
            if last is None:
                self.add_error("last", _("Give the number of the last row."))
            if first is not None and last is not None and first > last:
                self.add_error("last", _("The last row must not come before the first."))
        return data

    def chosen(self, *, importable: list[int], ticked: list[str]) -> list[int]:
        """The row numbers chosen: among the rows waiting for import (`importable`) for "all" and a range;
        the ticked ones as posted otherwise (the service refuses any that cannot be imported)."""
        selection = self.cleaned_data["selection"]
        if selection == self.ALL:
            return importable
        if selection == self.RANGE:
            first, last = self.cleaned_data["first"], self.cleaned_data["last"]
            return [n for n in importable if first <= n <= last]
        return [int(value) for value in ticked if value.isdigit()]
