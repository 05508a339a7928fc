"""REST API about the signed-in user: who they are, their roles, and their own participations.

It lives in participants, not accounts, because it lists the user's own participations, and accounts
sits below participants in the order of the house."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.accounts.models import Membership
from polku.accounts.selectors import membership_list
from polku.audit.models import AuditEvent
from polku.audit.selectors import audit_events_about_person, described
from polku.core.api import Pagination
from polku.core.errors import AccessDenied
from polku.participants.models import Participation
from polku.participants.selectors import person_participations


class MembershipSerializer(serializers.ModelSerializer):
    project_code = serializers.CharField(source="project.code", read_only=True)
    project_name = serializers.CharField(source="project.name", read_only=True)
    partner_name = serializers.CharField(source="partner.organisation.name", read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = ["role", "project", "project_code", "project_name", "partner", "partner_name"]
        read_only_fields = fields


class OwnParticipationSerializer(serializers.ModelSerializer):
    project_code = serializers.CharField(source="project.code", read_only=True)
    project_name = serializers.CharField(source="project.name", read_only=True)
    partner_name = serializers.CharField(source="partner.organisation.name", read_only=True)
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = Participation
        fields = [
            "id",
            "project",
            "project_code",
            "project_name",
            "partner",
            "partner_name",
            "entry_date",
            "exit_date",
            "is_active",
        ]
        read_only_fields = fields


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    full_name = serializers.CharField()
    preferred_language = serializers.CharField()
    is_admin = serializers.BooleanField(help_text=_("Platform admin: sees and manages everything"))
    roles = MembershipSerializer(many=True, help_text=_("Roles in projects"))
    person_id = serializers.IntegerField(allow_null=True, help_text=_("Set when the user is a participant"))
    participations = OwnParticipationSerializer(many=True)


class MeApi(APIView):
    @extend_schema(operation_id="me_retrieve", tags=["me"], responses=MeSerializer)
    def get(self, request: AuthenticatedRequest) -> Response:
        user = request.user
        access = access_for(user)
        person = getattr(user, "person", None) if access.person_id is not None else None
        me = {
            "id": user.pk,
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "is_admin": access.is_admin,
            "roles": membership_list(user=user),
            "person_id": access.person_id,
            "participations": person_participations(person=person) if person is not None else [],
        }
        return Response(MeSerializer(me).data)


class DataAccessSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    who = serializers.CharField(help_text=_("The person or service who read or changed the data"))
    action = serializers.ChoiceField(choices=AuditEvent.Action.choices)
    action_label = serializers.CharField(help_text=_("The action in words, in the reader's language"))
    what = serializers.CharField(help_text=_("Which data, in words"))
    field_labels = serializers.ListField(
        source="fields", child=serializers.CharField(), help_text=_("The fields read or changed, in words")
    )


class MyDataAccessApi(APIView):
    """Who has seen or changed the signed-in participant's data, newest first (the same list as their page)."""

    pagination_class = Pagination

    @extend_schema(operation_id="me_data_access", tags=["me"], responses=DataAccessSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if access.person_id is None:
            raise AccessDenied(_("This is for participants."))
        events = audit_events_about_person(person_id=access.person_id)
        paginator = Pagination()
        page = paginator.paginate_queryset(events, request, view=self)
        return paginator.get_paginated_response(DataAccessSerializer(described(page or []), many=True).data)
