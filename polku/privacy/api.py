"""REST API of the privacy service: a person's data export, erasure requests, retention."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for, coordinator_access
from polku.accounts.http import AuthenticatedRequest
from polku.core.errors import AccessDenied
from polku.participants.models import Person
from polku.privacy.models import ErasureRequest
from polku.privacy.selectors import (
    erasure_request_get,
    erasure_requests_for_staff,
    erasure_requests_of_person,
    person_export,
    person_export_for_staff,
    retention_overview,
)
from polku.privacy.services import erasure_request_create, erasure_request_handle, project_retention_update
from polku.projects.selectors import project_get

TAGS = ["privacy"]


class SectionSerializer(serializers.Serializer):
    title = serializers.CharField()
    labels = serializers.DictField(child=serializers.CharField(), help_text=_("Field name → label"))
    choices = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text=_("For coded fields: stored value → label"),
    )
    records = serializers.ListField(child=serializers.DictField(), help_text=_("Stored values, one per row"))


class ExportSerializer(serializers.Serializer):
    format = serializers.CharField()
    generated_at = serializers.DateTimeField()
    person_id = serializers.IntegerField()
    sections = serializers.DictField(child=SectionSerializer(), help_text=_("Section key → section"))


def _own_person(request: AuthenticatedRequest) -> tuple[Access, Person]:
    access = access_for(request.user)
    if not access.is_participant:
        raise AccessDenied(gettext("Only participants have their own data here."))
    return access, request.user.person


class MyDataApi(APIView):
    @extend_schema(
        operation_id="my_data_retrieve",
        tags=TAGS,
        responses=ExportSerializer,
        description=_("Everything Polku holds about the signed-in participant, in labelled sections."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        _access, person = _own_person(request)
        return Response(person_export(person=person))


class ParticipantDataApi(APIView):
    @extend_schema(
        operation_id="participant_data_retrieve",
        tags=TAGS,
        responses=ExportSerializer,
        description=_(
            "A coordinator exports the data of a participant of their partner; the export is audited."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = coordinator_access(request.user, refusal=gettext("Only coordinators can export data."))
        return Response(person_export_for_staff(access=access, actor=request.user, participation_id=pk))


class ErasureRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = ErasureRequest
        fields = [
            "id",
            "person",
            "requested_at",
            "on_behalf",
            "scope",
            "status",
            "reason",
            "erased",
            "kept",
            "handled_at",
        ]
        read_only_fields = fields


class ErasureCreateSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=ErasureRequest.Scope.choices)


class MyErasureRequestsApi(APIView):
    @extend_schema(
        operation_id="my_erasure_request_list", tags=TAGS, responses=ErasureRequestSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        _access, person = _own_person(request)
        rows = erasure_requests_of_person(person_id=person.pk)
        return Response(ErasureRequestSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="my_erasure_request_create",
        tags=TAGS,
        request=ErasureCreateSerializer,
        responses={201: ErasureRequestSerializer},
        description=_("The participant asks for their optional data (or all they may) to be erased."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access, person = _own_person(request)
        data = ErasureCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = erasure_request_create(
            actor=request.user, access=access, person=person, scope=data.validated_data["scope"]
        )
        return Response(ErasureRequestSerializer(created).data, status=status.HTTP_201_CREATED)


class ErasureRequestListApi(APIView):
    @extend_schema(
        operation_id="erasure_request_list",
        tags=TAGS,
        responses=ErasureRequestSerializer(many=True),
        description=_("Erasure requests of the people of the reader's partners, newest first."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = coordinator_access(
            request.user, refusal=gettext("Only coordinators handle erasure requests.")
        )
        return Response(ErasureRequestSerializer(erasure_requests_for_staff(access=access), many=True).data)


class ErasureHandleSerializer(serializers.Serializer):
    refuse = serializers.BooleanField(default=False)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ErasureRequestHandleApi(APIView):
    @extend_schema(
        operation_id="erasure_request_handle",
        tags=TAGS,
        request=ErasureHandleSerializer,
        responses=ErasureRequestSerializer,
        description=_(
            "Carry the request out (what must be kept is recorded with its reason) or refuse it with a reason."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = coordinator_access(
            request.user, refusal=gettext("Only coordinators handle erasure requests.")
        )
        erasure = erasure_request_get(access=access, pk=pk)
        data = ErasureHandleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        handled = erasure_request_handle(
            actor=request.user, access=access, request=erasure, **data.validated_data
        )
        return Response(ErasureRequestSerializer(handled).data)


class RetentionRowSerializer(serializers.Serializer):
    project = serializers.CharField(source="project.code")
    keep_until = serializers.DateField()
    legal_hold = serializers.BooleanField()
    due = serializers.BooleanField()
    people = serializers.IntegerField()
    due_people = serializers.IntegerField(help_text=_("People the retention job would anonymise now"))


class RetentionApi(APIView):
    @extend_schema(
        operation_id="retention_dry_run",
        tags=TAGS,
        responses=RetentionRowSerializer(many=True),
        description=_(
            "Dry run of the retention job for the projects the reader leads: counts only, no names."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if not (access.is_admin or access.lead_project_ids):
            raise AccessDenied(gettext("Retention is for project leads and platform admins."))
        rows = retention_overview(access=access, today=timezone.localdate())
        return Response(RetentionRowSerializer(rows, many=True).data)


class ProjectRetentionSerializer(serializers.Serializer):
    retention_years = serializers.IntegerField(min_value=1, max_value=30)
    last_payment_on = serializers.DateField(allow_null=True)
    legal_hold = serializers.BooleanField()


class ProjectRetentionApi(APIView):
    @extend_schema(operation_id="project_retention_retrieve", tags=TAGS, responses=ProjectRetentionSerializer)
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        project = project_get(access=access_for(request.user), code=code)
        return Response(ProjectRetentionSerializer(project).data)

    @extend_schema(
        operation_id="project_retention_update",
        tags=TAGS,
        request=ProjectRetentionSerializer(partial=True),
        responses=ProjectRetentionSerializer,
        description=_("The project lead sets the retention period, the last payment and the legal hold."),
    )
    def patch(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        data = ProjectRetentionSerializer(instance=project, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values: dict[str, Any] = {
            "retention_years": project.retention_years,
            "last_payment_on": project.last_payment_on,
            "legal_hold": project.legal_hold,
        } | dict(data.validated_data)
        updated = project_retention_update(actor=request.user, access=access, project=project, **values)
        return Response(ProjectRetentionSerializer(updated).data)
