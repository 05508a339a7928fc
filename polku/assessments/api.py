"""REST API of self-assessments: the frameworks (read), a person's assessments (list, create, detail,
delete) and progress, and a project's before/after deltas. Same access as the pages."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.assessments import frameworks as fw
from polku.assessments import services
from polku.assessments.exports import deltas_filename, deltas_headers, deltas_rows
from polku.assessments.models import SelfAssessment
from polku.assessments.selectors import (
    assessment_get,
    assessment_list,
    person_history,
    project_deltas,
)
from polku.core.api import FileNegotiation, Pagination, file_response, paginated_response, validated_input
from polku.core.sheets import table_csv, table_xlsx
from polku.participants.models import Participation
from polku.participants.selectors import visible_person
from polku.projects.selectors import project_get

TAGS = ["assessments"]


# --- frameworks ---------------------------------------------------------------------------------------------


class TextSerializer(serializers.Serializer):
    fi = serializers.CharField(read_only=True)
    sv = serializers.CharField(read_only=True)
    en = serializers.CharField(read_only=True)


class CompetenceSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text=_("Stable code, e.g. digcomp-2.2:1.1"))
    number = serializers.CharField(read_only=True)
    area_number = serializers.IntegerField(read_only=True)
    name = TextSerializer(read_only=True)
    description = TextSerializer(read_only=True)


class AreaSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    name = TextSerializer(read_only=True)
    competences = CompetenceSerializer(many=True, read_only=True)


class LevelSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    band = serializers.CharField(source="band.code", read_only=True)
    band_name = TextSerializer(source="band.name", read_only=True)
    name = TextSerializer(read_only=True)
    statement = TextSerializer(read_only=True, help_text=_("What a participant chooses: “I can …”"))


class FrameworkSummarySerializer(serializers.Serializer):
    key = serializers.CharField(read_only=True, help_text=_("Code and version, e.g. digcomp-2.2"))
    code = serializers.CharField(read_only=True)
    version = serializers.CharField(read_only=True)
    name = TextSerializer(read_only=True)
    source = serializers.CharField(read_only=True)  # type: ignore[assignment]  # an API field, not Field.source
    current = serializers.SerializerMethodField()

    def get_current(self, obj: fw.Framework) -> bool:
        return fw.CURRENT.get(obj.code) == obj.key


class FrameworkSerializer(FrameworkSummarySerializer):
    areas = AreaSerializer(many=True, read_only=True)
    levels = LevelSerializer(many=True, read_only=True)


class FrameworkListApi(APIView):
    @extend_schema(
        operation_id="assessments_framework_list",
        tags=TAGS,
        responses=FrameworkSummarySerializer(many=True),
        description=_("The frameworks a self-assessment can be taken on, each version stored separately."),
    )
    def get(self, request: Request) -> Response:
        return Response(FrameworkSummarySerializer(list(fw.FRAMEWORKS.values()), many=True).data)


class FrameworkDetailApi(APIView):
    @extend_schema(
        operation_id="assessments_framework_retrieve",
        tags=TAGS,
        responses=FrameworkSerializer,
        description=_(
            "A framework's areas, competences (with stable codes) and eight levels, in Finnish, Swedish and "
            "English. `key` is a version (digcomp-2.2) or a code for the current version (digcomp)."
        ),
    )
    def get(self, request: Request, key: str) -> Response:
        try:
            framework = fw.framework(key)
        except KeyError:
            raise NotFound() from None
        return Response(FrameworkSerializer(framework).data)


# --- a person's assessments -------------------------------------------------------------------------------


class AnswerSerializer(serializers.Serializer):
    competence = serializers.CharField(read_only=True)
    level = serializers.IntegerField(read_only=True, allow_null=True, help_text=_("1–8; null = not assessed"))


class SelfAssessmentSerializer(serializers.ModelSerializer):
    framework_key = serializers.CharField(read_only=True)
    answers = AnswerSerializer(many=True, read_only=True)
    created_by = serializers.EmailField(
        source="created_by.email", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = SelfAssessment
        fields = [
            "id",
            "person",
            "framework",
            "framework_version",
            "framework_key",
            "taken_at",
            "source",
            "created_by",
            "participation",
            "note",
            "answers",
        ]
        read_only_fields = fields


class SelfAssessmentInputSerializer(serializers.Serializer):
    framework = serializers.ChoiceField(
        choices=[(code, code) for code in fw.CURRENT],
        help_text=_("The current version of the framework is used"),
    )
    answers = serializers.DictField(
        child=serializers.IntegerField(min_value=1, max_value=8, allow_null=True),
        help_text=_(
            "Competence code → level 1–8, or null for not assessed; left-out competences are not assessed"
        ),
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=services.NOTE_MAX)
    participation = serializers.IntegerField(required=False, allow_null=True, default=None)
    taken_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text=_("Defaults to now; never in the future")
    )


class FrameworkFilterSerializer(serializers.Serializer):
    framework = serializers.ChoiceField(choices=[(code, code) for code in fw.CURRENT], required=False)


class PersonAssessmentListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="assessments_person_list",
        tags=TAGS,
        parameters=[FrameworkFilterSerializer],
        responses=SelfAssessmentSerializer(many=True),
        description=_(
            "A person's self-assessments, newest first, with every answer. The person, their coordinator and "
            "admins; a staff member's read is written to the audit log."
        ),
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> Response:
        access = access_for(request.user)
        person = visible_person(access=access, person_id=person_id)
        params = FrameworkFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        rows = assessment_list(
            access=access,
            actor=request.user,
            person=person,
            framework=params.validated_data.get("framework", ""),
        )
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=SelfAssessmentSerializer
        )

    @extend_schema(
        operation_id="assessments_person_create",
        tags=TAGS,
        request=SelfAssessmentInputSerializer,
        responses={201: SelfAssessmentSerializer},
        description=_(
            "Record a self-assessment: the person themself, or their coordinator (or an admin) with them. At "
            "least one competence must have a level."
        ),
    )
    def post(self, request: AuthenticatedRequest, person_id: int) -> Response:
        access = access_for(request.user)
        person = visible_person(access=access, person_id=person_id)
        data = validated_input(SelfAssessmentInputSerializer, request)
        participation = None
        if data["participation"] is not None:
            participation = Participation.objects.filter(pk=data["participation"], person=person).first()
            if participation is None:
                raise serializers.ValidationError(
                    {"participation": [_("Choose one of the person's own participations.")]}
                )
        assessment = services.assessment_create(
            actor=request.user,
            access=access,
            person=person,
            framework=data["framework"],
            levels=data["answers"],
            note=data["note"],
            participation=participation,
            taken_at=data["taken_at"],
        )
        assessment = assessment_get(access=access, actor=request.user, pk=assessment.pk)
        return Response(SelfAssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)


class AssessmentDetailApi(APIView):
    @extend_schema(
        operation_id="assessments_retrieve",
        tags=TAGS,
        responses=SelfAssessmentSerializer,
        description=_("One self-assessment with its answers (audited for staff)."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        assessment = assessment_get(access=access_for(request.user), actor=request.user, pk=pk)
        return Response(SelfAssessmentSerializer(assessment).data)

    @extend_schema(
        operation_id="assessments_delete",
        tags=TAGS,
        responses={204: None},
        description=_("Remove a self-assessment filled in by mistake."),
    )
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        assessment = assessment_get(access=access, actor=request.user, pk=pk)
        services.assessment_delete(actor=request.user, access=access, assessment=assessment)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CompetenceProgressSerializer(serializers.Serializer):
    code = serializers.CharField(source="competence.code", read_only=True)
    first = serializers.IntegerField(read_only=True, allow_null=True)
    latest = serializers.IntegerField(read_only=True, allow_null=True)
    delta = serializers.IntegerField(read_only=True, allow_null=True)


class AreaProgressSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="area.number", read_only=True)
    code = serializers.CharField(source="area.code", read_only=True)
    first = serializers.FloatField(read_only=True, allow_null=True)
    latest = serializers.FloatField(read_only=True, allow_null=True)
    delta = serializers.FloatField(read_only=True, allow_null=True)
    competences = CompetenceProgressSerializer(many=True, read_only=True)


class FrameworkProgressSerializer(serializers.Serializer):
    framework_key = serializers.CharField(source="framework.key", read_only=True)
    assessments = serializers.SerializerMethodField()
    first_at = serializers.DateTimeField(source="first.taken_at", read_only=True)
    latest_at = serializers.DateTimeField(source="latest.taken_at", read_only=True)
    areas = AreaProgressSerializer(many=True, read_only=True)

    def get_assessments(self, obj) -> int:
        return len(obj.assessments)


class PersonProgressApi(APIView):
    @extend_schema(
        operation_id="assessments_person_progress",
        tags=TAGS,
        responses=FrameworkProgressSerializer(many=True),
        description=_(
            "First against latest level per competence and area, per framework version. A competence's first "
            "and latest are its earliest and last assessed levels; an area's are means over its competences "
            "assessed at least twice (null where there is nothing to compare)."
        ),
    )
    def get(self, request: AuthenticatedRequest, person_id: int) -> Response:
        access = access_for(request.user)
        person = visible_person(access=access, person_id=person_id)
        histories = person_history(access=access, actor=request.user, person=person)
        return Response(FrameworkProgressSerializer(histories, many=True).data)


# --- a project's deltas -----------------------------------------------------------------------------------


class PublishedDeltaSerializer(serializers.Serializer):
    people = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("null = hidden (small numbers)")
    )
    improved = serializers.IntegerField(read_only=True, allow_null=True)
    same = serializers.IntegerField(read_only=True, allow_null=True)
    declined = serializers.IntegerField(read_only=True, allow_null=True)
    mean_first = serializers.FloatField(read_only=True, allow_null=True)
    mean_latest = serializers.FloatField(read_only=True, allow_null=True)
    mean_change = serializers.FloatField(read_only=True, allow_null=True)


class CompetenceDeltaSerializer(serializers.Serializer):
    code = serializers.SerializerMethodField()
    delta = serializers.SerializerMethodField()

    def get_code(self, obj) -> str:
        return obj[0].code

    @extend_schema_field(PublishedDeltaSerializer)
    def get_delta(self, obj) -> dict:
        return dict(PublishedDeltaSerializer(obj[1]).data)


class AreaDeltaSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="area.number", read_only=True)
    code = serializers.CharField(source="area.code", read_only=True)
    delta = PublishedDeltaSerializer(read_only=True)
    competences = CompetenceDeltaSerializer(many=True, read_only=True)


class ProjectDeltasSerializer(serializers.Serializer):
    project = serializers.CharField(source="project.code", read_only=True)
    framework_key = serializers.CharField(source="framework.key", read_only=True)
    partners = serializers.SerializerMethodField()
    exact = serializers.BooleanField(read_only=True, help_text=_("False: small cells are suppressed"))
    whole_project = serializers.BooleanField(read_only=True)
    threshold = serializers.IntegerField(read_only=True)
    people_assessed = serializers.IntegerField(read_only=True, allow_null=True)
    people_repeated = serializers.IntegerField(read_only=True, allow_null=True)
    areas = AreaDeltaSerializer(many=True, read_only=True)

    def get_partners(self, obj) -> list[int]:
        return [p.pk for p in obj.partners]


class DeltaFilterSerializer(serializers.Serializer):
    framework = serializers.ChoiceField(
        choices=[(code, code) for code in fw.CURRENT], required=False, default="digcomp"
    )
    partner = serializers.IntegerField(required=False, allow_null=True, default=None)


class ProjectDeltasApi(APIView):
    @extend_schema(
        operation_id="assessments_project_deltas",
        tags=TAGS,
        parameters=[DeltaFilterSerializer],
        responses=ProjectDeltasSerializer,
        description=_(
            "Before/after deltas per area and competence across the project's participants with at least two "
            "self-assessments (first against latest). The lead, evaluators and admins see the whole project, "
            "a coordinator their own partner; small cells are suppressed unless the reader coordinates every "
            "partner in view."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        params = DeltaFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        deltas = project_deltas(
            access=access,
            project=project,
            framework_key=params.validated_data["framework"],
            partner_id=params.validated_data["partner"],
        )
        return Response(ProjectDeltasSerializer(deltas).data)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DELTAS_FILE = _(
    "The same deltas as a file to open in a spreadsheet: one row per area and per competence, a hidden "
    "figure written as the word for hidden. Same readers, filters and suppression as the JSON."
)


class ProjectDeltasFileApi(APIView):
    fmt = ""
    content_negotiation_class = FileNegotiation

    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        params = DeltaFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        key = params.validated_data["framework"]
        deltas = project_deltas(
            access=access, project=project, framework_key=key, partner_id=params.validated_data["partner"]
        )
        rows = [deltas_headers(), *deltas_rows(deltas, (get_language() or "en")[:2])]
        name = deltas_filename(project.code, key, self.fmt)
        if self.fmt == "xlsx":
            return file_response(
                table_xlsx(str(_("Self-assessments")), rows), filename=name, content_type=XLSX
            )
        return file_response(table_csv(rows), filename=name, content_type="text/csv; charset=utf-8")


class ProjectDeltasCsvApi(ProjectDeltasFileApi):
    fmt = "csv"

    @extend_schema(
        operation_id="assessments_project_deltas_csv",
        tags=TAGS,
        parameters=[DeltaFilterSerializer],
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description=_("CSV, semicolons"))},
        description=DELTAS_FILE,
    )
    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse:
        return super().get(request, code)


class ProjectDeltasXlsxApi(ProjectDeltasFileApi):
    fmt = "xlsx"

    @extend_schema(
        operation_id="assessments_project_deltas_xlsx",
        tags=TAGS,
        parameters=[DeltaFilterSerializer],
        responses={(200, XLSX): OpenApiResponse(OpenApiTypes.BINARY, description=_("An Excel workbook"))},
        description=DELTAS_FILE,
    )
    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse:
        return super().get(request, code)
