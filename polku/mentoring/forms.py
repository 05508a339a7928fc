"""Forms of the mentoring pages; they parse input only, the services apply the rules."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polku.core.forms import LanguageLevelsField
from polku.matching.scoring import CRITERIA, DEFAULT_WEIGHTS
from polku.mentoring.models import Goal, Kind, MatchingRun, MentoringProgramme, Session
from polku.participants.forms import DateInput

LEVELS = [(level, level) for level in ("A1", "A2", "B1", "B2", "C1", "C2")]
RATINGS = [(n, str(n)) for n in range(1, 6)]


class ListField(forms.CharField):
    """Items separated by commas or new lines, as a list of strings."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return value

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        return [item.strip() for item in re.split(r"[,\n]", text) if item.strip()]


class MentorProfileForm(forms.Form):
    bio = forms.CharField(label=_("About me"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    organisation = forms.CharField(label=_("Employer or organisation"), required=False, max_length=200)
    expertise = ListField(
        label=_("Expertise"), help_text=_("Skills, separated by commas (ESCO skill names or addresses)")
    )
    industries = ListField(label=_("Industries"), help_text=_("Separated by commas"))
    languages = LanguageLevelsField(label=_("Languages"), required=False)
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of mentoring I offer"), choices=Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    availability = ListField(label=_("Availability"), help_text=_("E.g. weekday evenings, weekends"))
    location = forms.CharField(label=_("Location"), required=False, max_length=100)
    capacity = forms.IntegerField(label=_("How many mentees at a time"), min_value=0, max_value=50)
    is_available = forms.BooleanField(label=_("I am taking new mentees"), required=False)


class ProgrammeForm(forms.Form):
    partner = forms.TypedChoiceField(label=_("Run by"), coerce=int, empty_value=None, required=False)
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput(), initial=timezone.localdate)
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput())
    mode = forms.ChoiceField(label=_("Matching mode"), choices=MentoringProgramme.Mode.choices)
    status = forms.ChoiceField(label=_("Status"), choices=MentoringProgramme.Status.choices)
    min_language_level = forms.ChoiceField(
        label=_("Minimum shared language level"), choices=LEVELS, initial="B1"
    )
    forbid_same_employer = forms.BooleanField(
        label=_("Never pair people of the same employer"), required=False, initial=True
    )
    reminder_days = forms.IntegerField(
        label=_("Remind to log a session after (days)"), min_value=1, max_value=365, initial=21
    )

    def __init__(self, *args: Any, partners: list[tuple[int | str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = partners  # type: ignore[attr-defined]
        labels = criterion_labels()
        for name in CRITERIA:
            self.fields[f"weight_{name}"] = forms.FloatField(
                label=_("Weight: %(criterion)s") % {"criterion": labels.get(name, name)},
                min_value=0,
                max_value=100,
                initial=DEFAULT_WEIGHTS.get(name, 0),
            )

    def programme_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["weights"] = {k[len("weight_") :]: data.pop(k) for k in list(data) if k.startswith("weight_")}
        return data


def criterion_labels() -> dict[str, str]:
    return {
        "language": str(_("shared language")),
        "skills": str(_("skills")),
        "industry": str(_("industry")),
        "goals": str(_("kind of mentoring")),
        "stage": str(_("stage")),
        "availability": str(_("availability")),
        "location": str(_("location")),
        "wishes": str(_("wishes")),
    }


class MenteeRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("What kind of mentoring do you want?"), choices=Kind.choices)
    skills = ListField(label=_("Skills you want to develop"), help_text=_("Separated by commas"))
    industries = ListField(label=_("Industries of interest"), help_text=_("Separated by commas"))
    availability = ListField(label=_("When you can meet"), help_text=_("E.g. weekday evenings, weekends"))
    employer = forms.CharField(label=_("Current employer, if any"), required=False, max_length=200)
    wishes = forms.CharField(
        label=_("Anything else a mentor should know"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wished_mentors = forms.TypedMultipleChoiceField(
        label=_("Mentors you would like"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    share_with_other_partners = forms.BooleanField(
        label=_(
            "Let this programme's staff in the project's other partner organisations see what I write here"
        ),
        help_text=_(
            "This programme is run for the whole project. Without your permission only the staff of your own "
            "organisation see your name, employer, wishes and when you can meet; a mentor is still found for "
            "you. You can change this here at any time."
        ),
        required=False,
    )

    def __init__(
        self, *args: Any, mentors: list[tuple[int, str]], project_wide: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wished_mentors"].choices = mentors  # type: ignore[attr-defined]
        if not mentors:
            del self.fields["wished_mentors"]
        if not project_wide:  # asked only of the participant joining a project-wide programme
            del self.fields["share_with_other_partners"]


class MenteeAddForm(MenteeRequestForm):
    """The coordinator puts one of their participants into the programme."""

    participation = forms.TypedChoiceField(label=_("Participant"), coerce=int)
    field_order = ["participation"]

    def __init__(self, *args: Any, participants: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participation"].choices = participants  # type: ignore[attr-defined]


class RunForm(forms.Form):
    objective = forms.ChoiceField(
        label=_("What matters most"),
        choices=MatchingRun.Objective.choices,
        widget=forms.RadioSelect,
        initial=MatchingRun.Objective.TOTAL,
    )


class AddPairForm(forms.Form):
    mentee = forms.TypedChoiceField(label=_("Mentee"), coerce=int)
    mentor = forms.TypedChoiceField(label=_("Mentor"), coerce=int)

    def __init__(
        self, *args: Any, mentees: list[tuple[int, str]], mentors: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mentee"].choices = mentees  # type: ignore[attr-defined]
        self.fields["mentor"].choices = mentors  # type: ignore[attr-defined]


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=1,
        max_value=600,
        initial=60,
        error_messages={
            "max_value": _("A session can last at most 600 minutes (10 hours)."),
            "min_value": _("Give the length of the session in minutes, at least 1."),
        },
    )
    status = forms.ChoiceField(
        label=_("What happened"), choices=Session.Status.choices, initial=Session.Status.HELD
    )
    topics = forms.CharField(label=_("Topics"), required=False, max_length=300)
    notes = forms.CharField(
        label=_("Notes (only the two of you see these)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class GoalForm(forms.Form):
    text = forms.CharField(label=_("New goal"), max_length=300)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How is it going? (1 = badly, 5 = very well)"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Anything to add"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class FeedbackForm(RatingForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].label = _("How was the mentoring? (1 = poor, 5 = excellent)")
        self.fields["text"].label = _("Your feedback")
