"""Forms of the organisers' event pages: formats only; the rules live in polku.events.services.events.

Times are typed in the event's own time zone (chosen from the list of IANA zones, never free text) and
made aware in that zone before they reach the service.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polku.core.forms import DateTimeInput
from polku.core.timezones import zone_choices
from polku.events.models import Event, Question
from polku.knowledge.models import EvaluationNote
from polku.projects.forms import ProjectPartnerChoiceField
from polku.projects.models import Partner, WorkPackage

AWARE_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


class NoteField(forms.ModelChoiceField):
    def label_from_instance(self, obj: EvaluationNote) -> str:
        return f"{obj.date:%d.%m.%Y} {obj.title}"


class HoursField(forms.CharField):
    """Whole hours separated by commas, e.g. "48, 2"."""

    def to_python(self, value: Any) -> list[int]:  # type: ignore[override]
        text = super().to_python(value)
        hours = []
        for part in (text or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit():
                raise forms.ValidationError(_("Give whole hours separated by commas, for example 48, 2."))
            hours.append(int(part))
        return hours

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return value


REPEAT_CHOICES = [
    ("", _("Only once")),
    ("FREQ=WEEKLY", _("Every week")),
    ("FREQ=WEEKLY;INTERVAL=2", _("Every two weeks")),
    ("FREQ=MONTHLY", _("Every month")),
    ("FREQ=MONTHLY;INTERVAL=3", _("Every three months")),
]


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of event"), choices=Event.Kind.choices)
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200, required=False)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=200,
        required=False,
        help_text=_("Give the title in at least one language; readers see their own language first."),
    )
    description_fi = forms.CharField(
        label=_("Description in Finnish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    description_sv = forms.CharField(
        label=_("Description in Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    description_en = forms.CharField(
        label=_("Description in English"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), initial="Europe/Helsinki")
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"),
        required=False,
        assume_scheme="https",
        help_text=_("Leave empty for an online event to get a room link of the project's video service."),
    )
    audience = forms.ChoiceField(label=_("Who can register"), choices=Event.Audience.choices)
    capacity = forms.IntegerField(
        label=_("Seats"), min_value=1, max_value=100000, required=False, help_text=_("Empty for no limit.")
    )
    registration_opens_at = forms.DateTimeField(
        label=_("Registration opens"), required=False, widget=DateTimeInput()
    )
    registration_closes_at = forms.DateTimeField(
        label=_("Registration closes"), required=False, widget=DateTimeInput()
    )
    cancellation_hours = forms.IntegerField(
        label=_("Free cancellation until (hours before)"), min_value=0, max_value=720, initial=24
    )
    offer_hours = forms.IntegerField(
        label=_("A freed seat is held for (hours)"),
        min_value=1,
        max_value=168,
        initial=24,
        help_text=_("How long the first person on the waitlist has to take a freed seat."),
    )
    reminder_hours = HoursField(
        label=_("Reminders (hours before)"),
        required=False,
        initial=[48, 2],
        help_text=_("Whole hours separated by commas, for example 48, 2."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Event.Status.choices)
    matchmaking = forms.BooleanField(label=_("1:1 meetings between attendees"), required=False)
    meeting_tables = forms.IntegerField(
        label=_("Tables or rooms for meetings"), min_value=1, max_value=5000, initial=10
    )
    max_requests = forms.IntegerField(
        label=_("Meeting requests one person may send"), min_value=1, max_value=100, initial=10
    )
    round_count = forms.IntegerField(
        label=_("Networking rounds"),
        min_value=0,
        max_value=20,
        initial=0,
        help_text=_("Online events only: breakout groups in which everyone meets new people."),
    )
    round_group_size = forms.IntegerField(
        label=_("People per breakout group"), min_value=2, max_value=12, initial=4
    )
    round_minutes = forms.IntegerField(label=_("Minutes per round"), min_value=2, max_value=120, initial=10)
    round_share_language = forms.BooleanField(label=_("Groups share a working language"), required=False)
    evaluation_note = NoteField(
        label=_("Minutes (a reflection-meeting note)"),
        queryset=EvaluationNote.objects.none(),
        required=False,
        empty_label="—",
    )

    def __init__(
        self,
        *args: Any,
        partners: QuerySet[Partner] | None = None,
        notes: QuerySet[EvaluationNote] | None = None,
        work_packages: QuerySet[WorkPackage] | None = None,
        series: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        zones = zone_choices()
        current = (self.initial or {}).get("time_zone")
        if current and current not in dict(zones):  # an old name of a zone, kept as it was stored
            zones = [(current, current), *zones]
        self.fields["time_zone"].choices = zones  # type: ignore[attr-defined]
        note_field = self.fields["evaluation_note"]
        assert isinstance(note_field, forms.ModelChoiceField)
        note_field.queryset = notes if notes is not None else EvaluationNote.objects.none()
        first: dict[str, forms.Field] = {}
        if partners is not None:
            first["partner"] = ProjectPartnerChoiceField(
                label=_("Project and organising partner"), queryset=partners, empty_label=None
            )
            first["work_package"] = forms.ModelChoiceField(
                label=_("Work package"),
                queryset=work_packages if work_packages is not None else WorkPackage.objects.none(),
                required=False,
                empty_label="—",
            )
        if series:
            first["repeat"] = forms.ChoiceField(label=_("Repeat"), choices=REPEAT_CHOICES, required=False)
            first["occurrences"] = forms.IntegerField(
                label=_("How many times"), min_value=1, max_value=60, initial=1, required=False
            )
        if first:
            self.fields = {**first, **self.fields}

    GROUPS = (
        (
            _("What and for whom"),
            (
                "partner",
                "work_package",
                "kind",
                "title_fi",
                "title_sv",
                "title_en",
                "description_fi",
                "description_sv",
                "description_en",
                "audience",
                "status",
                "evaluation_note",
            ),
        ),
        (
            _("When and where"),
            ("time_zone", "starts_at", "ends_at", "repeat", "occurrences", "venue", "online_url"),
        ),
        (
            _("Registration"),
            (
                "capacity",
                "registration_opens_at",
                "registration_closes_at",
                "cancellation_hours",
                "offer_hours",
                "reminder_hours",
            ),
        ),
        (
            _("1:1 meetings and networking rounds"),
            (
                "matchmaking",
                "meeting_tables",
                "max_requests",
                "round_count",
                "round_group_size",
                "round_minutes",
                "round_share_language",
            ),
        ),
    )

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields in groups a person fills in one after the other (each a fieldset with a legend)."""
        groups = [
            (str(legend), [self[n] for n in names if n in self.fields]) for legend, names in self.GROUPS
        ]
        grouped = {n for _, names in self.GROUPS for n in names}
        rest = [self[n] for n in self.fields if n not in grouped]
        if rest:
            groups[0][1].extend(rest)
        return [(legend, fields) for legend, fields in groups if fields]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            zone = ZoneInfo(str(data.get("time_zone") or "Europe/Helsinki"))
        except (KeyError, ValueError):
            return data
        for name in AWARE_FIELDS:
            value = data.get(name)
            if isinstance(value, dt.datetime):
                naive = timezone.make_naive(value) if timezone.is_aware(value) else value
                data[name] = naive.replace(tzinfo=zone)
        return data

    def rule(self) -> str:
        """The RFC 5545 rule of the series the form asks for ("" for one event)."""
        repeat = self.cleaned_data.get("repeat") or ""
        count = self.cleaned_data.get("occurrences") or 1
        return f"{repeat};COUNT={count}" if repeat and count > 1 else ""


def event_initial(event: Event) -> dict[str, Any]:
    zone = event.zone
    initial: dict[str, Any] = {
        name: getattr(event, name)
        for name in EventForm.declared_fields
        if name not in AWARE_FIELDS and hasattr(event, name)
    }
    for name in AWARE_FIELDS:
        value = getattr(event, name)
        initial[name] = value.astimezone(zone).replace(tzinfo=None) if value else None
    return initial


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Speaker's name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    story = forms.CharField(
        label=_("Short story"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=Question.Kind.choices)
    text_fi = forms.CharField(label=_("Question in Finnish"), max_length=300, required=False)
    text_sv = forms.CharField(label=_("Question in Swedish"), max_length=300, required=False)
    text_en = forms.CharField(label=_("Question in English"), max_length=300, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
