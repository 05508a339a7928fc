"""Forms of the outcome pages; they parse formats, the rules live in outcomes.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from polku.outcomes.models import ExitStatus, FollowUp, Outcome
from polku.participants.forms import DateInput
from polku.participants.models import Answer


def _radios(label: Any, choices: Any, *, required: bool = False, help_text: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=required, help_text=help_text
    )


class ExitRecordForm(forms.Form):
    exit_date = forms.DateField(label=capfirst(_("exit date")), widget=DateInput())
    status = _radios(_("Situation at exit"), ExitStatus.choices)
    status_on = forms.DateField(
        label=_("Situation on"),
        widget=DateInput(),
        required=False,
        help_text=_(
            "The day the situation applied; the exit date when left empty. Counted within four weeks."
        ),
    )
    qualification_gained = _radios(_("Gained a qualification thanks to the project"), Answer.choices)

    def __init__(self, *args: Any, participant: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if participant:
            self.fields["exit_date"].disabled = True
            self.fields["exit_date"].help_text = _("Recorded by your coordinator.")


class FollowUpForm(forms.Form):
    labour_status = _radios(_("Your situation now"), ExitStatus.choices, required=True)
    permanent_contract = _radios(_("Have you moved to a permanent contract?"), Answer.choices)
    full_time = _radios(_("Have you moved to full-time work?"), Answer.choices)
    more_demanding_job = _radios(
        _("Have you moved to a more demanding job or been promoted?"), Answer.choices
    )

    def __init__(self, *args: Any, improvement_asked: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not improvement_asked:
            for name in ("permanent_contract", "full_time", "more_demanding_job"):
                del self.fields[name]


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["kind", "date", "business_id", "description", "evidence"]
        widgets = {
            "date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["business_id"].help_text = _(
            "For a company founded or taken over: a Finnish business ID (1234567-8) or a Swedish or Norwegian "
            "organisation number"
        )


class FollowUpFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *FollowUp.Status.choices],
    )
