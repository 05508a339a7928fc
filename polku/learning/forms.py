"""Forms of the learning pages. They only parse input; the rules are checked in services."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from polku.assessments import frameworks
from polku.core.names import language_name, resolve_language
from polku.learning.models import LearningOpportunity, Milestone, Mode, Plan, PlanItem
from polku.participants.forms import DateInput
from polku.participants.models import Cefr


def competence_choices(language: str) -> list[tuple[str, str]]:
    return [(c.code, f"{c.code} {c.name.get(language)}") for c in frameworks.all_competences()]


def parse_languages(text: str) -> dict[str, str]:
    """ "Finnish B1, English B2" (or "fi:B1") as {"fi": "B1", "en": "B2"}; a language written by a name
    Polku does not know is kept as written so the service reports it."""
    found: dict[str, str] = {}
    levels = {v.lower(): v for v in Cefr.values}
    for part in re.split(r"[,;|\n]+", text):
        words = part.replace(":", " ").replace("=", " ").split()
        if not words:
            continue
        level = "A1"
        if len(words) > 1 and words[-1].lower() in levels:
            level = levels[words.pop().lower()]
        name = " ".join(words)
        found[resolve_language(name) or name] = level
    return found


def format_languages(languages: dict[str, str]) -> str:
    return ", ".join(f"{language_name(k)} {v}" for k, v in sorted(languages.items()))


def split_uris(text: str) -> list[str]:
    return [u.strip() for u in re.split(r"[\s|,]+", text) if u.strip()]


class OpportunityForm(forms.Form):
    owner = forms.ChoiceField(label=capfirst(_("offered by")))
    code = forms.CharField(
        label=capfirst(_("code")), max_length=80, help_text=_("A short unique key, e.g. forklift-card-2026")
    )
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=LearningOpportunity.Kind.choices)
    provider = forms.CharField(label=capfirst(_("provider")), max_length=200)
    title_fi = forms.CharField(label=capfirst(_("title (Finnish)")), max_length=200, required=False)
    title_sv = forms.CharField(label=capfirst(_("title (Swedish)")), max_length=200, required=False)
    title_en = forms.CharField(label=capfirst(_("title (English)")), max_length=200, required=False)
    description_fi = forms.CharField(
        label=capfirst(_("description (Finnish)")), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    description_sv = forms.CharField(
        label=capfirst(_("description (Swedish)")), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    description_en = forms.CharField(
        label=capfirst(_("description (English)")), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    languages = forms.CharField(
        label=capfirst(_("teaching languages")),
        required=False,
        help_text=_(
            "Each language and its minimum level, e.g. Finnish B1, English B2. Empty: no language needed."
        ),
    )
    mode = forms.ChoiceField(label=capfirst(_("mode")), choices=Mode.choices)
    hours = forms.DecimalField(label=capfirst(_("hours")), min_value=0, max_digits=6, decimal_places=1)
    ects = forms.DecimalField(
        label=_("ECTS credits"), min_value=0, max_digits=5, decimal_places=1, required=False
    )
    cost = forms.DecimalField(
        label=capfirst(_("cost (EUR)")), min_value=0, max_digits=8, decimal_places=2, initial=0
    )
    self_paced = forms.BooleanField(label=capfirst(_("self-paced (no dates)")), required=False)
    starts_on = forms.DateField(label=capfirst(_("starts")), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=capfirst(_("ends")), widget=DateInput(), required=False)
    url = forms.URLField(
        label=capfirst(_("web address")), max_length=500, required=False, assume_scheme="https"
    )
    skills = forms.CharField(
        label=_("ESCO skills it builds"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("ESCO skill URIs, one per line"),
    )
    competences = forms.MultipleChoiceField(
        label=_("DigComp and EntreComp competences"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    is_active = forms.BooleanField(
        label=capfirst(_("active (shown in the catalogue)")), required=False, initial=True
    )

    def __init__(self, *args: Any, owners: list[tuple[str, str]], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owners  # type: ignore[attr-defined]
        self.fields["competences"].choices = competence_choices(language)  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("owner")
        data.pop("skills")
        data["languages"] = parse_languages(data["languages"])
        data["cost"] = data["cost"] or 0
        return data

    def skill_uris(self) -> list[str]:
        return split_uris(self.cleaned_data["skills"])


class CatalogueFilterForm(forms.Form):
    skill = forms.CharField(label=capfirst(_("skill")), required=False)
    language = forms.ChoiceField(
        label=capfirst(_("teaching language")),
        required=False,
        choices=[("", _("Any")), ("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))],
    )
    mode = forms.ChoiceField(
        label=capfirst(_("mode")), required=False, choices=[("", _("Any")), *Mode.choices]
    )
    kind = forms.ChoiceField(
        label=capfirst(_("kind")), required=False, choices=[("", _("Any")), *LearningOpportunity.Kind.choices]
    )


class CatalogueImportForm(forms.Form):
    owner = forms.ChoiceField(label=capfirst(_("offered by")))
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args: Any, owners: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owners  # type: ignore[attr-defined]


class PlanForm(forms.Form):
    goal_kind = forms.ChoiceField(label=_("Goal"), choices=Plan.GoalKind.choices, widget=forms.RadioSelect)
    occupation = forms.CharField(
        label=_("Target occupation"), required=False, help_text=_("Type a few letters of the occupation")
    )
    target = forms.ChoiceField(
        label=_("Which occupation do you mean?"), required=False, widget=forms.RadioSelect
    )
    business_goal = forms.CharField(
        label=_("Business goal"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    preferred_mode = forms.ChoiceField(
        label=_("Preferred way of studying"), required=False, choices=[("", _("Any")), *Mode.choices]
    )

    def __init__(self, *args: Any, targets: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets or []  # type: ignore[attr-defined]
        if not targets:
            self.fields["target"].widget = forms.HiddenInput()


class PlanStatusForm(forms.Form):
    status = forms.ChoiceField(label=capfirst(_("plan status")), choices=Plan.Status.choices)


class ItemForm(forms.Form):
    opportunity = forms.ChoiceField(label=capfirst(_("from the catalogue")), required=False)
    text = forms.CharField(label=capfirst(_("or describe another item")), max_length=300, required=False)

    def __init__(self, *args: Any, opportunities: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].choices = [("", "—"), *opportunities]  # type: ignore[attr-defined]


class ItemStatusForm(forms.Form):
    status = forms.ChoiceField(label=capfirst(_("status")), choices=PlanItem.Status.choices)


class CompletionForm(forms.Form):
    completed_on = forms.DateField(label=capfirst(_("completed on")), widget=DateInput())
    grade = forms.CharField(label=capfirst(_("grade")), max_length=40, required=False)
    note = forms.CharField(
        label=capfirst(_("evidence note")),
        max_length=500,
        required=False,
        help_text=_("E.g. the certificate number"),
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=capfirst(_("milestone")), max_length=200)
    due_on = forms.DateField(label=capfirst(_("due")), widget=DateInput(), required=False)
    item = forms.ChoiceField(label=capfirst(_("done when this item is completed")), required=False)

    def __init__(self, *args: Any, items: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "—"), *items]  # type: ignore[attr-defined]


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=capfirst(_("status")), choices=Milestone.Status.choices)


class CommentForm(forms.Form):
    text = forms.CharField(label=capfirst(_("comment")), widget=forms.Textarea(attrs={"rows": 3}))


class MoocImportForm(forms.Form):
    partner = forms.ChoiceField(label=capfirst(_("participants of")))
    file = forms.FileField(label=_("CSV export of the MOOC platform"))
    email_column = forms.CharField(
        label=capfirst(_("e-mail column")), required=False, help_text=_("Empty: recognised from the header")
    )
    course_column = forms.CharField(
        label=capfirst(_("course column")), required=False, help_text=_("Empty: recognised from the header")
    )
    date_column = forms.CharField(
        label=capfirst(_("completion date column")),
        required=False,
        help_text=_("Empty: recognised from the header"),
    )
    grade_column = forms.CharField(
        label=capfirst(_("grade column")), required=False, help_text=_("Empty: recognised from the header")
    )

    def __init__(self, *args: Any, partners: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = partners  # type: ignore[attr-defined]

    def mapping(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            k: v
            for k, v in {
                "email": data["email_column"],
                "course": data["course_column"],
                "completed_on": data["date_column"],
                "grade": data["grade_column"],
            }.items()
            if v
        }
