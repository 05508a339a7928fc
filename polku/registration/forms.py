"""Forms of the public self-registration, asked in steps.

The person, language, profile and entry-data forms are the shared ones from participants.forms;
this module adds consents by purpose and the password, bundles them, and splits them into the steps
(`STEPS`) a person goes through before "Check your answers" (where the password is asked, so that it is
never part of a saved draft).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from polku.accounts.models import User
from polku.consent.models import Purpose
from polku.core.errors import ApplicationError
from polku.core.forms import SummaryItem, error_summary
from polku.participants.forms import EntryDataForm, LanguagesForm, PersonForm, ProfileForm, apply_field_errors
from polku.participants.models import Answer, Cefr
from polku.participants.services import PERSON_FIELDS, PROFILE_FIELDS, Registration
from polku.projects.models import Project

LANGUAGE_CODES = ("fi", "sv", "en")


def _display_level(level: str) -> str:
    return str(dict(Cefr.choices).get(level, level))


class RegistrationProfileForm(ProfileForm):
    """The optional part of the profile; education is asked once, in the entry data."""

    class Meta(ProfileForm.Meta):
        fields = ["goals", "country_of_residence", "municipality", "education_field", "work_history"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"].label = _("Your goals")


class ConsentForm(forms.Form):
    """One checkbox per purpose; taking part needs the participation consent."""

    participation = forms.BooleanField(
        label=Purpose.PARTICIPATION.label,
        help_text=_("Required. Without this consent we cannot register you."),
        error_messages={
            "required": _("Taking part requires consent to processing your data for the project.")
        },
    )
    sensitive = forms.BooleanField(
        label=Purpose.SENSITIVE.label,
        required=False,
        help_text=_(
            "Optional. Needed only if you answer the questions on disability or minority background."
        ),
    )
    directory = forms.BooleanField(label=Purpose.DIRECTORY.label, required=False, help_text=_("Optional."))
    communications = forms.BooleanField(
        label=Purpose.COMMUNICATIONS.label, required=False, help_text=_("Optional.")
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (project.asks_disability or project.asks_minority):
            del self.fields["sensitive"]

    def purposes(self) -> list[str]:
        return [purpose for purpose in Purpose.values if self.cleaned_data.get(purpose)]


class PasswordForm(forms.Form):
    """A password checked with the configured AUTH_PASSWORD_VALIDATORS, typed twice."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password again, to be sure it is right."),
    )

    def __init__(self, *args: Any, email: str = "", full_name: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An unsaved user, so that the similarity check compares the password with the name and e-mail.
        self.user_hint = User(email=email.strip().lower(), full_name=full_name.strip())

    def clean_password2(self) -> str:
        first = self.cleaned_data.get("password1")
        second = self.cleaned_data.get("password2", "")
        if first and second and first != second:
            raise forms.ValidationError(_("The two passwords are not the same."))
        return second

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # Django's hook after clean(), not in django-stubs
        password = self.cleaned_data.get("password1")
        if password:
            try:
                password_validation.validate_password(password, self.user_hint)
            except forms.ValidationError as error:
                self.add_error("password1", error)


@dataclass(frozen=True)
class Step:
    slug: str
    title: str | Promise
    forms: tuple[str, ...]  # the attributes of RegistrationForms asked on this step


STEPS = (
    Step("contact", _("About you"), ("person",)),
    Step("languages", _("Languages you know"), ("languages",)),
    Step("situation", _("Your situation when you join"), ("entry",)),
    Step("goals", _("Your goals and background"), ("profile",)),
    Step("consents", _("Privacy notice and consents"), ("consents",)),
)
CHECK = Step("check", _("Check your answers"), ("password",))
STEP_SLUGS = tuple(step.slug for step in STEPS)
NOT_STORED = {"csrfmiddlewaretoken", "action", "password1", "password2"}

Answers = dict[str, dict[str, list[str]]]  # step slug -> the inputs posted on it, as lists of strings


def step_by_slug(slug: str) -> Step:
    for step in (*STEPS, CHECK):
        if step.slug == slug:
            return step
    raise KeyError(slug)


def posted_answers(data: Any) -> dict[str, list[str]]:
    """What a step's POST keeps: every input but the token, the button and the password."""
    return {key: [str(v) for v in data.getlist(key)] for key in data if key not in NOT_STORED}


def merged_data(answers: Answers, extra: dict[str, list[str]] | None = None) -> MultiValueDict[str, str]:
    """Every step's answers (and `extra`, e.g. the password posted last) as one form data set."""
    data: MultiValueDict[str, str] = MultiValueDict()
    for slug in STEP_SLUGS:
        for key, values in answers.get(slug, {}).items():
            data.setlist(key, list(values))
    for key, values in (extra or {}).items():
        data.setlist(key, list(values))
    return data


def _display(form: forms.BaseForm, name: str) -> str:
    """A cleaned answer in words (choices by their label, languages and countries by their name)."""
    field = form.fields[name]
    value = form.cleaned_data.get(name)
    if isinstance(field, forms.BooleanField):
        return str(_("Yes") if value else _("No"))
    if value in (None, "", []):
        return ""
    choices = getattr(field, "choices", None) or getattr(field.widget, "choices", None)
    if choices:  # a choice field, or a text field shown as a select (the preferred language)
        labels = {str(key): str(label) for key, label in choices}
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    if isinstance(value, dt.date):
        return date_format(value, "DATE_FORMAT")
    return str(field.prepare_value(value))


class RegistrationForms:
    """All forms of the registration, bound to the answers of every step so far."""

    def __init__(self, data: Any | None, *, project: Project, language: str) -> None:
        self.project = project
        self.person = PersonForm(
            data, initial={"preferred_language": language if language in LANGUAGE_CODES else "en"}
        )
        self.languages = LanguagesForm(data)
        self.profile = RegistrationProfileForm(data)
        self.entry = EntryDataForm(data, project=project)
        self.consents = ConsentForm(data, project=project)
        full_name = f"{(data or {}).get('first_name', '')} {(data or {}).get('last_name', '')}"
        self.password = PasswordForm(data, email=(data or {}).get("email", ""), full_name=full_name)

    def all(self) -> list[forms.BaseForm]:
        return [self.consents, self.person, self.languages, self.entry, self.profile, self.password]

    def of(self, step: Step) -> list[forms.BaseForm]:
        return [getattr(self, name) for name in step.forms]

    def step_valid(self, step: Step) -> bool:
        """The forms of one step; the consents also against the sensitive answers of earlier steps."""
        valid = all([form.is_valid() for form in self.of(step)])
        if valid and step.slug == "consents" and self.entry.is_valid():
            self._check_sensitive_consent()
        return valid and not any(form.errors for form in self.of(step))

    def first_step_with_errors(self) -> Step:
        for step in (*STEPS, CHECK):
            if any(form.errors for form in self.of(step)):
                return step
        return CHECK

    def show_answers(self, step: Step, answers: dict[str, list[str]]) -> None:
        """Fill the (unbound) forms of a step with its saved inputs, as they were typed."""
        for form in self.of(step):
            for name, field in form.fields.items():
                if name in answers:
                    values = answers[name]
                    multiple = isinstance(field.widget, forms.SelectMultiple | forms.CheckboxSelectMultiple)
                    form.initial[name] = values if multiple else (values[-1] if values else "")
                elif isinstance(field, forms.BooleanField):
                    form.initial[name] = False

    def rows(self, step: Step) -> list[dict[str, str]]:
        """The answers of a valid step as summary-list rows: the question and the answer in words."""
        rows: list[dict[str, str]] = []
        for form in self.of(step):
            if form is self.languages:
                for code, level in self.languages.languages():
                    rows.append(
                        {
                            "key": str(self.languages.fields["language_0"].prepare_value(code)),
                            "value": _display_level(level),
                        }
                    )
                if not rows:
                    rows.append({"key": str(_("Languages")), "value": ""})
                continue
            for name in form.fields:
                rows.append({"key": str(form[name].label), "value": _display(form, name)})
        return rows

    def is_valid(self) -> bool:
        valid = all([form.is_valid() for form in self.all()])  # every form validated, so every error shows
        if valid:
            self._check_sensitive_consent()
        return valid and not any(form.errors for form in self.all())

    def _check_sensitive_consent(self) -> None:
        """Sensitive answers are kept only with consent; "prefer not to answer" needs none."""
        if "sensitive" not in self.consents.fields or self.consents.cleaned_data.get("sensitive"):
            return
        for item in ("disability", "minority"):
            if self.entry.cleaned_data.get(item) in (Answer.YES, Answer.NO):
                self.consents.add_error(
                    "sensitive",
                    _(
                        "You answered a question on disability or minority background: consent to its processing, "
                        "or choose “Prefer not to answer”."
                    ),
                )
                return

    def registration(self, *, notice_language: str) -> Registration:
        person = {k: v for k, v in self.person.cleaned_data.items() if k in PERSON_FIELDS}
        person.update({k: v for k, v in self.profile.cleaned_data.items() if k in PROFILE_FIELDS})
        return Registration(
            person=person,
            entry=dict(self.entry.cleaned_data),
            languages=self.languages.languages(),
            consents=self.consents.purposes(),
            notice_language=notice_language,
        )

    def apply_error(self, error: ApplicationError) -> None:
        """Put a service's errors on the fields they belong to (consent errors on the consent box)."""
        field_errors = dict(error.field_errors)
        for message in field_errors.pop("consents", []):
            self.consents.add_error("participation", message)
        if field_errors:
            apply_field_errors(ApplicationError(error.message, field_errors=field_errors), *self.all())
        elif not error.field_errors:
            self.consents.add_error(None, error.message)

    def summary(self) -> list[SummaryItem]:
        return error_summary(*self.all(), form_anchor="registration-form")
