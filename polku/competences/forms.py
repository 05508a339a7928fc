"""Forms of the competence profile pages; plain forms, the services check and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.competences.models import IscedField
from polku.core.forms import CountryField, LanguageField
from polku.participants.models import Cefr, Isced

TEXT_LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LEVELS = [("", "—"), *Cefr.choices]
SKILL_LABELS = {
    "listening": _("Listening"),
    "reading": _("Reading"),
    "spoken_interaction": _("Spoken interaction"),
    "spoken_production": _("Spoken production"),
    "writing": _("Writing"),
}


class SuggestTextForm(forms.Form):
    text = forms.CharField(
        label=_("About your education, work and skills"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=200_000,
        help_text=_(
            "For example: where you studied, what work you have done, what you can do with tools or machines."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=TEXT_LANGUAGES)

    def __init__(self, *args: Any, about_other: bool = False, **kwargs: Any) -> None:
        """`about_other`: a coordinator writes about the participant, so the form speaks of them, not "you"."""
        super().__init__(*args, **kwargs)
        if about_other:
            self.fields["text"].label = _("About the participant's education, work and skills")
            self.fields["text"].help_text = _(
                "For example: where they studied, what work they have done, what they can do with tools or "
                "machines."
            )


class CvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CV file"), help_text=_("PDF, Word (DOCX) or plain text. The file is not kept.")
    )
    language = forms.ChoiceField(label=_("Language of the CV"), choices=TEXT_LANGUAGES)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=100,
        required=False,
        error_messages={
            "max_length": _(
                "The search is too long (%(show_value)d characters): use at most %(limit_value)d."
            )
        },
    )


class LanguageForm(forms.Form):
    language = LanguageField(label=_("Language"))
    level = forms.ChoiceField(label=_("Overall level"), choices=Cefr.choices)
    listening = forms.ChoiceField(label=SKILL_LABELS["listening"], choices=LEVELS, required=False)
    reading = forms.ChoiceField(label=SKILL_LABELS["reading"], choices=LEVELS, required=False)
    spoken_interaction = forms.ChoiceField(
        label=SKILL_LABELS["spoken_interaction"], choices=LEVELS, required=False
    )
    spoken_production = forms.ChoiceField(
        label=SKILL_LABELS["spoken_production"], choices=LEVELS, required=False
    )
    writing = forms.ChoiceField(label=SKILL_LABELS["writing"], choices=LEVELS, required=False)


class EducationForm(forms.Form):
    level = forms.ChoiceField(label=_("Level of education"), choices=Isced.choices)
    isced_field = forms.ChoiceField(
        label=_("Field of education"), choices=[("", "—"), *IscedField.choices], required=False
    )
    title = forms.CharField(label=_("Degree or qualification"), max_length=200, required=False)
    institution = forms.CharField(label=_("School or institution"), max_length=200, required=False)
    country = CountryField(label=_("Country"), required=False)
    year_completed = forms.IntegerField(
        label=_("Year completed"), required=False, help_text=_("Leave empty if not completed")
    )


class OccupationForm(forms.Form):
    occupation = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label=_("Job title"),
        max_length=200,
        required=False,
        help_text=_("Needed when you did not choose an occupation from the search"),
    )
    employer = forms.CharField(label=_("Employer"), max_length=200, required=False)
    country = CountryField(label=_("Country"), required=False)
    start_year = forms.IntegerField(label=_("From (year)"), required=False)
    end_year = forms.IntegerField(
        label=_("To (year)"), required=False, help_text=_("Empty if you still work there")
    )

    def occupation_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("occupation", None)
        return data
