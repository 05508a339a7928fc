"""REST API of events as the organisers set them up: events and series, speakers and questions.

Organisers (the project lead, the organising partner's coordinators, admins) create and change them;
everyone the event is open to reads it; whatever the reader may not see answers 404.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import Pagination, paginated_response, validated_input
from polku.events.models import Event, Question, Speaker
from polku.events.selectors.events import (
    event_get,
    organised_event_get,
    seats_held,
    visible_events,
    with_seats_held,
)
from polku.events.services import events as services
from polku.knowledge.models import EvaluationNote
from polku.projects.models import Partner, WorkPackage

TAGS = ["events"]


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "organisation", "story"]
        read_only_fields = fields


class QuestionSerializer(serializers.ModelSerializer):
    text = serializers.CharField(read_only=True, help_text=_("In the reader's language"))

    class Meta:
        model = Question
        fields = ["id", "kind", "text", "text_fi", "text_sv", "text_en", "required"]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True, help_text=_("In the reader's language"))
    project = serializers.CharField(source="activity.project.code", read_only=True)
    partner = serializers.IntegerField(source="activity.partner_id", read_only=True)
    work_package = serializers.IntegerField(
        source="activity.work_package_id", read_only=True, allow_null=True
    )
    seats_taken = serializers.SerializerMethodField()
    speakers = SpeakerSerializer(many=True, read_only=True)
    room_link = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "activity",
            "series",
            "project",
            "partner",
            "work_package",
            "kind",
            "status",
            "title",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue",
            "online_url",
            "room_link",
            "capacity",
            "seats_taken",
            "registration_opens_at",
            "registration_closes_at",
            "cancellation_hours",
            "offer_hours",
            "reminder_hours",
            "audience",
            "evaluation_note",
            "matchmaking",
            "meeting_tables",
            "max_requests",
            "round_group_size",
            "round_count",
            "round_minutes",
            "round_share_language",
            "speakers",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField())
    def get_seats_taken(self, event: Event) -> int:
        return seats_held(event)

    @extend_schema_field(serializers.CharField())
    def get_room_link(self, event: Event) -> str:
        """The video room is for organisers and those registered (the event's page shows it to them)."""
        return event.room_link if event.is_online and self.context.get("organiser") else ""


class EventInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Event.Kind.choices)
    status = serializers.ChoiceField(choices=Event.Status.choices, default=Event.Status.DRAFT)
    title_fi = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title_sv = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description_fi = serializers.CharField(required=False, allow_blank=True, default="")
    description_sv = serializers.CharField(required=False, allow_blank=True, default="")
    description_en = serializers.CharField(required=False, allow_blank=True, default="")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField(
        max_length=64, default="Europe/Helsinki", help_text=_("An IANA time zone, e.g. Europe/Stockholm")
    )
    venue = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    online_url = serializers.URLField(required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    registration_opens_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    registration_closes_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    cancellation_hours = serializers.IntegerField(min_value=0, max_value=720, default=24)
    offer_hours = serializers.IntegerField(min_value=1, max_value=168, default=24)
    reminder_hours = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=720), required=False, default=[48, 2]
    )
    audience = serializers.ChoiceField(choices=Event.Audience.choices)
    evaluation_note = serializers.PrimaryKeyRelatedField(
        queryset=EvaluationNote.objects.all(), required=False, allow_null=True, default=None
    )
    matchmaking = serializers.BooleanField(required=False, default=False)
    meeting_tables = serializers.IntegerField(min_value=1, max_value=5000, default=10)
    max_requests = serializers.IntegerField(min_value=1, max_value=100, default=10)
    round_group_size = serializers.IntegerField(min_value=2, max_value=12, default=4)
    round_count = serializers.IntegerField(min_value=0, max_value=20, default=0)
    round_minutes = serializers.IntegerField(min_value=2, max_value=120, default=10)
    round_share_language = serializers.BooleanField(required=False, default=False)


class EventCreateSerializer(EventInputSerializer):
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Partner.objects.all(), help_text=_("The organising partner")
    )
    work_package = serializers.PrimaryKeyRelatedField(
        queryset=WorkPackage.objects.all(), required=False, allow_null=True, default=None
    )
    rule = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text=_(
            "A recurrence rule (RFC 5545) to create a series at once, e.g. FREQ=MONTHLY;COUNT=10; "
            "empty for one event."
        ),
    )


class SpeakerInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    story = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class QuestionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Question.Kind.choices)
    text_fi = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    text_sv = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    text_en = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    required = serializers.BooleanField(required=False, default=False)  # type: ignore[assignment]


def _context(request: AuthenticatedRequest, event: Event) -> dict[str, bool]:
    access = access_for(request.user)
    return {"organiser": access.can_manage_event(event.activity.project_id, event.activity.partner_id)}


class EventListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="events_list",
        tags=TAGS,
        responses=EventSerializer(many=True),
        description=_("Events the reader organises and the published events open to them, by start."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = with_seats_held(visible_events(access_for(request.user))).prefetch_related("speakers")
        rows = rows.order_by("starts_at", "pk")
        return paginated_response(request=request, view=self, rows=rows, serializer_class=EventSerializer)

    @extend_schema(
        operation_id="events_create",
        tags=TAGS,
        request=EventCreateSerializer,
        responses={201: EventSerializer(many=True)},
        description=_(
            "The organising partner's coordinator or the project lead. Answers the list of events created "
            "(one, or each occurrence of the series)."
        ),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        data = validated_input(EventCreateSerializer, request)
        partner, work_package, rule = data.pop("partner"), data.pop("work_package"), data.pop("rule")
        if rule:
            events = services.series_create(
                actor=request.user,
                access=access,
                partner=partner,
                rule=rule,
                data=data,
                work_package=work_package,
            )
        else:
            events = [
                services.event_create(access=access, partner=partner, data=data, work_package=work_package)
            ]
        body = EventSerializer(events, many=True, context={"organiser": True}).data
        return Response(body, status=status.HTTP_201_CREATED)


class EventDetailApi(APIView):
    @extend_schema(operation_id="events_retrieve", tags=TAGS, responses=EventSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        event = event_get(access=access_for(request.user), pk=pk)
        return Response(EventSerializer(event, context=_context(request, event)).data)

    @extend_schema(
        operation_id="events_update",
        tags=TAGS,
        request=EventInputSerializer,
        responses=EventSerializer,
        description=_("Organisers. Setting the status to cancelled cancels the event."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        data = validated_input(EventInputSerializer, request, partial=True)
        event = services.event_update(access=access, event=event, data=data)
        return Response(EventSerializer(event, context={"organiser": True}).data)

    @extend_schema(
        operation_id="events_delete",
        tags=TAGS,
        responses={204: None},
        description=_("Organisers: removes a draft nobody registered for; cancel a published event instead."),
    )
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        services.event_delete(access=access, event=organised_event_get(access=access, pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SpeakerListApi(APIView):
    @extend_schema(operation_id="events_speaker_list", tags=TAGS, responses=SpeakerSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        event = event_get(access=access_for(request.user), pk=pk)
        return Response(SpeakerSerializer(event.speakers.all(), many=True).data)

    @extend_schema(
        operation_id="events_speaker_create",
        tags=TAGS,
        request=SpeakerInputSerializer,
        responses={201: SpeakerSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        speaker = services.speaker_save(
            access=access, event=event, data=validated_input(SpeakerInputSerializer, request)
        )
        return Response(SpeakerSerializer(speaker).data, status=status.HTTP_201_CREATED)


class SpeakerDetailApi(APIView):
    @extend_schema(
        operation_id="events_speaker_update",
        tags=TAGS,
        request=SpeakerInputSerializer,
        responses=SpeakerSerializer,
    )
    def put(self, request: AuthenticatedRequest, pk: int, speaker_pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        speaker = get_object_or_404(event.speakers, pk=speaker_pk)
        speaker = services.speaker_save(
            access=access, event=event, speaker=speaker, data=validated_input(SpeakerInputSerializer, request)
        )
        return Response(SpeakerSerializer(speaker).data)

    @extend_schema(operation_id="events_speaker_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int, speaker_pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        services.speaker_delete(access=access, speaker=get_object_or_404(event.speakers, pk=speaker_pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class QuestionListApi(APIView):
    @extend_schema(operation_id="events_question_list", tags=TAGS, responses=QuestionSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        event = event_get(access=access_for(request.user), pk=pk)
        return Response(QuestionSerializer(event.questions.all(), many=True).data)

    @extend_schema(
        operation_id="events_question_create",
        tags=TAGS,
        request=QuestionInputSerializer,
        responses={201: QuestionSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        question = services.question_save(
            access=access, event=event, data=validated_input(QuestionInputSerializer, request)
        )
        return Response(QuestionSerializer(question).data, status=status.HTTP_201_CREATED)


class QuestionDetailApi(APIView):
    @extend_schema(operation_id="events_question_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int, question_pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        services.question_delete(access=access, question=get_object_or_404(event.questions, pk=question_pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
