"""Forms of the entrepreneurship pages; they parse formats, the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.core.forms import DateInput, LanguageLevelsField
from polku.core.names import country_choices
from polku.entrepreneurship import codes
from polku.entrepreneurship.models import (
    CANVAS_FIELDS,
    BusinessIdea,
    CapitalBand,
    CompanyForm,
    Experiment,
    Interview,
    Milestone,
    Readiness,
    StaffBand,
    Stage,
    SuccessorProfile,
    Timeline,
    TurnoverBand,
)
from polku.projects.models import Partner

CANVAS_HELP = {
    "problem": _("The top one to three problems your customers have."),
    "customer_segments": _("Who has the problem: your first customers."),
    "unique_value": _("One clear message: why you are different and worth buying from."),
    "solution": _("The simplest thing that solves each problem."),
    "channels": _("How you reach your customers."),
    "revenue_streams": _("How you earn money: prices, who pays."),
    "cost_structure": _("What it costs to run: the main costs."),
    "key_metrics": _("The few numbers that tell you it works."),
    "unfair_advantage": _("What others cannot easily copy or buy."),
}


def _industry_field(required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Industry"),
        required=required,
        choices=lambda: [("", "—"), *codes.industry_choices()],
        help_text=_("The industry list of Statistics Finland (TOL 2008, the same as the EU's NACE)."),
    )


class NoModelCheck:
    """The services check the rules and name the fields; the forms only parse."""

    def _post_clean(self) -> None:
        pass


class IdeaForm(NoModelCheck, forms.ModelForm):
    industry = _industry_field()

    class Meta:
        model = BusinessIdea
        fields = ["title", "pitch", "industry", *CANVAS_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in CANVAS_FIELDS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False  # the service names the missing title
        self.fields["pitch"].help_text = _("Your idea in one sentence.")
        for name, text in CANVAS_HELP.items():
            self.fields[name].help_text = text


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move the idea to"), choices=Stage.choices)
    note = forms.CharField(label=_("Why (optional)"), max_length=300, required=False)


class InterviewForm(NoModelCheck, forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["interviewee", "held_on", "learnt"]
        widgets = {"held_on": DateInput(), "learnt": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class ExperimentForm(NoModelCheck, forms.ModelForm):
    class Meta:
        model = Experiment
        fields = ["assumption", "method", "result", "learnt", "done_on"]
        widgets = {
            "done_on": DateInput(),
            "method": forms.Textarea(attrs={"rows": 3}),
            "learnt": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assumption"].required = False


class MilestoneForm(NoModelCheck, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "reached_on"]
        widgets = {"due_on": DateInput(), "reached_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["due_on"].required = False


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class SparringForm(forms.Form):
    expert = forms.TypedChoiceField(label=_("Expert or business adviser"), coerce=int)
    sessions_agreed = forms.IntegerField(
        label=_("Sessions agreed"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )

    def __init__(self, *args: Any, experts: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].choices = [(u.pk, u.full_name or u.email) for u in experts]  # type: ignore[attr-defined]


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the idea's team and you read these."),
    )


class ReadinessForm(forms.Form):
    readiness = forms.ChoiceField(
        label=_("How ready is the idea?"), choices=Readiness.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class CompanyRecordForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200, required=False)
    country = forms.ChoiceField(
        label=_("Country of registration"),
        choices=[("FI", _("Finland")), ("SE", _("Sweden")), ("NO", _("Norway"))],
    )
    business_id = forms.CharField(
        label=_("Business ID"),
        max_length=20,
        required=False,
        help_text=_("Finnish Y-tunnus (1234567-8), Swedish or Norwegian organisation number."),
    )
    company_form = forms.ChoiceField(label=_("Company form"), choices=CompanyForm.choices)
    registered_on = forms.DateField(label=_("Date registered"), widget=DateInput())


class ListingForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=Partner.objects.none(), empty_label=None)
    headline = forms.CharField(
        label=_("Headline"),
        max_length=150,
        required=False,
        help_text=_("No name: e.g. a café in a shopping centre."),
    )
    industry = _industry_field()
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, initial="FI")
    region = forms.ChoiceField(
        label=_("Region in Finland"), required=False, choices=lambda: [("", "—"), *codes.region_choices()]
    )
    region_text = forms.CharField(label=_("Region outside Finland"), max_length=100, required=False)
    staff_band = forms.ChoiceField(label=_("Staff"), choices=StaffBand.choices)
    turnover_band = forms.ChoiceField(label=_("Turnover"), choices=TurnoverBand.choices)
    reason = forms.CharField(
        label=_("Why the owner gives it up"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    handover_by = forms.DateField(label=_("Hand-over wanted by"), required=False, widget=DateInput())
    skills = forms.CharField(
        label=_("Skills the buyer needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One skill per line, as named in ESCO (e.g. “customer service”)."),
    )
    experience_years = forms.IntegerField(label=_("Years of experience asked"), min_value=0, initial=0)
    languages = LanguageLevelsField(label=_("Languages"), required=False)
    capital_band = forms.TypedChoiceField(
        label=_("Capital the buyer needs"), choices=CapitalBand.choices, coerce=int
    )
    company_name = forms.CharField(
        label=_("Company name"),
        max_length=200,
        required=False,
        help_text=_("Confidential: shown to a successor only once both sides agreed to an introduction."),
    )
    figures = forms.CharField(
        label=_("Exact figures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Confidential."),
    )
    owner_contact = forms.CharField(
        label=_("Owner's contact"), max_length=300, required=False, help_text=_("Confidential.")
    )

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partners is None:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = partners  # type: ignore[attr-defined]
            self.fields["partner"].label_from_instance = lambda p: f"{p.organisation.name} ({p.project.name})"  # type: ignore[attr-defined]


class SuccessorProfileForm(NoModelCheck, forms.ModelForm):
    industries = forms.MultipleChoiceField(
        label=_("Industries"),
        required=False,
        choices=lambda: codes.industry_choices(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions"), required=False, choices=codes.region_choices, widget=forms.CheckboxSelectMultiple
    )
    capital_band = forms.TypedChoiceField(
        label=_("Capital you could put in"), choices=CapitalBand.choices, coerce=int
    )
    timeline = forms.ChoiceField(label=_("When"), choices=Timeline.choices, widget=forms.RadioSelect)

    class Meta:
        model = SuccessorProfile
        fields = [
            "industries",
            "regions",
            "anywhere_in_finland",
            "capital_band",
            "timeline",
            "experience_years",
            "note",
            "active",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class AnswerForm(forms.Form):
    agree = forms.TypedChoiceField(choices=[("1", "yes"), ("0", "no")], coerce=lambda v: v == "1")
