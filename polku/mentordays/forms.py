"""Forms of the mentor-day pages: formats only; the rules live in polku.mentordays.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from polku.core.forms import DateTimeInput, LanguageListField
from polku.mentordays.models import Booking, Expert, MentorDay
from polku.participants.forms import DateInput
from polku.projects.forms import ProjectPartnerChoiceField
from polku.projects.models import Partner


class TimeInput(forms.TimeInput):
    input_type = "time"


class MentorDayForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    starts_at = forms.TimeField(label=_("Starts"), widget=TimeInput())
    ends_at = forms.TimeField(label=_("Ends"), widget=TimeInput())
    time_zone = forms.CharField(label=_("Time zone"), max_length=64, initial="Europe/Helsinki")
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online meeting link"), required=False, assume_scheme="https")
    languages = LanguageListField(label=_("Languages"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    booking_opens_at = forms.DateTimeField(label=_("Booking opens"), required=False, widget=DateTimeInput())
    booking_closes_at = forms.DateTimeField(label=_("Booking closes"), required=False, widget=DateTimeInput())
    status = forms.ChoiceField(label=_("Status"), choices=MentorDay.Status.choices)
    project_wide = forms.BooleanField(label=_("Open to every partner's participants"), required=False)
    max_bookings = forms.IntegerField(
        label=_("Bookings per participant"), min_value=1, max_value=20, initial=1
    )

    def __init__(self, *args: Any, partners: QuerySet[Partner] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partners is not None:
            self.fields = {
                "partner": ProjectPartnerChoiceField(
                    label=_("Project and partner"), queryset=partners, empty_label=None
                ),
                **self.fields,
            }


def day_initial(day: MentorDay) -> dict[str, Any]:
    zone = day.zone
    return {
        "name": day.name,
        "date": day.date,
        "starts_at": day.starts_at,
        "ends_at": day.ends_at,
        "time_zone": day.time_zone,
        "place": day.place,
        "online_url": day.online_url,
        "languages": list(day.languages),
        "description": day.description,
        "booking_opens_at": day.booking_opens_at.astimezone(zone).replace(tzinfo=None)
        if day.booking_opens_at
        else None,
        "booking_closes_at": day.booking_closes_at.astimezone(zone).replace(tzinfo=None)
        if day.booking_closes_at
        else None,
        "status": day.status,
        "project_wide": day.project_wide,
        "max_bookings": day.max_bookings,
    }


class ExpertForm(forms.Form):
    name = forms.CharField(label=_("Expert's name"), max_length=200)
    email = forms.EmailField(label=_("Expert's e-mail"), required=False)
    topics = forms.CharField(
        label=_("Topics and expertise"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    languages = LanguageListField(label=_("Expert's languages"), required=False)


class GenerateForm(forms.Form):
    slot_minutes = forms.IntegerField(
        label=_("Slot length (minutes)"), min_value=5, max_value=480, initial=30
    )
    gap_minutes = forms.IntegerField(
        label=_("Gap between slots (minutes)"), min_value=0, max_value=240, initial=0
    )
    break_start = forms.TimeField(label=_("Break starts"), required=False, widget=TimeInput())
    break_end = forms.TimeField(label=_("Break ends"), required=False, widget=TimeInput())


class ExpertChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Expert) -> str:
        return obj.name


class WaitlistForm(forms.Form):
    preferred_expert = ExpertChoiceField(
        label=_("Preferred expert"),
        queryset=Expert.objects.none(),
        required=False,
        empty_label=_("Any expert"),
    )
    topic = forms.CharField(
        label=_("What would you like to talk about?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, mentor_day: MentorDay, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferred_expert"].queryset = mentor_day.experts.all()  # type: ignore[attr-defined]


class BookForm(forms.Form):
    slot = forms.IntegerField(widget=forms.HiddenInput)
    topic = forms.CharField(label=_("What would you like to talk about?"), required=False, max_length=1000)


class AttendanceForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, s) for s in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW, Booking.Status.BOOKED)]
    )


class SlotForm(forms.Form):
    """A slot's times on its own day, in the day's time zone."""

    starts_at = forms.TimeField(label=_("Starts"), widget=TimeInput())
    ends_at = forms.TimeField(label=_("Ends"), widget=TimeInput())
