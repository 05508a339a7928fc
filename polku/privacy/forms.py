from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.privacy.models import ErasureRequest
from polku.projects.models import Project


class RetentionForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["retention_years", "last_payment_on", "legal_hold"]
        widgets = {"last_payment_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        # The same texts as the model's, so that this app's catalogue carries their translations.
        labels = {
            "retention_years": _("retention period (years)"),
            "last_payment_on": _("last payment"),
            "legal_hold": _("legal hold"),
        }
        help_texts = {
            "retention_years": _(
                "Years after the end of the year of the last payment before personal data are anonymised"
            ),
            "last_payment_on": _("Date of the funder's last payment; empty means the project's end date"),
            "legal_hold": _(
                "An audit, a claim or a dispute: nothing of this project is anonymised while set"
            ),
        }


class ErasureRequestForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("What should be erased?"), choices=ErasureRequest.Scope.choices, widget=forms.RadioSelect
    )


class ErasureHandleForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("carry_out", _("Erase what may be erased")), ("refuse", _("Refuse the request"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when refusing; added to the reasons for what is kept"),
    )
