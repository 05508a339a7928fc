"""Forms of the community pages. The rules are the services'; these only read what was typed."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.community.models import CONTACT_AUDIENCES, FIELD_GROUPS, Audience, Notify, Profile, audience_field
from polku.core.names import country_choices, country_name, language_choices
from polku.events.models import Intent
from polku.participants.models import Cefr

LANGUAGE_ROWS = 4


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Name other members see"), max_length=120)
    introduction = forms.CharField(
        label=_("A few words about you, in your own words and language"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=1500,
        required=False,
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    offers = forms.MultipleChoiceField(
        label=_("What I offer"), choices=Intent.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    looks_for = forms.MultipleChoiceField(
        label=_("What I look for"),
        choices=Intent.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    skills = forms.MultipleChoiceField(
        label=_("Skills to show (from the skills you confirmed)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    links = forms.CharField(
        label=_("Links, one per line (for example your website or LinkedIn)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    contact_email = forms.EmailField(label=_("E-mail for my connections"), required=False)
    phone = forms.CharField(label=_("Phone for my connections"), max_length=40, required=False)
    notify = forms.ChoiceField(label=_("E-mails about messages"), choices=Notify.choices)

    def __init__(self, *args: Any, skill_choices: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["country"]).choices = country_choices()
        cast(forms.ChoiceField, self.fields["skills"]).choices = [
            (str(pk), label) for pk, label in skill_choices
        ]
        for group, label in FIELD_GROUPS.items():
            choices = (
                [(a.value, a.label) for a in CONTACT_AUDIENCES] if group == "contact" else Audience.choices
            )
            self.fields[audience_field(group)] = forms.ChoiceField(
                label=_("Who sees: %(group)s") % {"group": label}, choices=choices
            )
        language_options = [("", "—"), *language_choices()]
        level_options = [("", "—"), *Cefr.choices]
        for index in range(LANGUAGE_ROWS):
            self.fields[f"language_{index}"] = forms.ChoiceField(
                label=_("Language %(number)s") % {"number": index + 1},
                choices=language_options,
                required=False,
            )
            self.fields[f"level_{index}"] = forms.ChoiceField(
                label=_("Level of language %(number)s") % {"number": index + 1},
                choices=level_options,
                required=False,
            )

    @staticmethod
    def initial_of(profile: Profile | None) -> dict[str, Any]:
        if profile is None:
            return {}
        initial: dict[str, Any] = {
            name: getattr(profile, name)
            for name in (
                "display_name",
                "introduction",
                "city",
                "country",
                "offers",
                "looks_for",
                "contact_email",
                "phone",
                "notify",
            )
        }
        initial["links"] = "\n".join(profile.links)
        initial["skills"] = [str(pk) for pk in profile.skills.values_list("pk", flat=True)]
        for group in FIELD_GROUPS:
            initial[audience_field(group)] = getattr(profile, audience_field(group))
        for index, row in enumerate(profile.languages.all()[:LANGUAGE_ROWS]):
            initial[f"language_{index}"] = row.language
            initial[f"level_{index}"] = row.level
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for index in range(LANGUAGE_ROWS):
            if data.get(f"language_{index}") and not data.get(f"level_{index}"):
                self.add_error(f"level_{index}", _("Choose your level in this language."))
        return data

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["links"] = [line.strip() for line in (data.get("links") or "").splitlines() if line.strip()]
        data["skills"] = [int(pk) for pk in data.get("skills") or []]
        data["languages"] = [
            {"language": data[f"language_{i}"], "level": data[f"level_{i}"]}
            for i in range(LANGUAGE_ROWS)
            if data.get(f"language_{i}")
        ]
        for i in range(LANGUAGE_ROWS):
            data.pop(f"language_{i}", None)
            data.pop(f"level_{i}", None)
        return data


class SearchForm(forms.Form):
    text = forms.CharField(label=_("Name or words"), required=False, max_length=100)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    language = forms.ChoiceField(label=_("Speaks"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    offers = forms.ChoiceField(label=_("Offers"), required=False, choices=[("", "—"), *Intent.choices])
    looks_for = forms.ChoiceField(label=_("Looks for"), required=False, choices=[("", "—"), *Intent.choices])

    def __init__(
        self,
        *args: Any,
        skill_choices: list[tuple[int, str]] = (),  # type: ignore[assignment]
        countries: list[str] = (),  # type: ignore[assignment]
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # only the countries of the directory (a filter of every country would match nobody, and the longest
        # country names do not fit a phone)
        named = sorted(((code, country_name(code)) for code in countries), key=lambda row: row[1].casefold())
        cast(forms.ChoiceField, self.fields["country"]).choices = [("", "—"), *named]
        cast(forms.ChoiceField, self.fields["language"]).choices = [("", "—"), *language_choices()]
        cast(forms.ChoiceField, self.fields["skill"]).choices = [
            ("", "—"),
            *((str(pk), label) for pk, label in skill_choices),
        ]


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Photo (JPEG, PNG, WebP or GIF, at most 5 MB)"))


class ConnectForm(forms.Form):
    message = forms.CharField(
        label=_("A short message (optional)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class SharingForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Share this project's directory with other projects"), required=False
    )
    partners = forms.MultipleChoiceField(
        label=_("Projects to share with (each must also choose this project)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, project_choices: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["partners"]).choices = [
            (str(pk), name) for pk, name in project_choices
        ]
