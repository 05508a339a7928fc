"""REST API for outcomes: a participation's exit record, follow-up and outcomes, and a coordinator's
follow-up list. Same access as the pages: the participation's coordinator (or an admin) and the person."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for, coordinator_access
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response
from polku.outcomes import services
from polku.outcomes.models import ExitRecord, ExitStatus, FollowUp, Outcome
from polku.outcomes.selectors import (
    exit_record_get,
    follow_up_get,
    follow_up_list,
    outcome_get,
    outcome_list,
)
from polku.participants.models import Answer
from polku.participants.selectors import participation_get
from polku.participants.serializers import ParticipationSerializer

TAGS = ["outcomes"]


class ExitRecordSerializer(serializers.ModelSerializer):
    exit_date = serializers.DateField(source="participation.exit_date", read_only=True, allow_null=True)
    within_immediate_window = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text=_("Whether the situation applied within four weeks of exit (ESF+ immediate results)"),
    )

    class Meta:
        model = ExitRecord
        fields = [
            "exit_date",
            "status",
            "status_on",
            "qualification_gained",
            "within_immediate_window",
            "source",
            "updated_at",
        ]
        read_only_fields = fields


class ExitRecordInputSerializer(serializers.Serializer):
    exit_date = serializers.DateField()
    status = serializers.ChoiceField(choices=ExitStatus.choices, required=False, allow_blank=True, default="")
    status_on = serializers.DateField(required=False, allow_null=True, default=None)
    qualification_gained = serializers.ChoiceField(
        choices=Answer.choices, required=False, allow_blank=True, default=""
    )


class FollowUpSerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUp
        fields = [
            "participation",
            "due_on",
            "status",
            "labour_status",
            "permanent_contract",
            "full_time",
            "more_demanding_job",
            "answered_at",
            "source",
            "reminders_sent",
            "last_reminded_at",
        ]
        read_only_fields = fields


class FollowUpListSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="participation.person.full_name", read_only=True)
    project_code = serializers.CharField(source="participation.project.code", read_only=True)

    class Meta:
        model = FollowUp
        fields = ["participation", "person_name", "project_code", "due_on", "status", "reminders_sent"]
        read_only_fields = fields


class FollowUpInputSerializer(serializers.Serializer):
    labour_status = serializers.ChoiceField(choices=ExitStatus.choices)
    permanent_contract = serializers.ChoiceField(
        choices=Answer.choices, required=False, allow_blank=True, default=""
    )
    full_time = serializers.ChoiceField(choices=Answer.choices, required=False, allow_blank=True, default="")
    more_demanding_job = serializers.ChoiceField(
        choices=Answer.choices, required=False, allow_blank=True, default=""
    )


class FollowUpFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=FollowUp.Status.choices, required=False, allow_blank=True)


class OutcomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outcome
        fields = ["id", "participation", "kind", "date", "business_id", "description", "evidence", "source"]
        read_only_fields = fields


class OutcomeInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Outcome.Kind.choices)
    date = serializers.DateField()
    business_id = serializers.CharField(max_length=20, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.CharField(required=False, allow_blank=True)


class ExitRecordApi(APIView):
    @extend_schema(
        operation_id="exit_record_retrieve",
        tags=TAGS,
        responses=ExitRecordSerializer,
        description=_("The situation at exit. A staff member's read is written to the audit log."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        record = exit_record_get(access=access, actor=request.user, participation=participation)
        return Response(ExitRecordSerializer(record).data)

    @extend_schema(
        operation_id="exit_record_replace",
        tags=TAGS,
        request=ExitRecordInputSerializer,
        responses=ExitRecordSerializer,
        description=_(
            "Record the exit date and the situation at exit (the last exit counts). A coordinator sets the "
            'date; the participant gives their situation for the date already recorded. "declined" is '
            "prefer not to answer."
        ),
    )
    def put(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        serializer = ExitRecordInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = services.exit_record_save(
            actor=request.user, access=access, participation=participation, **serializer.validated_data
        )
        record.participation.refresh_from_db(fields=["exit_date"])
        return Response(ExitRecordSerializer(record).data)


class ParticipationReopenApi(APIView):
    @extend_schema(
        operation_id="participation_reopen",
        tags=TAGS,
        request=None,
        responses=ParticipationSerializer,
        description=_(
            "Re-entry: a coordinator clears the exit date; the exit record stays until the next exit."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        participation = services.participation_reopen(
            actor=request.user, access=access, participation=participation
        )
        return Response(ParticipationSerializer(participation).data)


class FollowUpApi(APIView):
    @extend_schema(
        operation_id="follow_up_retrieve",
        tags=TAGS,
        responses=FollowUpSerializer,
        description=_("The six-month follow-up. A staff member's read is written to the audit log."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        return Response(
            FollowUpSerializer(
                follow_up_get(access=access, actor=request.user, participation=participation)
            ).data
        )

    @extend_schema(
        operation_id="follow_up_record",
        tags=TAGS,
        request=FollowUpInputSerializer,
        responses=FollowUpSerializer,
        description=_(
            "A coordinator records the follow-up answers (created when missing). The improvement questions "
            "only for those employed or self-employed at entry."
        ),
    )
    def put(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        serializer = FollowUpInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        follow_up = services.follow_up_record(
            actor=request.user,
            access=access,
            participation=participation,
            answers=services.FollowUpAnswers(**serializer.validated_data),
        )
        return Response(FollowUpSerializer(follow_up).data)


class FollowUpListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="follow_up_list",
        tags=TAGS,
        parameters=[FollowUpFilterSerializer],
        responses=FollowUpListSerializer(many=True),
        description=_("Follow-ups of the coordinator's partners' participants: due date, status, reminders."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = coordinator_access(request.user, refusal=gettext("Only coordinators can see follow-ups."))
        params = FollowUpFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        rows = follow_up_list(access=access, status=params.validated_data.get("status", ""))
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=FollowUpListSerializer
        )


class OutcomeListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="outcome_list",
        tags=TAGS,
        responses=OutcomeSerializer(many=True),
        description=_("A participation's outcomes, newest first."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        rows = outcome_list(access=access, actor=request.user, participation=participation)
        return paginated_response(request=request, view=self, rows=rows, serializer_class=OutcomeSerializer)

    @extend_schema(
        operation_id="outcome_create",
        tags=TAGS,
        request=OutcomeInputSerializer,
        responses={201: OutcomeSerializer},
        description=_(
            "Record an outcome. A company founded needs a valid Finnish business ID or a Swedish or Norwegian "
            "organisation number."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = participation_get(access=access, pk=pk)
        serializer = OutcomeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        outcome = services.outcome_create(
            actor=request.user, access=access, participation=participation, data=serializer.validated_data
        )
        return Response(OutcomeSerializer(outcome).data, status=status.HTTP_201_CREATED)


class OutcomeDetailApi(APIView):
    @staticmethod
    def _get(request: AuthenticatedRequest, pk: int, outcome_id: int) -> Outcome:
        outcome = outcome_get(access=access_for(request.user), pk=outcome_id)
        if outcome.participation_id != pk:
            raise NotFound()
        return outcome

    @extend_schema(operation_id="outcome_retrieve", tags=TAGS, responses=OutcomeSerializer)
    def get(self, request: AuthenticatedRequest, pk: int, outcome_id: int) -> Response:
        return Response(OutcomeSerializer(self._get(request, pk, outcome_id)).data)

    @extend_schema(
        operation_id="outcome_update",
        tags=TAGS,
        request=OutcomeInputSerializer,
        responses=OutcomeSerializer,
        description=_("Change an outcome; a participant only those they recorded themselves."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int, outcome_id: int) -> Response:
        outcome = self._get(request, pk, outcome_id)
        serializer = OutcomeInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        outcome = services.outcome_update(
            actor=request.user,
            access=access_for(request.user),
            outcome=outcome,
            data=serializer.validated_data,
        )
        return Response(OutcomeSerializer(outcome).data)

    @extend_schema(operation_id="outcome_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int, outcome_id: int) -> Response:
        outcome = self._get(request, pk, outcome_id)
        services.outcome_delete(actor=request.user, access=access_for(request.user), outcome=outcome)
        return Response(status=status.HTTP_204_NO_CONTENT)
