from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.esco.models import Concept

KIND_CHOICES = [
    ("", _("Skills and occupations")),
    (Concept.Kind.SKILL, _("Skills")),
    (Concept.Kind.OCCUPATION, _("Occupations")),
    ("group", _("Skill and ISCO groups")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search ESCO"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Show"), choices=KIND_CHOICES, required=False)

    def kinds(self) -> tuple[str, ...]:
        kind = self.cleaned_data.get("kind") or ""
        if kind == "group":
            return (Concept.Kind.SKILL_GROUP, Concept.Kind.ISCO_GROUP)
        if kind:
            return (kind,)
        return (Concept.Kind.SKILL, Concept.Kind.OCCUPATION)
