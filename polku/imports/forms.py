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
