"""REST API for a project's targets, activities and enrolments.

Members of a project read its targets (without counts here; the project's detail gives them against
current counts, see activities.sections) and its activities; the project lead (or an admin) manages the
targets. Activities are managed by the lead or by a coordinator of the partner running them; a
coordinator enrols their own partner's participants. Enrolment counts are aggregates, for the lead,
evaluators, admins and the project's coordinators.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.activities import services
from polku.activities.metrics import kind_label, metric_label
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.activities.selectors import activity_enrolment_list, activity_get, activity_list, target_list
from polku.core.api import Pagination, paginated_response, validated_input
from polku.projects.api import STRUCTURE_TAGS
from polku.projects.models import Partner, Project, WorkPackage
from polku.projects.selectors import project_get

ACTIVITY_TAGS = ["activities"]

# --- targets ----------------------------------------------------------------------------------


class TargetSerializer(serializers.ModelSerializer):
    metric_label = serializers.SerializerMethodField(help_text=_("What is counted, in words"))
    kind_label = serializers.SerializerMethodField(
        help_text=_("The kind counted, in words; empty when every kind counts")
    )

    class Meta:
        model = Target
        fields = [
            "id",
            "work_package",
            "partner",
            "country",
            "metric",
            "metric_label",
            "kind",
            "kind_label",
            "label",
            "value",
        ]
        read_only_fields = fields

    def get_metric_label(self, target: Target) -> str:
        return metric_label(target.metric)

    def get_kind_label(self, target: Target) -> str:
        return kind_label(target.metric, target.kind) if target.kind else ""


class TargetProgressSerializer(serializers.Serializer):
    """A target with its current count; the count is null for readers who may not see aggregates."""

    target = TargetSerializer()
    actual = serializers.SerializerMethodField()
    percent = serializers.SerializerMethodField()

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_actual(self, progress) -> int | None:
        return progress.actual if self.context.get("counts_visible") else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_percent(self, progress) -> int | None:
        return progress.percent if self.context.get("counts_visible") else None


class TargetInputSerializer(serializers.Serializer):
    work_package = serializers.PrimaryKeyRelatedField(
        queryset=WorkPackage.objects.all(), required=False, allow_null=True, default=None
    )
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(), required=False, allow_null=True, default=None
    )
    country = serializers.CharField(max_length=2, required=False, allow_blank=True, default="")
    metric = serializers.ChoiceField(choices=Target.Metric.choices)
    kind = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text=_(
            "Count only this kind; empty for all. The kinds depend on what is counted: activities and events "
            "of a kind, outcomes of a kind (e.g. studies_started), mentoring pairs of a kind of mentoring."
        ),
    )
    label = serializers.CharField(max_length=200)  # type: ignore[assignment]
    value = serializers.IntegerField(min_value=0, max_value=2147483647)


class TargetListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="target_list",
        tags=STRUCTURE_TAGS,
        responses=TargetSerializer(many=True),
        description=_("The targets without counts; the project's detail gives them against current counts."),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
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
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        target = services.target_create(
            access=access, project=project, **validated_input(TargetInputSerializer, request)
        )
        return Response(TargetSerializer(target).data, status=status.HTTP_201_CREATED)


class TargetDetailApi(APIView):
    @staticmethod
    def _get(request: AuthenticatedRequest, code: str, pk: int) -> tuple[Access, Target]:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        return access, get_object_or_404(target_list(project=project), pk=pk)

    @extend_schema(operation_id="target_retrieve", tags=STRUCTURE_TAGS, responses=TargetSerializer)
    def get(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        _access, target = self._get(request, code, pk)
        return Response(TargetSerializer(target).data)

    @extend_schema(
        operation_id="target_update",
        tags=STRUCTURE_TAGS,
        request=TargetInputSerializer,
        responses=TargetSerializer,
        description=_("The project lead or a platform admin."),
    )
    def patch(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
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
    def delete(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
        access, target = self._get(request, code, pk)
        services.target_delete(access=access, target=target)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- activities and enrolments ----------------------------------------------------------------


class ActivitySerializer(serializers.ModelSerializer):
    partner_name = serializers.CharField(
        source="partner.organisation.name",
        read_only=True,
        allow_null=True,
        help_text=_("Null for an activity of the whole project"),
    )
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


def _activity(request: AuthenticatedRequest, code: str, pk: int) -> tuple[Access, Project, Activity]:
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
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        paginator = Pagination()
        page = paginator.paginate_queryset(activity_list(project=project), request, view=self)
        context = {"counts_visible": access.can_view_counts(project.pk)}
        return paginator.get_paginated_response(ActivitySerializer(page, many=True, context=context).data)

    @extend_schema(
        operation_id="activity_create",
        tags=ACTIVITY_TAGS,
        request=ActivityInputSerializer,
        responses={201: ActivitySerializer},
        description=_("The project lead or an admin for any partner; a coordinator for their own partner."),
    )
    def post(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        activity = services.activity_create(
            access=access, project=project, **validated_input(ActivityInputSerializer, request)
        )
        return Response(_activity_data(access, project, activity), status=status.HTTP_201_CREATED)


class ActivityDetailApi(APIView):
    @extend_schema(operation_id="activity_retrieve", tags=ACTIVITY_TAGS, responses=ActivitySerializer)
    def get(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
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
    def patch(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
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
    def delete(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
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
    def get(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
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
    def post(self, request: AuthenticatedRequest, code: str, pk: int) -> Response:
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
    def delete(self, request: AuthenticatedRequest, code: str, pk: int, participation_id: int) -> Response:
        access, _project, activity = _activity(request, code, pk)
        # Another partner's participant is not the reader's to know about: 404, as everywhere in the API.
        get_object_or_404(
            activity_enrolment_list(access=access, activity=activity), participation_id=participation_id
        )
        services.activity_unenrol(
            actor=request.user, access=access, activity=activity, participation_ids=[participation_id]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
