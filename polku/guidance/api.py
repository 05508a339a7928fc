"""REST API of individual guidance, with the pages' access: a participation's sessions and their next steps
for the coordinators of its partner (others get 404); reading a session's private notes is audited; the
participant reads and ticks their own next steps (never the notes); a project's counts for those who see
its counts."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.guidance import services
from polku.guidance.models import MAX_DURATION, Channel, GuidanceSession, Kind, NextStep, Topic
from polku.guidance.selectors import (
    guided_participation,
    person_next_steps,
    project_guidance_counts,
    session_get,
    session_list,
    session_read,
    step_for_marking,
    step_get,
)
from polku.projects.selectors import project_get

TAGS = ["guidance"]


class NextStepSerializer(serializers.ModelSerializer):
    done = serializers.BooleanField(source="is_done", read_only=True)

    class Meta:
        model = NextStep
        fields = ["id", "session", "text", "due_on", "owner", "done", "done_at"]
        read_only_fields = fields


class GuidanceSessionListSerializer(serializers.ModelSerializer):
    """A session's facts, without the private notes."""

    staff_name = serializers.CharField(
        source="staff.full_name", read_only=True, allow_null=True, default=None
    )
    open_steps = serializers.IntegerField(read_only=True, help_text=_("Next steps not done yet"))

    class Meta:
        model = GuidanceSession
        fields = [
            "id",
            "participation",
            "held_on",
            "starts_at",
            "duration_minutes",
            "channel",
            "kind",
            "topics",
            "other_topics",
            "staff_name",
            "open_steps",
        ]
        read_only_fields = fields


class GuidanceSessionSerializer(serializers.ModelSerializer):
    """A session with its private notes and next steps."""

    staff_name = serializers.CharField(
        source="staff.full_name", read_only=True, allow_null=True, default=None
    )
    topics = serializers.ListField(child=serializers.ChoiceField(choices=Topic.choices), read_only=True)
    next_steps = NextStepSerializer(many=True, read_only=True)

    class Meta:
        model = GuidanceSession
        fields = [
            "id",
            "participation",
            "held_on",
            "starts_at",
            "duration_minutes",
            "channel",
            "kind",
            "topics",
            "other_topics",
            "notes",
            "staff_name",
            "next_steps",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class GuidanceSessionInputSerializer(serializers.Serializer):
    held_on = serializers.DateField(help_text=_("The day the session was held; not in the future"))
    starts_at = serializers.TimeField(required=False, allow_null=True, default=None)
    duration_minutes = serializers.IntegerField(help_text=_("From 1 to %(max)s") % {"max": MAX_DURATION})
    channel = serializers.ChoiceField(choices=Channel.choices)
    kind = serializers.ChoiceField(choices=Kind.choices)
    topics = serializers.ListField(child=serializers.ChoiceField(choices=Topic.choices), required=False)
    other_topics = serializers.CharField(max_length=300, required=False, allow_blank=True)
    notes = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_("Private: read only by the coordinators of the participant's partner, each read audited"),
    )


class NextStepInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=300, allow_blank=True)
    due_on = serializers.DateField(help_text=_("On or after the session's date"))
    owner = serializers.ChoiceField(choices=NextStep.Owner.choices)


class NextStepUpdateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=300, allow_blank=True, required=False)
    due_on = serializers.DateField(required=False)
    owner = serializers.ChoiceField(choices=NextStep.Owner.choices, required=False)
    done = serializers.BooleanField(required=False)


class MyNextStepSerializer(serializers.ModelSerializer):
    """A next step as the participant sees it: what, who, when, and the session's kind and date."""

    done = serializers.BooleanField(source="is_done", read_only=True)
    session_date = serializers.DateField(source="session.held_on", read_only=True)
    session_kind = serializers.ChoiceField(source="session.kind", choices=Kind.choices, read_only=True)
    project_name = serializers.CharField(source="session.participation.project.name", read_only=True)

    class Meta:
        model = NextStep
        fields = [
            "id",
            "text",
            "due_on",
            "owner",
            "done",
            "done_at",
            "session_date",
            "session_kind",
            "project_name",
        ]
        read_only_fields = fields


class NextStepDoneInputSerializer(serializers.Serializer):
    done = serializers.BooleanField()


class GuidanceKindCountSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    sessions = serializers.IntegerField()
    minutes = serializers.IntegerField()


class ProjectGuidanceSerializer(serializers.Serializer):
    sessions = serializers.IntegerField()
    people = serializers.IntegerField(help_text=_("Different people met"))
    kinds = GuidanceKindCountSerializer(many=True)


# --- sessions -------------------------------------------------------------------------------------


class GuidanceSessionListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="guidance_session_list",
        tags=TAGS,
        responses=GuidanceSessionListSerializer(many=True),
        description=_(
            "A participation's guidance sessions, latest first, without the private notes: the coordinators "
            "of its partner."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = guided_participation(access=access, pk=pk)
        rows = session_list(access=access, participation=participation)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=GuidanceSessionListSerializer
        )

    @extend_schema(
        operation_id="guidance_session_create",
        tags=TAGS,
        request=GuidanceSessionInputSerializer,
        responses={201: GuidanceSessionSerializer},
        description=_(
            "Record a session held with the participant (add next steps with their own route). The date "
            "may not be in the future; the duration is 1–600 minutes."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        participation = guided_participation(access=access, pk=pk)
        data = validated_input(GuidanceSessionInputSerializer, request)
        session = services.session_create(
            actor=request.user, access=access, participation=participation, data=data
        )
        return Response(GuidanceSessionSerializer(session).data, status=status.HTTP_201_CREATED)


class GuidanceSessionDetailApi(APIView):
    @extend_schema(
        operation_id="guidance_session_retrieve",
        tags=TAGS,
        responses=GuidanceSessionSerializer,
        description=_(
            "A session with its private notes and next steps; the read is written to the audit log."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        session = session_read(access=access_for(request.user), actor=request.user, pk=pk)
        return Response(GuidanceSessionSerializer(session).data)

    @extend_schema(
        operation_id="guidance_session_update",
        tags=TAGS,
        request=GuidanceSessionInputSerializer(partial=True),
        responses=GuidanceSessionSerializer,
        description=_("Change a session's facts or notes."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        session = session_get(access=access, pk=pk)
        data = validated_input(GuidanceSessionInputSerializer, request, partial=True)
        session = services.session_update(actor=request.user, access=access, session=session, data=data)
        return Response(GuidanceSessionSerializer(session).data)

    @extend_schema(
        operation_id="guidance_session_delete",
        tags=TAGS,
        responses={204: None},
        description=_("Remove a session recorded by mistake, with its next steps."),
    )
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        services.session_delete(actor=request.user, access=access, session=session_get(access=access, pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- next steps -----------------------------------------------------------------------------------


class NextStepCreateApi(APIView):
    @extend_schema(
        operation_id="guidance_next_step_create",
        tags=TAGS,
        request=NextStepInputSerializer,
        responses={201: NextStepSerializer},
        description=_("Add a next step agreed in the session, due on or after its date."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        session = session_get(access=access, pk=pk)
        data = validated_input(NextStepInputSerializer, request)
        step = services.next_step_add(actor=request.user, access=access, session=session, data=data)
        return Response(NextStepSerializer(step).data, status=status.HTTP_201_CREATED)


class NextStepDetailApi(APIView):
    @extend_schema(operation_id="guidance_next_step_retrieve", tags=TAGS, responses=NextStepSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        return Response(NextStepSerializer(step_get(access=access_for(request.user), pk=pk)).data)

    @extend_schema(
        operation_id="guidance_next_step_update",
        tags=TAGS,
        request=NextStepUpdateSerializer,
        responses=NextStepSerializer,
        description=_("Change what was agreed, its due date or who does it; `done` ticks it done or not."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        step = step_get(access=access, pk=pk)
        data = validated_input(NextStepUpdateSerializer, request)
        done = data.pop("done", None)
        step = services.next_step_update(actor=request.user, access=access, step=step, data=data)
        if done is not None:
            step = services.next_step_set_done(actor=request.user, access=access, step=step, done=done)
        return Response(NextStepSerializer(step).data)

    @extend_schema(operation_id="guidance_next_step_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        services.next_step_delete(actor=request.user, access=access, step=step_get(access=access, pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- the participant's own next steps -------------------------------------------------------------


class MyNextStepListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="my_next_step_list",
        tags=TAGS,
        responses=MyNextStepSerializer(many=True),
        description=_(
            "The next steps agreed with the signed-in participant, open ones first (never the notes)."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        if access.person_id is None:
            raise AccessDenied(gettext("Only participants have next steps of their own."))
        rows = person_next_steps(person=request.user.person)
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=MyNextStepSerializer
        )


class MyNextStepDoneApi(APIView):
    @extend_schema(
        operation_id="my_next_step_done",
        tags=TAGS,
        request=NextStepDoneInputSerializer,
        responses=MyNextStepSerializer,
        description=_("Tick one of the participant's own next steps done (or not done)."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        step = step_for_marking(access=access, pk=pk)
        if not access.is_own_person(step.session.participation.person_id):
            # this route is the participant's own; staff tick steps through next-steps/<id>/
            raise AccessDenied(gettext("Only participants have next steps of their own."))
        data = validated_input(NextStepDoneInputSerializer, request)
        step = services.next_step_set_done(actor=request.user, access=access, step=step, done=data["done"])
        return Response(MyNextStepSerializer(step).data)


# --- counts ---------------------------------------------------------------------------------------


class ProjectGuidanceApi(APIView):
    @extend_schema(
        operation_id="guidance_counts",
        tags=TAGS,
        responses=ProjectGuidanceSerializer,
        description=_(
            "The project's guidance sessions by kind and the different people met: counts only, for its "
            "coordinators, lead, evaluators and admins."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access = access_for(request.user)
        project = project_get(access=access, code=code)
        counts = project_guidance_counts(access=access, project=project)
        if counts is None:
            raise AccessDenied(gettext("Only the project's staff see its guidance counts."))
        return Response(ProjectGuidanceSerializer(counts).data)
