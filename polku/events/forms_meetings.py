"""Forms of the meeting and round pages: what a person types; the rules are in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.events.models import Intent, MatchProfile


class ProfileForm(forms.Form):
    looking_for = forms.MultipleChoiceField(
        label=_("I look for"), choices=Intent.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    offering = forms.MultipleChoiceField(
        label=_("I offer"), choices=Intent.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    industries = forms.CharField(
        label=_("Industries"), max_length=300, required=False, help_text=_("Separate them with commas.")
    )
    introduction = forms.CharField(
        label=_("A few words about you"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    available = forms.MultipleChoiceField(
        label=_("When I am free for meetings"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args: Any, slot_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["available"].choices = slot_choices  # type: ignore[attr-defined]


def profile_initial(profile: MatchProfile | None) -> dict[str, Any]:
    if profile is None:
        return {}
    return {
        "looking_for": profile.looking_for,
        "offering": profile.offering,
        "industries": profile.industries,
        "introduction": profile.introduction,
        "available": [str(s.pk) for s in profile.available.all()],
    }


class GenerateSlotsForm(forms.Form):
    start = forms.TimeField(label=_("First slot starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Last slot ends by"), widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(label=_("Minutes per meeting"), min_value=5, max_value=240, initial=15)
    gap_minutes = forms.IntegerField(
        label=_("Break between meetings (minutes)"), min_value=0, max_value=120, initial=0
    )


class SettingsForm(forms.Form):
    matchmaking = forms.BooleanField(label=_("1:1 meetings between attendees"), required=False)
    meeting_tables = forms.IntegerField(label=_("Tables or rooms for meetings"), min_value=1, max_value=1000)
    max_requests = forms.IntegerField(
        label=_("Meeting requests one person may send"), min_value=1, max_value=100
    )


class MustMeetForm(forms.Form):
    registrations = forms.MultipleChoiceField(
        label=_("People who must meet (2 to 4)"), widget=forms.CheckboxSelectMultiple
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        coerce=int,
        initial=3,
        choices=[(3, _("Must meet")), (2, _("Important")), (1, _("Normal"))],
    )

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["registrations"].choices = people  # type: ignore[attr-defined]


class RequestForm(forms.Form):
    recipient = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("A short message"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MoveForm(forms.Form):
    round_number = forms.IntegerField(label=_("Round"), min_value=1)
    registration = forms.IntegerField(label=_("Person"), min_value=1)
    room = forms.IntegerField(label=_("To room"), min_value=1)
