"""Forms of the public self-registration page.

The person, language, profile and entry-data forms are the shared ones from participants.forms;
this module adds consents by purpose and the password, and bundles them into one page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from polku.accounts.models import User
from polku.consent.models import Purpose
from polku.core.errors import ApplicationError
from polku.core.forms import SummaryItem, error_summary
from polku.participants.forms import EntryDataForm, LanguagesForm, PersonForm, ProfileForm, apply_field_errors
from polku.participants.models import Answer
from polku.participants.services import PERSON_FIELDS, PROFILE_FIELDS, Registration
from polku.projects.models import Project

LANGUAGE_CODES = ("fi", "sv", "en")


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


class RegistrationForms:
    """All forms of the registration page, validated together."""

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
