"""Forms of the guidance pages; they parse formats, the rules live in guidance.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.core.forms import DateInput
from polku.guidance.models import MAX_DURATION, MIN_DURATION, Channel, GuidanceSession, Kind, NextStep, Topic
from polku.guidance.services import STEPS_PREFIX


class SessionForm(forms.ModelForm):
    # Declared here, without the bounds of the model field: the service checks the range and names the
    # field in the user's language (the browser's own check would speak in the browser's language).
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        help_text=_("From %(min)s to %(max)s minutes.") % {"min": MIN_DURATION, "max": MAX_DURATION},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    channel = forms.ChoiceField(label=_("How you met"), choices=Channel.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label=_("Kind of guidance"), choices=Kind.choices, widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = GuidanceSession
        fields = [
            "held_on",
            "starts_at",
            "duration_minutes",
            "channel",
            "kind",
            "topics",
            "other_topics",
            "notes",
        ]
        widgets = {
            "held_on": DateInput(),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].help_text = _("Optional.")
        self.fields["other_topics"].help_text = _("Anything else, in a few words.")
        self.fields["notes"].help_text = _(
            "Only the coordinators of the participant's own partner read these, and each reading is "
            "recorded. The participant sees the next steps, not the notes; their own data export includes them."
        )

    def _post_clean(self) -> None:
        # The model's own checks (the duration's range as a database constraint) would speak of the
        # constraint's name; the service checks the rules and names the field. The form only parses.
        pass


class NextStepForm(forms.ModelForm):
    owner = forms.ChoiceField(
        label=_("Who does it"),
        choices=NextStep.Owner.choices,
        initial=NextStep.Owner.PARTICIPANT,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = NextStep
        fields = ["text", "due_on", "owner"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args: Any, optional: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if optional:
            # a row of the session form may stay empty; a row half filled is checked by the service
            for field in self.fields.values():
                field.required = False

    def _post_clean(self) -> None:
        # as SessionForm: the service checks the rules
        pass


class StepsFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {"optional": True}


NextStepFormSet = forms.formset_factory(NextStepForm, formset=StepsFormSet, extra=3, max_num=10)


def steps_formset(data: Any = None) -> forms.BaseFormSet:
    return NextStepFormSet(data, prefix=STEPS_PREFIX)


class DoneForm(forms.Form):
    done = forms.BooleanField(required=False)
