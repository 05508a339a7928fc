"""The form of a new peer-group round: what was typed stays on the page with an error next to its field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from polku.participants.models import Cefr
from polku.peergroups.models import ATTRIBUTES
from polku.projects.models import Partner

# What each attribute the groups are diversified on means, in words (the stored keys never show).
ATTRIBUTE_LABELS = {
    "origin": _("Country of origin"),
    "field": _("Field of education"),
    "gender": _("Gender"),
    "partner": _("Partner organisation"),
}


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:
        return f"{obj.project.name} – {obj.organisation.name}"


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    partner = PartnerChoiceField(label=_("Partner"), queryset=Partner.objects.none(), empty_label=None)
    group_size = forms.IntegerField(
        label=_("Group size"), min_value=2, max_value=50, initial=6, help_text=_("People in each group")
    )
    min_language_level = forms.ChoiceField(
        label=_("Minimum level of the working language"),
        choices=Cefr.choices[:6],
        initial="B1",
        required=False,
    )
    attributes = forms.MultipleChoiceField(
        label=_("Mix the groups by"),
        choices=[(a, ATTRIBUTE_LABELS[a]) for a in ATTRIBUTES],
        widget=forms.CheckboxSelectMultiple,
        initial=[a for a in ATTRIBUTES if a != "partner"],
        required=False,
        help_text=_("Each group gets people who differ in what you tick."),
    )

    def __init__(self, *args: Any, partners: QuerySet[Partner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]
