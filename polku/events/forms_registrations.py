"""Forms of the registration pages: formats only; the rules live in polku.events.services.registrations.
The event's questions become fields named `question_<pk>`, the names the service gives its errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from polku.events.models import Event, Registration
from polku.events.selectors.registrations import event_questions
from polku.participants.models import Participation


class QuestionsMixin:
    """Adds one text field per question of the event (required ones marked; the service checks them)."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def add_questions(self, event: Event) -> None:
        for question, text in event_questions(event):
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=text,
                required=False,
                max_length=1000,
                help_text=_("Required") if question.required else _("Optional"),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix("question_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("question_") and value
        }


class RegisterForm(QuestionsMixin, forms.Form):
    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(event)


class GuestForm(QuestionsMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.CharField(label=_("Your e-mail"), max_length=254, required=False, widget=forms.EmailInput())

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(event)
        self.fields["privacy_notice"] = forms.BooleanField(
            label=_("I have read the privacy notice above."), required=False
        )
        self.fields["join_programme"] = forms.BooleanField(
            label=_("I would also like to join the programme (you get a link to its registration)."),
            required=False,
        )


class ParticipantChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Participation) -> str:
        return obj.person.full_name


class AddParticipantForm(QuestionsMixin, forms.Form):
    def __init__(
        self, *args: Any, event: Event, participations: QuerySet[Participation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participation"] = ParticipantChoice(
            label=_("Participant"), queryset=participations, empty_label="—"
        )
        self.add_questions(event)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(
        label=_("Attendance"), choices=Registration.Attendance.choices, required=False
    )


class OfferForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
