"""Serializers of the participants API: they parse and check formats; the domain rules live in
participants.services and come back as field errors under the same (flat) field names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pycountry
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from polku.consent.models import Purpose
from polku.core.models import Language
from polku.core.names import canonical_language
from polku.participants.models import (
    Answer,
    Citizenship,
    EducationAnswer,
    EntryData,
    Gender,
    Goal,
    Isced,
    LabourStatus,
    LanguageSkill,
    Participation,
    Person,
)
from polku.participants.services import PERSON_FIELDS, PROFILE_FIELDS, Registration
from polku.projects.models import Partner

# --- output -----------------------------------------------------------------------------------


class ParticipantPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "first_name", "last_name", "email", "preferred_language"]
        read_only_fields = fields


class ParticipationSerializer(serializers.ModelSerializer):
    person = ParticipantPersonSerializer(read_only=True)
    project_code = serializers.CharField(source="project.code", read_only=True)
    project_name = serializers.CharField(source="project.name", read_only=True)
    partner_name = serializers.CharField(source="partner.organisation.name", read_only=True)
    partner_country = serializers.CharField(source="partner.country", read_only=True)
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = Participation
        fields = [
            "id",
            "person",
            "project",
            "project_code",
            "project_name",
            "partner",
            "partner_name",
            "partner_country",
            "entry_date",
            "exit_date",
            "channel",
            "is_active",
        ]
        read_only_fields = fields


class LanguageLevelSerializer(serializers.ModelSerializer):
    """A language (ISO 639 code) with its CEFR level; used for input and output."""

    language = serializers.CharField(max_length=3, help_text=_("ISO 639 code, e.g. fi, en, ar"))

    class Meta:
        model = LanguageSkill
        fields = ["language", "level"]

    def validate_language(self, value: str) -> str:
        code = canonical_language(value)
        if code is None:
            raise serializers.ValidationError(_("Unknown language code %(code)s.") % {"code": value.strip()})
        return code


class PersonSerializer(serializers.ModelSerializer):
    languages = LanguageLevelSerializer(many=True, read_only=True)
    goals = serializers.ListField(child=serializers.ChoiceField(choices=Goal.choices), read_only=True)

    class Meta:
        model = Person
        fields = ["id", *PERSON_FIELDS, *PROFILE_FIELDS, "languages"]
        read_only_fields = fields


class EntryDataSerializer(serializers.ModelSerializer):
    asked = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text=_("Names of the items the person was asked")
    )

    class Meta:
        model = EntryData
        fields = [*EntryData.ITEMS, "asked", "updated_at"]
        read_only_fields = fields


class ParticipationDetailSerializer(ParticipationSerializer):
    person = PersonSerializer(read_only=True)  # type: ignore[assignment]
    entry_data = EntryDataSerializer(source="entry", read_only=True, allow_null=True)

    class Meta(ParticipationSerializer.Meta):
        fields = [*ParticipationSerializer.Meta.fields, "entry_data"]
        read_only_fields = fields


# --- input ------------------------------------------------------------------------------------


def _answer(choices: Sequence[tuple[str, Any]]) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices, required=False, allow_blank=True, default="")


class EntryDataInputSerializer(serializers.Serializer):
    """All entry facts at once. An item left out is "not answered"; "declined" is "prefer not to answer"."""

    date_of_birth = serializers.DateField()
    gender = _answer(Gender.choices)
    labour_status = _answer(LabourStatus.choices)
    unemployed_since = serializers.DateField(required=False, allow_null=True, default=None)
    education = _answer(EducationAnswer.choices)
    citizenship = _answer(Citizenship.choices)
    foreign_background = _answer(Answer.choices)
    homeless = _answer(Answer.choices)
    rural = _answer(Answer.choices)
    disability = _answer(Answer.choices)
    minority = _answer(Answer.choices)

    def entry(self) -> dict[str, Any]:
        return {item: self.validated_data[item] for item in EntryData.ITEMS if item in self.validated_data}


class PersonInputSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    email = serializers.EmailField(max_length=254)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    preferred_language = serializers.ChoiceField(choices=Language.choices, required=False)
    country_of_residence = serializers.CharField(
        max_length=2, required=False, allow_blank=True, help_text=_("ISO 3166 country code, e.g. FI")
    )
    municipality = serializers.CharField(max_length=100, required=False, allow_blank=True)
    education_level = serializers.ChoiceField(choices=Isced.choices, required=False, allow_blank=True)
    education_field = serializers.CharField(max_length=200, required=False, allow_blank=True)
    work_history = serializers.CharField(required=False, allow_blank=True)
    goals = serializers.ListField(child=serializers.ChoiceField(choices=Goal.choices), required=False)
    languages = LanguageLevelSerializer(
        many=True, required=False, help_text=_("Replaces the person's languages")
    )

    def validate_country_of_residence(self, value: str) -> str:
        code = value.strip().upper()
        if code and pycountry.countries.get(alpha_2=code) is None:
            raise serializers.ValidationError(_("Unknown country code %(code)s.") % {"code": code})
        return code

    def validate_goals(self, value: list[str]) -> list[str]:
        return sorted(set(value))

    def validate_languages(self, value: list[dict[str, str]]) -> list[dict[str, str]]:
        codes = [row["language"] for row in value]
        if len(codes) != len(set(codes)):
            raise serializers.ValidationError(_("A language is listed twice."))
        return value

    def person_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.validated_data.items() if k in PERSON_FIELDS + PROFILE_FIELDS}

    def language_pairs(self) -> list[tuple[str, str]] | None:
        rows = self.validated_data.get("languages")
        return None if rows is None else [(row["language"], row["level"]) for row in rows]


class ParticipationCreateSerializer(PersonInputSerializer, EntryDataInputSerializer):
    """A coordinator registers a person: contact data, entry facts, languages and the consents given."""

    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.select_related("project"),
        help_text=_("Id of your partner organisation in the project"),
    )
    entry_date = serializers.DateField(required=False, help_text=_("Defaults to today"))
    consents = serializers.ListField(
        child=serializers.ChoiceField(choices=Purpose.choices),
        required=False,
        default=lambda: [Purpose.PARTICIPATION],
        help_text=_("Purposes the person consented to"),
    )
    notice_language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        default="en",
        help_text=_("Language of the privacy notice the person read"),
    )

    def registration(self) -> Registration:
        data = self.validated_data
        return Registration(
            person=self.person_data(),
            entry=self.entry(),
            languages=self.language_pairs() or [],
            consents=sorted(set(data["consents"])),
            entry_date=data.get("entry_date"),
            notice_language=data["notice_language"],
        )


class PersonUpdateSerializer(PersonInputSerializer):
    """Used with partial=True: fields not given stay as they are."""


class ExitInputSerializer(serializers.Serializer):
    exit_date = serializers.DateField()


class ParticipantFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=100, help_text=_("Name or e-mail"))
    project = serializers.IntegerField(required=False, min_value=1, help_text=_("Project id"))
    partner = serializers.IntegerField(required=False, min_value=1, help_text=_("Partner id"))
    status = serializers.ChoiceField(
        choices=[("active", _("Active")), ("exited", _("Exited"))], required=False, allow_blank=True
    )
