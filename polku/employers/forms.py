"""Forms of the employers pages. They check types only; the rules are the services' (errors named by field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.core.forms import DateInput
from polku.core.models import Language
from polku.employers.models import CooperationEntry, Introduction, NeedKind, TalentNeed, Way, WorkMode
from polku.participants.models import Cefr
from polku.projects.models import Partner

LANGUAGE_ROWS = 3
NEED_LANGUAGES = (("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")))


class EmployerForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner that keeps the relationship"), queryset=Partner.objects.none()
    )
    name = forms.CharField(label=_("Company name"), max_length=200)
    business_id = forms.CharField(
        label=_("Business ID"), max_length=20, required=False, help_text=_("For example 1234567-8")
    )
    country = forms.CharField(label=_("Country"), max_length=2, initial="FI", help_text=_("For example FI"))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partners is not None:
            self.fields["partner"].queryset = partners  # type: ignore[attr-defined]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the representative"))
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=Language.choices, initial="fi")


class NeedForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NeedKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_(
            "What the work is and what it asks for, in Finnish, Swedish or English; skills are suggested from it."
        ),
    )
    mode = forms.ChoiceField(label=_("Where the work is done"), choices=WorkMode.choices)
    location = forms.CharField(label=_("Place"), max_length=100, required=False)
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput)
    closes_on = forms.DateField(label=_("Applications close"), required=False, widget=DateInput)
    openings = forms.IntegerField(label=_("Number of openings"), min_value=1, initial=1)
    open_now = forms.BooleanField(label=_("Open the need now"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(LANGUAGE_ROWS):
            self.fields[f"language_{i}"] = forms.ChoiceField(
                label=_("Language"), choices=[("", "–"), *NEED_LANGUAGES], required=False
            )
            self.fields[f"level_{i}"] = forms.ChoiceField(
                label=_("Least level"), choices=[("", "–"), *Cefr.choices], required=False
            )

    def languages(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            data[f"language_{i}"]: data[f"level_{i}"]
            for i in range(LANGUAGE_ROWS)
            if data.get(f"language_{i}") and data.get(f"level_{i}")
        }


def need_initial(need: TalentNeed) -> dict[str, Any]:
    initial = {
        name: getattr(need, name)
        for name in ("kind", "title", "description", "mode", "location", "starts_on", "closes_on", "openings")
    }
    for i, row in enumerate(need.languages.all()[:LANGUAGE_ROWS]):
        initial[f"language_{i}"] = row.language
        initial[f"level_{i}"] = row.level
    return initial


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TalentNeed.Status.choices)


class ProposeForm(forms.Form):
    candidate = forms.CharField(max_length=40, widget=forms.HiddenInput)
    message = forms.CharField(label=_("Why this introduction"), max_length=500, required=False)


class CoordinatorProposeForm(forms.Form):
    participation = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(label=_("Why this introduction"), max_length=500, required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=(("approve", _("Approve")), ("decline", _("Decline"))))


class RecordForm(forms.Form):
    interview_on = forms.DateField(label=_("Interview"), required=False, widget=DateInput)
    result = forms.ChoiceField(
        label=_("Result"), choices=[("", "–"), *Introduction.Result.choices], required=False
    )


class StartForm(forms.Form):
    started_on = forms.DateField(label=_("Started on"), widget=DateInput)


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CooperationEntry.Kind.choices)
    happened_on = forms.DateField(label=_("Date"), widget=DateInput)
    summary = forms.CharField(
        label=_("What was discussed"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    needs_identified = forms.CharField(
        label=_("Needs identified"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    ways = forms.MultipleChoiceField(
        label=_("Ways of meeting talent agreed"),
        choices=Way.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    follow_up_on = forms.DateField(label=_("Follow up by"), required=False, widget=DateInput)


class SkillDecisionForm(forms.Form):
    confirm = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())
    nice = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())
    remove = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args: Any, ids: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(i, str(i)) for i in ids or []]
        for name in ("confirm", "nice", "remove"):
            self.fields[name].choices = choices  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    project = forms.IntegerField(widget=forms.HiddenInput)
