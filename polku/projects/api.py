"""REST API for projects and their structure: partners, work packages, targets, participant counts.

Members of a project read it; platform admins create and change projects; the project lead (or an
admin) manages partners, work packages and targets. Counts are aggregates: the lead, evaluators and
admins see every partner's, a coordinator their own partner's.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.core.api import Pagination, paginated_response
from polku.core.errors import AccessDenied
from polku.organisations.models import Organisation
from polku.projects import services
from polku.projects.models import Partner, Project, Target, WorkPackage
from polku.projects.selectors import (
    partner_list,
    project_get,
    project_list,
    target_list,
    target_progress,
    work_package_list,
)

TAGS = ["projects"]
STRUCTURE_TAGS = ["project structure"]

# --- output -----------------------------------------------------------------------------------


class ProjectSerializer(serializers.ModelSerializer):
    languages = serializers.ListField(
        child=serializers.CharField(), help_text=_("Working languages, e.g. fi, en")
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
        ]
        read_only_fields = fields


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


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["id", "work_package", "partner", "country", "metric", "label", "value"]
        read_only_fields = fields


class TargetProgressSerializer(serializers.Serializer):
    """A target with its current count; the count is null for readers who may not see aggregates."""

    target = TargetSerializer()
    actual = serializers.SerializerMethodField()
    percent = serializers.SerializerMethodField()

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_actual(self, progress) -> int | None:  # type: ignore[no-untyped-def]
        return progress.actual if self.context.get("counts_visible") else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_percent(self, progress) -> int | None:  # type: ignore[no-untyped-def]
        return progress.percent if self.context.get("counts_visible") else None


class ProjectDetailSerializer(ProjectSerializer):
    partners = serializers.SerializerMethodField()
    work_packages = serializers.SerializerMethodField()
    targets = serializers.SerializerMethodField()

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "partners", "work_packages", "targets"]
        read_only_fields = fields

    @extend_schema_field(PartnerSerializer(many=True))
    def get_partners(self, project: Project) -> Any:
        return PartnerSerializer(self.context["partners"], many=True).data

    @extend_schema_field(WorkPackageSerializer(many=True))
    def get_work_packages(self, project: Project) -> Any:
        return WorkPackageSerializer(self.context["work_packages"], many=True).data

    @extend_schema_field(TargetProgressSerializer(many=True))
    def get_targets(self, project: Project) -> Any:
        return TargetProgressSerializer(self.context["targets"], many=True, context=self.context).data


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


class TargetInputSerializer(serializers.Serializer):
    work_package = serializers.PrimaryKeyRelatedField(
        queryset=WorkPackage.objects.all(), required=False, allow_null=True, default=None
    )
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(), required=False, allow_null=True, default=None
    )
    country = serializers.CharField(max_length=2, required=False, allow_blank=True, default="")
    metric = serializers.ChoiceField(choices=Target.Metric.choices)
    label = serializers.CharField(max_length=200)
    value = serializers.IntegerField(min_value=0, max_value=2147483647)


def _valid(
    serializer_class: type[serializers.Serializer], request: Request, *, partial: bool = False
) -> dict:
    serializer = serializer_class(data=request.data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _counts_visible(access: Access, project: Project, partners: list[Partner]) -> bool:
    return access.can_view_aggregates(project.pk) or any(access.can_manage_partner(p.pk) for p in partners)


# --- projects ---------------------------------------------------------------------------------


class ProjectListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="project_list", tags=TAGS, responses=ProjectSerializer(many=True))
    def get(self, request: Request) -> Response:
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
    def post(self, request: Request) -> Response:
        project = services.project_create(
            access=access_for(request.user), **_valid(ProjectInputSerializer, request)
        )
        return Response(ProjectSerializer(project).data, status=status.HTTP_201_CREATED)


class ProjectDetailApi(APIView):
    @extend_schema(
        operation_id="project_retrieve",
        tags=TAGS,
        responses=ProjectDetailSerializer,
        description=_("The project with its partners, work packages and targets against current counts."),
    )
    def get(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        partners = list(partner_list(project=project))
        context = {
            "partners": partners,
            "work_packages": work_package_list(project=project),
            "targets": target_progress(project=project),
            "counts_visible": _counts_visible(access, project, partners),
        }
        return Response(ProjectDetailSerializer(project, context=context).data)

    @extend_schema(
        operation_id="project_update",
        tags=TAGS,
        request=ProjectInputSerializer,
        responses=ProjectSerializer,
        description=_("Platform admins only. Fields not given stay as they are."),
    )
    def patch(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        data = _valid(ProjectInputSerializer, request, partial=True)
        project = services.project_update(access=access, project=project, data=data)
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
    def get(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        partners = list(partner_list(project=project))
        if not access.can_view_aggregates(project.pk):
            partners = [p for p in partners if access.can_manage_partner(p.pk)]
            if not partners:
                raise AccessDenied(
                    gettext("Only the project lead, evaluators and coordinators see participant counts.")
                )
        return Response(PartnerCountSerializer(partners, many=True).data)


# --- partners, work packages, targets -----------------------------------------------------------


class PartnerListApi(APIView):
    pagination_class = Pagination

    @extend_schema(operation_id="partner_list", tags=STRUCTURE_TAGS, responses=PartnerSerializer(many=True))
    def get(self, request: Request, code: str) -> Response:
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
    def post(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        partner = services.partner_create(
            access=access, project=project, **_valid(PartnerInputSerializer, request)
        )
        return Response(PartnerSerializer(partner).data, status=status.HTTP_201_CREATED)


class PartnerDetailApi(APIView):
    @staticmethod
    def _get(request: Request, code: str, pk: int) -> tuple[Access, Partner]:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, get_object_or_404(partner_list(project=project), pk=pk)

    @extend_schema(operation_id="partner_retrieve", tags=STRUCTURE_TAGS, responses=PartnerSerializer)
    def get(self, request: Request, code: str, pk: int) -> Response:
        _access, partner = self._get(request, code, pk)
        return Response(PartnerSerializer(partner).data)

    @extend_schema(
        operation_id="partner_update",
        tags=STRUCTURE_TAGS,
        request=PartnerUpdateSerializer,
        responses=PartnerSerializer,
        description=_("The project lead or a platform admin."),
    )
    def patch(self, request: Request, code: str, pk: int) -> Response:
        access, partner = self._get(request, code, pk)
        data = _valid(PartnerUpdateSerializer, request, partial=True)
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
    def delete(self, request: Request, code: str, pk: int) -> Response:
        access, partner = self._get(request, code, pk)
        services.partner_delete(access=access, partner=partner)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WorkPackageListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="work_package_list", tags=STRUCTURE_TAGS, responses=WorkPackageSerializer(many=True)
    )
    def get(self, request: Request, code: str) -> Response:
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
    def post(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        work_package = services.work_package_create(
            access=access, project=project, **_valid(WorkPackageInputSerializer, request)
        )
        return Response(WorkPackageSerializer(work_package).data, status=status.HTTP_201_CREATED)


class WorkPackageDetailApi(APIView):
    @staticmethod
    def _get(request: Request, code: str, pk: int) -> tuple[Access, WorkPackage]:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, get_object_or_404(work_package_list(project=project), pk=pk)

    @extend_schema(operation_id="work_package_retrieve", tags=STRUCTURE_TAGS, responses=WorkPackageSerializer)
    def get(self, request: Request, code: str, pk: int) -> Response:
        _access, work_package = self._get(request, code, pk)
        return Response(WorkPackageSerializer(work_package).data)

    @extend_schema(
        operation_id="work_package_update",
        tags=STRUCTURE_TAGS,
        request=WorkPackageInputSerializer,
        responses=WorkPackageSerializer,
        description=_("The project lead or a platform admin."),
    )
    def patch(self, request: Request, code: str, pk: int) -> Response:
        access, work_package = self._get(request, code, pk)
        data = _valid(WorkPackageInputSerializer, request, partial=True)
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
    def delete(self, request: Request, code: str, pk: int) -> Response:
        access, work_package = self._get(request, code, pk)
        services.work_package_delete(access=access, work_package=work_package)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TargetListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="target_list",
        tags=STRUCTURE_TAGS,
        responses=TargetSerializer(many=True),
        description=_("The targets without counts; the project's detail gives them against current counts."),
    )
    def get(self, request: Request, code: str) -> Response:
        project = project_get(access=access_for(request.user), code=code)
        rows = target_list(project=project)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=TargetSerializer)

    @extend_schema(
        operation_id="target_create",
        tags=STRUCTURE_TAGS,
        request=TargetInputSerializer,
        responses={201: TargetSerializer},
        description=_("The project lead or a platform admin."),
    )
    def post(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        target = services.target_create(
            access=access, project=project, **_valid(TargetInputSerializer, request)
        )
        return Response(TargetSerializer(target).data, status=status.HTTP_201_CREATED)


class TargetDetailApi(APIView):
    @staticmethod
    def _get(request: Request, code: str, pk: int) -> tuple[Access, Target]:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, get_object_or_404(target_list(project=project), pk=pk)

    @extend_schema(operation_id="target_retrieve", tags=STRUCTURE_TAGS, responses=TargetSerializer)
    def get(self, request: Request, code: str, pk: int) -> Response:
        _access, target = self._get(request, code, pk)
        return Response(TargetSerializer(target).data)

    @extend_schema(
        operation_id="target_update",
        tags=STRUCTURE_TAGS,
        request=TargetInputSerializer,
        responses=TargetSerializer,
        description=_("The project lead or a platform admin."),
    )
    def patch(self, request: Request, code: str, pk: int) -> Response:
        access, target = self._get(request, code, pk)
        target = services.target_update(
            access=access, target=target, data=_valid(TargetInputSerializer, request, partial=True)
        )
        return Response(TargetSerializer(target).data)

    @extend_schema(
        operation_id="target_delete",
        tags=STRUCTURE_TAGS,
        responses={204: None},
        description=_("The project lead or a platform admin."),
    )
    def delete(self, request: Request, code: str, pk: int) -> Response:
        access, target = self._get(request, code, pk)
        services.target_delete(access=access, target=target)
        return Response(status=status.HTTP_204_NO_CONTENT)
