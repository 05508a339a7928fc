"""Forms for participant data, shared by the coordinator's pages, self-registration and the import.

Forms parse and check formats; the domain rules (dates against the entry date, items a project does
not collect) live in participants.services and come back as field errors. DateInput, apply_field_errors
and country_choices live in polku.core.forms and stay importable from here.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from polku.accounts.access import Access
from polku.consent.models import Purpose
from polku.core.forms import CountryField, LanguageField
from polku.core.forms import DateInput as DateInput
from polku.core.forms import apply_field_errors as apply_field_errors
from polku.core.forms import country_choices as country_choices
from polku.core.models import Language
from polku.participants.models import Cefr, EntryData, Goal, Person
from polku.participants.selectors import ParticipantFilter
from polku.projects.models import Project

LANGUAGE_ROWS = 4


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "preferred_language"]
        widgets = {
            "preferred_language": forms.Select(
                choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"


class ProfileForm(forms.ModelForm):
    goals = forms.MultipleChoiceField(
        label=_("Goals"), choices=Goal.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Person
        fields = [
            "country_of_residence",
            "municipality",
            "education_level",
            "education_field",
            "work_history",
            "goals",
        ]
        widgets = {"work_history": forms.Textarea(attrs={"rows": 4})}

    country_of_residence = CountryField(label=_("Country of residence"), required=False)


class LanguagesForm(forms.Form):
    """Up to four languages with their CEFR levels, as simple numbered fields (no JavaScript)."""

    def __init__(
        self, *args: Any, initial_languages: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        initial_languages = list(initial_languages or [])
        rows = max(LANGUAGE_ROWS, len(initial_languages) + 1)
        for i in range(rows):
            code, level = initial_languages[i] if i < len(initial_languages) else ("", "")
            self.fields[f"language_{i}"] = LanguageField(
                label=_("Language %(n)s") % {"n": i + 1},
                required=False,
                initial=code,
                datalist=i == 0,
                help_text=_("Start typing the name of the language and choose it from the list.")
                if i == 0
                else "",
            )
            self.fields[f"level_{i}"] = forms.ChoiceField(
                label=_("Level %(n)s") % {"n": i + 1},
                required=False,
                choices=[("", "—"), *Cefr.choices],
                initial=level,
            )
        self.rows = rows

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: set[str] = set()
        for i in range(self.rows):
            code = data.get(f"language_{i}") or ""
            level = data.get(f"level_{i}") or ""
            if code and not level:
                self.add_error(f"level_{i}", _("Choose a level for this language."))
            if level and not code and f"language_{i}" not in self.errors:
                self.add_error(f"language_{i}", _("Give the language for this level."))
            if code and code in seen:
                self.add_error(f"language_{i}", _("This language is listed twice."))
            seen.add(code)
        return data

    def languages(self) -> list[tuple[str, str]]:
        rows = (
            (self.cleaned_data.get(f"language_{i}"), self.cleaned_data.get(f"level_{i}"))
            for i in range(self.rows)
        )
        return [(code, level) for code, level in rows if code and level]

    def pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"language_{i}"], self[f"level_{i}"]) for i in range(self.rows)]


class EntryDataForm(forms.ModelForm):
    """Entry facts; items the project does not collect are removed, sensitive ones can be declined."""

    class Meta:
        model = EntryData
        fields = list(EntryData.ITEMS)
        widgets = {"date_of_birth": DateInput(), "unemployed_since": DateInput()}

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not project.asks_disability:
            del self.fields["disability"]
        if not project.asks_minority:
            del self.fields["minority"]
        self.fields["date_of_birth"].widget.attrs["autocomplete"] = "bday"
        for name, formfield in self.fields.items():
            if isinstance(formfield, forms.TypedChoiceField | forms.ChoiceField):
                choices = cast("list[tuple[str, str]]", formfield.choices)  # the field keeps them as a list
                formfield.widget = forms.RadioSelect(choices=[c for c in choices if c[0] != ""])
            formfield.required = False
            if name == "date_of_birth":
                formfield.required = True


class RecordedConsentForm(forms.Form):
    """What the coordinator records at intake: the entry date and the consents the person gave."""

    entry_date = forms.DateField(
        label=capfirst(_("entry date")), widget=DateInput(), initial=timezone.localdate
    )
    purposes = forms.MultipleChoiceField(
        label=_("Consents the person gave"),
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=[Purpose.PARTICIPATION],
    )
    notice_language = forms.ChoiceField(
        label=_("Language of the privacy notice the person read"), choices=Language.choices
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (project.asks_disability or project.asks_minority):
            self.fields["purposes"].choices = [c for c in Purpose.choices if c[0] != Purpose.SENSITIVE]  # type: ignore[attr-defined]
        self.fields["notice_language"].initial = get_language() if get_language() in Language.values else "en"


class ExitForm(forms.Form):
    exit_date = forms.DateField(
        label=capfirst(_("exit date")), widget=DateInput(), initial=timezone.localdate
    )


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or e-mail")}),
        error_messages={
            "max_length": _(
                "The search is too long (%(show_value)d characters): use at most %(limit_value)d."
            )
        },
    )
    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), required=False, empty_label=_("All projects")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("active", _("Active")), ("exited", _("Exited"))],
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        projects = Project.objects.order_by("name")
        if not access.is_admin:
            projects = projects.filter(partners__in=access.coordinator_partner_ids).distinct()
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]

    def filters(self) -> ParticipantFilter:
        if not self.is_bound or not self.is_valid():
            return ParticipantFilter()
        project = self.cleaned_data.get("project")
        return ParticipantFilter(
            q=self.cleaned_data.get("q") or "",
            project_id=project.pk if project else None,
            status=self.cleaned_data.get("status") or "",
        )

    def querystring(self) -> str:
        """The active filters as a query string, for pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        values = {k: (v.pk if hasattr(v, "pk") else v) for k, v in self.cleaned_data.items() if v}
        return urlencode(values)
