"""REST API for projects and their structure: partners, work packages, targets, participant counts,
activities and enrolments.

Members of a project read it; platform admins create and change projects; the project lead (or an
admin) manages partners, work packages and targets. Counts are aggregates: the lead, evaluators and
admins see every partner's, a coordinator their own partner's. Activities are managed by the lead or
by a coordinator of the partner running them; a coordinator enrols their own partner's participants.
"""

from __future__ import annotations

from typing import Any, Literal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.organisations.models import Organisation
from polku.projects import services
from polku.projects.forms import INDICATOR_SET_HELP
from polku.projects.indicator_sets import indicator_set_for
from polku.projects.models import Activity, ActivityEnrolment, Partner, Project, Target, WorkPackage
from polku.projects.selectors import (
    activity_enrolment_list,
    activity_get,
    activity_list,
    partner_list,
    project_get,
    project_list,
    target_list,
    target_progress,
    work_package_list,
)

TAGS = ["projects"]
STRUCTURE_TAGS = ["project structure"]
ACTIVITY_TAGS = ["activities"]

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
            "The set the indicator table and the funder report count: the choice, or the automatic one"
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

    def get_indicator_set_in_use(self, project: Project) -> Literal["esf_plus_2021", "esf_2014"]:
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
    indicator_set = serializers.ChoiceField(
        choices=Project._meta.get_field("indicator_set").choices,
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
            access=access_for(request.user), **validated_input(ProjectInputSerializer, request)
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
            "counts_visible": access.can_view_counts(project.pk),
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
    def get(self, request: Request, code: str) -> Response:
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
            access=access, project=project, **validated_input(PartnerInputSerializer, request)
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
            access=access, project=project, **validated_input(WorkPackageInputSerializer, request)
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
            access=access, project=project, **validated_input(TargetInputSerializer, request)
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
            access=access, target=target, data=validated_input(TargetInputSerializer, request, partial=True)
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


# --- activities and enrolments ----------------------------------------------------------------


class ActivitySerializer(serializers.ModelSerializer):
    partner_name = serializers.CharField(source="partner.organisation.name", read_only=True)
    enrolled = serializers.SerializerMethodField(
        help_text=_("Participants enrolled, all partners; null for members who may not see counts")
    )

    class Meta:
        model = Activity
        fields = [
            "id",
            "partner",
            "partner_name",
            "work_package",
            "kind",
            "name",
            "starts_on",
            "ends_on",
            "enrolled",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_enrolled(self, activity: Activity) -> int | None:
        return activity.enrolled_count if self.context.get("counts_visible") else None  # type: ignore[attr-defined]


class ActivityInputSerializer(serializers.Serializer):
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(), help_text=_("Id of the partner of this project running the activity")
    )
    work_package = serializers.PrimaryKeyRelatedField(
        queryset=WorkPackage.objects.all(), required=False, allow_null=True, default=None
    )
    kind = serializers.ChoiceField(choices=Activity.Kind.choices)
    name = serializers.CharField(max_length=200)
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)


class EnrolmentSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="participation.person.full_name", read_only=True)
    partner = serializers.IntegerField(source="participation.partner_id", read_only=True)
    partner_name = serializers.CharField(source="participation.partner.organisation.name", read_only=True)

    class Meta:
        model = ActivityEnrolment
        fields = ["id", "participation", "person_name", "partner", "partner_name", "enrolled_on"]
        read_only_fields = fields


class EnrolInputSerializer(serializers.Serializer):
    participations = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        min_length=1,
        max_length=500,
        help_text=_("Ids of participations (see /participants/) of your own partner in this project"),
    )
    enrolled_on = serializers.DateField(required=False, default=timezone.localdate)


def _activity(request: Request, code: str, pk: int) -> tuple[Access, Project, Activity]:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    return access, project, activity_get(project=project, pk=pk)


def _activity_data(access: Access, project: Project, activity: Activity) -> Any:
    """The activity as read back from the database, with its count (for the reader's role)."""
    activity = activity_get(project=project, pk=activity.pk)
    context = {"counts_visible": access.can_view_counts(project.pk)}
    return ActivitySerializer(activity, context=context).data


class ActivityListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="activity_list",
        tags=ACTIVITY_TAGS,
        responses=ActivitySerializer(many=True),
        description=_(
            "The project's activities (cohorts). `enrolled` counts every partner's participants; it is null "
            "for members who see no counts."
        ),
    )
    def get(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        paginator = Pagination()
        page = paginator.paginate_queryset(activity_list(project=project), request, view=self)  # type: ignore[arg-type]
        context = {"counts_visible": access.can_view_counts(project.pk)}
        return paginator.get_paginated_response(ActivitySerializer(page, many=True, context=context).data)

    @extend_schema(
        operation_id="activity_create",
        tags=ACTIVITY_TAGS,
        request=ActivityInputSerializer,
        responses={201: ActivitySerializer},
        description=_("The project lead or an admin for any partner; a coordinator for their own partner."),
    )
    def post(self, request: Request, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        activity = services.activity_create(
            access=access, project=project, **validated_input(ActivityInputSerializer, request)
        )
        return Response(_activity_data(access, project, activity), status=status.HTTP_201_CREATED)


class ActivityDetailApi(APIView):
    @extend_schema(operation_id="activity_retrieve", tags=ACTIVITY_TAGS, responses=ActivitySerializer)
    def get(self, request: Request, code: str, pk: int) -> Response:
        access, project, activity = _activity(request, code, pk)
        context = {"counts_visible": access.can_view_counts(project.pk)}
        return Response(ActivitySerializer(activity, context=context).data)

    @extend_schema(
        operation_id="activity_update",
        tags=ACTIVITY_TAGS,
        request=ActivityInputSerializer,
        responses=ActivitySerializer,
        description=_(
            "The project lead or an admin; a coordinator of the partner running it. Moving it to another "
            "partner needs the right to both."
        ),
    )
    def patch(self, request: Request, code: str, pk: int) -> Response:
        access, project, activity = _activity(request, code, pk)
        data = validated_input(ActivityInputSerializer, request, partial=True)
        activity = services.activity_update(access=access, activity=activity, data=data)
        return Response(_activity_data(access, project, activity))

    @extend_schema(
        operation_id="activity_delete",
        tags=ACTIVITY_TAGS,
        responses={204: None},
        description=_(
            "The project lead or an admin; a coordinator of the partner running it. Only an activity "
            "nobody is enrolled in."
        ),
    )
    def delete(self, request: Request, code: str, pk: int) -> Response:
        access, _project, activity = _activity(request, code, pk)
        services.activity_delete(access=access, activity=activity)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EnrolmentListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="enrolment_list",
        tags=ACTIVITY_TAGS,
        responses=EnrolmentSerializer(many=True),
        description=_(
            "The people enrolled whom the reader may see: a coordinator their own partner's, an admin everyone; "
            "the lead and evaluators get an empty list (the activity's `enrolled` gives the count)."
        ),
    )
    def get(self, request: Request, code: str, pk: int) -> Response:
        access, _project, activity = _activity(request, code, pk)
        rows = activity_enrolment_list(access=access, activity=activity)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=EnrolmentSerializer)

    @extend_schema(
        operation_id="enrolment_create",
        tags=ACTIVITY_TAGS,
        request=EnrolInputSerializer,
        responses={201: EnrolmentSerializer(many=True)},
        description=_(
            "A coordinator enrols participants of their own partner in this project; all or none. Returns the "
            "enrolments created; participants already enrolled stay as they are."
        ),
    )
    def post(self, request: Request, code: str, pk: int) -> Response:
        access, _project, activity = _activity(request, code, pk)
        data = validated_input(EnrolInputSerializer, request)
        created = services.activity_enrol(
            actor=request.user,
            access=access,
            activity=activity,
            participation_ids=data["participations"],
            enrolled_on=data["enrolled_on"],
        )
        rows = activity_enrolment_list(access=access, activity=activity).filter(
            pk__in=[e.pk for e in created]
        )
        return Response(EnrolmentSerializer(rows, many=True).data, status=status.HTTP_201_CREATED)


class EnrolmentDetailApi(APIView):
    @extend_schema(
        operation_id="enrolment_delete",
        tags=ACTIVITY_TAGS,
        responses={204: None},
        description=_("A coordinator takes their own partner's participant out of the activity."),
    )
    def delete(self, request: Request, code: str, pk: int, participation_id: int) -> Response:
        access, _project, activity = _activity(request, code, pk)
        # Another partner's participant is not the reader's to know about: 404, as everywhere in the API.
        get_object_or_404(
            activity_enrolment_list(access=access, activity=activity), participation_id=participation_id
        )
        services.activity_unenrol(
            actor=request.user, access=access, activity=activity, participation_ids=[participation_id]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
