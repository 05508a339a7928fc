"""Serializers of the mentoring API: they shape input and output only; the services apply the rules."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from polku.mentoring.models import (
    CheckIn,
    Goal,
    Kind,
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
    Session,
)
from polku.projects.models import Partner, Project


class PartSerializer(serializers.Serializer):
    criterion = serializers.CharField()
    weight = serializers.FloatField()
    value = serializers.FloatField()
    contribution = serializers.FloatField()
    matched = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())


class ProgrammeSerializer(serializers.ModelSerializer):
    project_code = serializers.CharField(source="project.code", read_only=True)
    mentee_count = serializers.IntegerField(read_only=True, default=None)
    active_count = serializers.IntegerField(read_only=True, default=None)
    pending_count = serializers.IntegerField(read_only=True, default=None)
    weights = serializers.DictField(child=serializers.FloatField())

    class Meta:
        model = MentoringProgramme
        fields = [
            "id",
            "project_code",
            "partner",
            "activity",
            "name",
            "description",
            "starts_on",
            "ends_on",
            "mode",
            "status",
            "weights",
            "min_language_level",
            "forbid_same_employer",
            "reminder_days",
            "mentee_count",
            "active_count",
            "pending_count",
        ]
        read_only_fields = fields


class ProgrammeInputSerializer(serializers.Serializer):
    project = serializers.SlugRelatedField(
        slug_field="code", queryset=Project.objects.all(), help_text=_("Project code")
    )
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(),
        allow_null=True,
        default=None,
        help_text=_("Empty for the whole project"),
    )
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    mode = serializers.ChoiceField(
        choices=MentoringProgramme.Mode.choices, default=MentoringProgramme.Mode.COORDINATOR
    )
    weights = serializers.DictField(
        child=serializers.FloatField(), required=False, default=None, allow_null=True
    )
    min_language_level = serializers.CharField(max_length=6, default="B1")
    forbid_same_employer = serializers.BooleanField(default=True)
    reminder_days = serializers.IntegerField(min_value=1, max_value=365, default=21)


class ProgrammeUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False)
    mode = serializers.ChoiceField(choices=MentoringProgramme.Mode.choices, required=False)
    status = serializers.ChoiceField(choices=MentoringProgramme.Status.choices, required=False)
    weights = serializers.DictField(child=serializers.FloatField(), required=False)
    min_language_level = serializers.CharField(max_length=6, required=False)
    forbid_same_employer = serializers.BooleanField(required=False)
    reminder_days = serializers.IntegerField(min_value=1, max_value=365, required=False)


class MenteeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="participation.person.full_name", read_only=True)
    partner = serializers.IntegerField(source="participation.partner_id", read_only=True)

    class Meta:
        model = MenteeRequest
        fields = [
            "id",
            "participation",
            "name",
            "partner",
            "kind",
            "skills",
            "industries",
            "availability",
            "employer",
            "wishes",
            "shared_with_other_partners_at",
        ]
        read_only_fields = fields


class MenteeInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField(
        required=False, help_text=_("A coordinator's participant; leave out to join yourself")
    )
    kind = serializers.ChoiceField(choices=Kind.choices)
    skills = serializers.ListField(child=serializers.CharField(max_length=300), required=False, default=list)
    industries = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list
    )
    availability = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list
    )
    employer = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    wishes = serializers.CharField(required=False, allow_blank=True, default="")
    wished_mentors = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    share_with_other_partners = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Project-wide programmes, the participant only: let the programme's staff of other partners see "
            "this request (false withdraws it; left out keeps the earlier answer)"
        ),
    )


class ProposalSerializer(serializers.ModelSerializer):
    mentee_name = serializers.CharField(source="mentee.participation.person.full_name", read_only=True)
    mentor_name = serializers.CharField(source="mentor.user.__str__", read_only=True)
    breakdown = PartSerializer(many=True, read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "mentee",
            "mentee_name",
            "mentor",
            "mentor_name",
            "score",
            "breakdown",
            "by_hand",
            "status",
        ]
        read_only_fields = fields


class RunSerializer(serializers.ModelSerializer):
    proposals = serializers.SerializerMethodField()
    summary = serializers.DictField(read_only=True)

    class Meta:
        model = MatchingRun
        fields = ["id", "programme", "objective", "created_at", "published_at", "summary", "proposals"]
        read_only_fields = fields

    @extend_schema_field(ProposalSerializer(many=True))
    def get_proposals(self, run: MatchingRun) -> Any:
        return ProposalSerializer(self.context.get("proposals", []), many=True).data


class RunInputSerializer(serializers.Serializer):
    objective = serializers.ChoiceField(
        choices=MatchingRun.Objective.choices, default=MatchingRun.Objective.TOTAL
    )


class PairInputSerializer(serializers.Serializer):
    mentee = serializers.IntegerField()
    mentor = serializers.IntegerField()


class MentorProfileSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.__str__", read_only=True)
    languages = serializers.DictField(child=serializers.CharField())
    expertise = serializers.ListField(child=serializers.CharField())
    industries = serializers.ListField(child=serializers.CharField())
    kinds = serializers.ListField(child=serializers.ChoiceField(choices=Kind.choices))
    availability = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = MentorProfile
        fields = [
            "id",
            "name",
            "bio",
            "organisation",
            "expertise",
            "industries",
            "languages",
            "kinds",
            "availability",
            "location",
            "capacity",
            "seats_taken",
            "is_available",
        ]
        read_only_fields = ["id", "name", "seats_taken"]


class RankedMentorSerializer(serializers.Serializer):
    mentor = MentorProfileSerializer(source="profile")
    score = serializers.FloatField()
    breakdown = PartSerializer(many=True)


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "held_on", "duration_minutes", "topics", "notes", "status", "logged_by"]
        read_only_fields = ["id", "logged_by"]


class GoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "text", "status"]
        read_only_fields = ["id"]


class MentorshipSerializer(serializers.ModelSerializer):
    mentee_name = serializers.CharField(source="mentee.participation.person.full_name", read_only=True)
    mentor_name = serializers.CharField(source="mentor.user.__str__", read_only=True)
    breakdown = PartSerializer(many=True, read_only=True)

    class Meta:
        model = Mentorship
        fields = [
            "id",
            "programme",
            "mentee",
            "mentee_name",
            "mentor",
            "mentor_name",
            "origin",
            "status",
            "mentee_response",
            "mentor_response",
            "score",
            "breakdown",
            "started_on",
            "closed_on",
        ]
        read_only_fields = fields


class MentorshipDetailSerializer(MentorshipSerializer):
    goals = GoalSerializer(many=True, read_only=True)
    sessions = serializers.SerializerMethodField()

    class Meta(MentorshipSerializer.Meta):
        fields = [*MentorshipSerializer.Meta.fields, "goals", "sessions"]
        read_only_fields = fields

    @extend_schema_field(SessionSerializer(many=True))
    def get_sessions(self, mentorship: Mentorship) -> Any:
        return SessionSerializer(self.context["sessions"], many=True).data


class RespondInputSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class RatingInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    text = serializers.CharField(required=False, allow_blank=True, default="")


class CloseInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True, default=None)
    text = serializers.CharField(required=False, allow_blank=True, default="")


class CheckInSerializer(serializers.ModelSerializer):
    class Meta:
        model = CheckIn
        fields = ["id", "mentorship", "side", "due_on", "rating", "text", "answered_at"]
        read_only_fields = fields
