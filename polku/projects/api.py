"""REST API for projects and their structure: partners, work packages and participant counts.

Members of a project read it; platform admins create and change projects; the project lead (or an
admin) manages partners and work packages. Counts are aggregates: the lead, evaluators and admins see
every partner's, a coordinator their own partner's. The project's detail carries, after its partners and
work packages, the fields the apps above register (polku.projects.sections: the targets against current
counts, from polku.activities, whose API serves targets, activities and enrolments).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.organisations.models import Organisation
from polku.projects import services
from polku.projects.forms import INDICATOR_SET_HELP
from polku.projects.indicator_sets import indicator_set_for
from polku.projects.models import Partner, Project, WorkPackage
from polku.projects.sections import DetailField, detail_fields
from polku.projects.selectors import (
    partner_list,
    project_get,
    project_list,
    work_package_list,
)

TAGS = ["projects"]
STRUCTURE_TAGS = ["project structure"]

# --- output -----------------------------------------------------------------------------------


class ProjectSerializer(serializers.ModelSerializer):
    languages = serializers.ListField(
        child=serializers.CharField(), help_text=_("Working languages, e.g. fi, en")
    )
    indicator_set = serializers.CharField(
        help_text=_("The project's own choice: esf_plus_2021, esf_2014, or empty for automatic")
    )
    indicator_set_in_use = serializers.SerializerMethodField(
        help_text=_(
            "The set the indicator table and the funder report count: the choice, else the ESF funder's own; "
            "empty when the funder is not the ESF and none is chosen"
        )
    )

    class Meta:
        model = Project
        fields = [
            "id",
            "code",
            "name",
            "funder",
            "programme",
            "starts_on",
            "ends_on",
            "languages",
            "description",
            "asks_disability",
            "asks_minority",
            "indicator_set",
            "indicator_set_in_use",
        ]
        read_only_fields = fields

    def get_indicator_set_in_use(self, project: Project) -> Literal["esf_plus_2021", "esf_2014", ""]:
        return indicator_set_for(project)  # type: ignore[return-value]


class PartnerSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Partner
        fields = [
            "id",
            "organisation",
            "organisation_name",
            "is_lead",
            "country",
            "part_description",
            "registration_open",
        ]
        read_only_fields = fields


class WorkPackageSerializer(serializers.ModelSerializer):
    responsible_name = serializers.CharField(
        source="responsible.organisation.name", read_only=True, allow_null=True
    )

    class Meta:
        model = WorkPackage
        fields = ["id", "number", "name", "description", "responsible", "responsible_name"]
        read_only_fields = fields


# The project with its partners and work packages; project_detail_serializer adds the registered fields.
# (No docstring: it would become the schema's description of the ProjectDetail component.)
class ProjectDetailBaseSerializer(ProjectSerializer):
    partners = serializers.SerializerMethodField()
    work_packages = serializers.SerializerMethodField()

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "partners", "work_packages"]
        read_only_fields = fields

    @extend_schema_field(PartnerSerializer(many=True))
    def get_partners(self, project: Project) -> Any:
        return PartnerSerializer(self.context["partners"], many=True).data

    @extend_schema_field(WorkPackageSerializer(many=True))
    def get_work_packages(self, project: Project) -> Any:
        return WorkPackageSerializer(self.context["work_packages"], many=True).data


def _detail_getter(part: DetailField) -> Callable[[Any, Project], Any]:
    def get(self: serializers.Serializer, project: Project) -> Any:
        return part.value(project=project, access=self.context["access"])

    return extend_schema_field(part.field())(get)


_detail_serializers: dict[tuple[DetailField, ...], type[ProjectDetailBaseSerializer]] = {}


def project_detail_serializer() -> type[ProjectDetailBaseSerializer]:
    """The project's detail serializer: the base, then one field per registered detail field.

    Built once per set of registered fields (they are registered in the apps' ready(), before any request),
    under one class name, so the OpenAPI schema names one component `ProjectDetail`.
    """
    parts = tuple(detail_fields())
    serializer = _detail_serializers.get(parts)
    if serializer is None:
        names = [*ProjectDetailBaseSerializer.Meta.fields, *(part.name for part in parts)]
        attrs: dict[str, Any] = {
            "__module__": __name__,
            "Meta": type(
                "Meta", (ProjectDetailBaseSerializer.Meta,), {"fields": names, "read_only_fields": names}
            ),
        }
        for part in parts:
            attrs[part.name] = serializers.SerializerMethodField()
            attrs[f"get_{part.name}"] = _detail_getter(part)
        serializer = type("ProjectDetailSerializer", (ProjectDetailBaseSerializer,), attrs)
        _detail_serializers[parts] = serializer
    return serializer


class PartnerCountSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    participants = serializers.IntegerField(source="participant_count", read_only=True)

    class Meta:
        model = Partner
        fields = ["id", "organisation", "organisation_name", "is_lead", "country", "participants"]
        read_only_fields = fields


# --- input ------------------------------------------------------------------------------------


class ProjectInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    code = serializers.CharField(max_length=40, help_text=_("The funder's code, e.g. S22729"))
    funder = serializers.ChoiceField(choices=Project.Funder.choices)
    programme = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    languages = serializers.ListField(
        child=serializers.CharField(max_length=3),
        min_length=1,
        help_text=_("Working languages as ISO 639-1 codes, e.g. fi, en"),
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    asks_disability = serializers.BooleanField(required=False, default=False)
    asks_minority = serializers.BooleanField(required=False, default=False)
    indicator_set = serializers.ChoiceField(
        choices=Project._meta.get_field("indicator_set").choices or [],
        required=False,
        allow_blank=True,
        default="",
        help_text=INDICATOR_SET_HELP,
    )


class PartnerUpdateSerializer(serializers.Serializer):
    is_lead = serializers.BooleanField(required=False, default=False)
    country = serializers.CharField(min_length=2, max_length=2, help_text=_("ISO 3166 country code, e.g. FI"))
    part_description = serializers.CharField(required=False, allow_blank=True, default="")
    registration_open = serializers.BooleanField(required=False, default=False)


class PartnerInputSerializer(PartnerUpdateSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())


class WorkPackageInputSerializer(serializers.Serializer):
    number = serializers.IntegerField(min_value=1, max_value=32767)
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    responsible = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Id of the responsible partner of this project"),
    )


# --- projects ---------------------------------------------------------------------------------


class ProjectListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="project_list", tags=TAGS, responses=ProjectSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        projects = project_list(access=access_for(request.user))
        return paginated_response(
            request=request, view=self, rows=projects, serializer_class=ProjectSerializer
        )

    @extend_schema(
        operation_id="project_create",
        tags=TAGS,
        request=ProjectInputSerializer,
        responses={201: ProjectSerializer},
        description=_("Platform admins only."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        project = services.project_create(
            actor=request.user,
            access=access_for(request.user),
            **validated_input(ProjectInputSerializer, request),
        )
        return Response(ProjectSerializer(project).data, status=status.HTTP_201_CREATED)


class ProjectDetailApi(APIView):
    def get_serializer_class(self) -> type[ProjectDetailBaseSerializer]:
        """What GET answers; the schema takes it from here, as the fields are known only after start-up."""
        return project_detail_serializer()

    @extend_schema(
        operation_id="project_retrieve",
        tags=TAGS,
        description=_("The project with its partners, work packages and targets against current counts."),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        context = {
            "access": access,
            "partners": list(partner_list(project=project)),
            "work_packages": work_package_list(project=project),
        }
        return Response(self.get_serializer_class()(project, context=context).data)

    @extend_schema(
        operation_id="project_update",
        tags=TAGS,
        request=ProjectInputSerializer,
        responses=ProjectSerializer,
        description=_("Platform admins only. Fields not given stay as they are."),
    )
    def patch(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        data = validated_input(ProjectInputSerializer, request, partial=True)
        project = services.project_update(actor=request.user, access=access, project=project, data=data)
        return Response(ProjectSerializer(project).data)


class ParticipantCountsApi(APIView):
    @extend_schema(
        operation_id="participant_counts",
        tags=TAGS,
        responses=PartnerCountSerializer(many=True),
        description=_(
            "Participants per partner, no people. The project lead, evaluators and admins see every partner; "
            "a coordinator sees their own partner."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        partners = [
            p for p in partner_list(project=project) if access.can_view_partner_counts(project.pk, p.pk)
        ]
        if not partners:
            raise AccessDenied(
                gettext("Only the project lead, evaluators and coordinators see participant counts.")
            )
        return Response(PartnerCountSerializer(partners, many=True).data)


# --- partners and work packages -----------------------------------------------------------


class PartnerListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="partner_list", tags=STRUCTURE_TAGS, responses=PartnerSerializer(many=True))
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        project = project_get(access=access_for(request.user), code=code)
        # The count annotation groups rows, which drops the model's default ordering; pages need one.
        rows = partner_list(project=project).order_by("-is_lead", "organisation__name", "pk")
        return paginated_response(request=request, view=self, rows=rows, serializer_class=PartnerSerializer)

    @extend_schema(
        operation_id="partner_create",
        tags=STRUCTURE_TAGS,
        request=PartnerInputSerializer,
        responses={201: PartnerSerializer},
        description=_("The project lead or a platform admin."),
    )
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        partner = services.partner_create(
            access=access, project=project, **validated_input(PartnerInputSerializer, request)
        )
        return Response(PartnerSerializer(partner).data, status=status.HTTP_201_CREATED)


class PartnerDetailApi(APIView):
    @staticmethod
    def _get(request: AuthenticatedRequest, code: str, pk: int) -> tuple[Access, Partner]:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, get_object_or_404(partner_list(project=project), pk=pk)

    @extend_schema(operation_id="partner_retrieve", tags=STRUCTURE_TAGS, responses=PartnerSerializer)
    def get(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        _access, partner = self._get(request, code, pk)
        return Response(PartnerSerializer(partner).data)

    @extend_schema(
        operation_id="partner_update",
        tags=STRUCTURE_TAGS,
        request=PartnerUpdateSerializer,
        responses=PartnerSerializer,
        description=_("The project lead or a platform admin."),
    )
    def patch(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, partner = self._get(request, code, pk)
        data = validated_input(PartnerUpdateSerializer, request, partial=True)
        partner = services.partner_update(access=access, partner=partner, data=data)
        return Response(PartnerSerializer(partner).data)

    @extend_schema(
        operation_id="partner_delete",
        tags=STRUCTURE_TAGS,
        responses={204: None},
        description=_(
            "The project lead or a platform admin; only a partner without participants or activities."
        ),
    )
    def delete(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, partner = self._get(request, code, pk)
        services.partner_delete(access=access, partner=partner)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WorkPackageListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="work_package_list", tags=STRUCTURE_TAGS, responses=WorkPackageSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        project = project_get(access=access_for(request.user), code=code)
        rows = work_package_list(project=project)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=WorkPackageSerializer
        )

    @extend_schema(
        operation_id="work_package_create",
        tags=STRUCTURE_TAGS,
        request=WorkPackageInputSerializer,
        responses={201: WorkPackageSerializer},
        description=_("The project lead or a platform admin."),
    )
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        work_package = services.work_package_create(
            access=access, project=project, **validated_input(WorkPackageInputSerializer, request)
        )
        return Response(WorkPackageSerializer(work_package).data, status=status.HTTP_201_CREATED)


class WorkPackageDetailApi(APIView):
    @staticmethod
    def _get(request: AuthenticatedRequest, code: str, pk: int) -> tuple[Access, WorkPackage]:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, get_object_or_404(work_package_list(project=project), pk=pk)

    @extend_schema(operation_id="work_package_retrieve", tags=STRUCTURE_TAGS, responses=WorkPackageSerializer)
    def get(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        _access, work_package = self._get(request, code, pk)
        return Response(WorkPackageSerializer(work_package).data)

    @extend_schema(
        operation_id="work_package_update",
        tags=STRUCTURE_TAGS,
        request=WorkPackageInputSerializer,
        responses=WorkPackageSerializer,
        description=_("The project lead or a platform admin."),
    )
    def patch(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, work_package = self._get(request, code, pk)
        data = validated_input(WorkPackageInputSerializer, request, partial=True)
        work_package = services.work_package_update(access=access, work_package=work_package, data=data)
        return Response(WorkPackageSerializer(work_package).data)

    @extend_schema(
        operation_id="work_package_delete",
        tags=STRUCTURE_TAGS,
        responses={204: None},
        description=_(
            "The project lead or a platform admin; only a work package without targets or activities."
        ),
    )
    def delete(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, work_package = self._get(request, code, pk)
        services.work_package_delete(access=access, work_package=work_package)
        return Response(status=status.HTTP_204_NO_CONTENT)
