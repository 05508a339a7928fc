"""REST API of 1:1 meetings and networking rounds: the same operations as the pages.

Attendees (a confirmed registration) manage their meeting profile, read suggestions with reasons, send and
answer requests, block, and read their agenda, whom they met and the live state of the rounds. Organisers
manage slots, settings, must-meet meetings, the scheduler, publishing, cancellation, attendance and the
rounds. An event the reader may not see answers 404; one they see but may not act on, 403.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import FileNegotiation, file_response, validated_input
from polku.events.agenda import agenda_calendar, agenda_filename
from polku.events.models import (
    Event,
    Intent,
    MatchProfile,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    Registration,
)
from polku.events.selectors import meetings as selectors
from polku.events.selectors import rounds as round_selectors
from polku.events.selectors.events import event_get, organised_event_get
from polku.events.services import meetings as services
from polku.events.services import rounds as round_services

TAGS = ["event meetings"]
INTENT_HELP = ", ".join(Intent.values)
ROUND_TAGS = ["event rounds"]

# --- output -------------------------------------------------------------------------------------


class EventPersonSerializer(serializers.Serializer):
    registration = serializers.IntegerField(source="pk")
    name = serializers.CharField()


class EventSlotSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingSlot
        fields = ["id", "starts_at", "ends_at"]
        read_only_fields = fields


class EventProfileSerializer(serializers.ModelSerializer):
    available: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = MatchProfile
        fields = ["looking_for", "offering", "industries", "introduction", "available"]
        read_only_fields = fields


class EventSuggestionSerializer(serializers.Serializer):
    registration = serializers.IntegerField(source="registration.pk")
    name = serializers.CharField()
    introduction = serializers.CharField(source="profile.introduction")
    looking_for = serializers.ListField(child=serializers.CharField(), source="profile.looking_for")
    offering = serializers.ListField(child=serializers.CharField(), source="profile.offering")
    score = serializers.FloatField(help_text=_("The matching engine's explained score, 0 to 1"))
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text=_("Why, in the reader's language")
    )
    breakdown = serializers.ListField(child=serializers.DictField())


class EventRequestSerializer(serializers.ModelSerializer):
    sender_name = serializers.CharField(source="sender.name", read_only=True)
    recipient_name = serializers.CharField(source="recipient.name", read_only=True)

    class Meta:
        model = MeetingRequest
        fields = [
            "id",
            "event",
            "sender",
            "sender_name",
            "recipient",
            "recipient_name",
            "message",
            "status",
            "created_at",
        ]
        read_only_fields = fields


class EventRequestsSerializer(serializers.Serializer):
    incoming = EventRequestSerializer(many=True)
    outgoing = EventRequestSerializer(many=True)


class EventAgendaSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(source="meeting.pk")
    starts_at = serializers.DateTimeField(source="meeting.slot.starts_at")
    ends_at = serializers.DateTimeField(source="meeting.slot.ends_at")
    table = serializers.IntegerField(source="meeting.table")
    others = serializers.ListField(child=serializers.CharField())


class EventMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="meeting.pk")
    status = serializers.CharField(source="meeting.status")
    priority = serializers.IntegerField(source="meeting.priority")
    slot = serializers.IntegerField(source="meeting.slot_id", allow_null=True)
    table = serializers.IntegerField(source="meeting.table", allow_null=True)
    members = serializers.SerializerMethodField()
    reason = serializers.CharField(
        help_text=_("Why the scheduler could not place it, in the reader's language")
    )

    def get_members(self, row: Any) -> list[dict[str, Any]]:
        return [
            {"registration": m.registration_id, "name": m.registration.name, "attended": m.attended}
            for m in row.members
        ]


class EventScheduleSerializer(serializers.Serializer):
    placed = serializers.IntegerField()
    unplaced = serializers.IntegerField()
    total_priority = serializers.IntegerField()
    upper_bound = serializers.IntegerField()


class EventCountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


class EventRoundNumberSerializer(serializers.Serializer):
    round = serializers.IntegerField()


class EventRoomSerializer(serializers.Serializer):
    room = serializers.IntegerField(source="group.room")
    published = serializers.BooleanField(source="group.published")
    link = serializers.CharField()
    members = EventPersonSerializer(many=True)


class EventRoundSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    rooms = EventRoomSerializer(many=True)


class EventRoundsSerializer(serializers.Serializer):
    current_round = serializers.IntegerField()
    round_count = serializers.IntegerField()
    rounds = EventRoundSerializer(many=True)
    unplaced = EventPersonSerializer(many=True)


class EventLiveSerializer(serializers.Serializer):
    current = serializers.IntegerField()
    total = serializers.IntegerField()
    room = serializers.IntegerField(allow_null=True)
    others = serializers.ListField(child=serializers.CharField())
    link = serializers.CharField()
    finished = serializers.BooleanField()


class EventPlanSerializer(serializers.Serializer):
    repeats = serializers.IntegerField(help_text=_("Pairs who meet again (0 unless unavoidable)"))


# --- input --------------------------------------------------------------------------------------


class EventProfileInputSerializer(serializers.Serializer):
    looking_for = serializers.ListField(
        child=serializers.CharField(max_length=20), default=list, help_text=INTENT_HELP
    )
    offering = serializers.ListField(
        child=serializers.CharField(max_length=20), default=list, help_text=INTENT_HELP
    )
    industries = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    introduction = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    available = serializers.ListField(child=serializers.IntegerField(min_value=1), default=list)


class EventRequestInputSerializer(serializers.Serializer):
    recipient = serializers.IntegerField(min_value=1, help_text=_("The other attendee's registration"))
    message = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class EventAnswerInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=[("accept", "accept"), ("decline", "decline"), ("withdraw", "withdraw")]
    )


class EventRegistrationInputSerializer(serializers.Serializer):
    registration = serializers.IntegerField(min_value=1)


class EventSlotInputSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class EventGenerateInputSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    minutes = serializers.IntegerField(min_value=5, max_value=240)
    gap_minutes = serializers.IntegerField(min_value=0, max_value=120, default=0)


class EventSettingsInputSerializer(serializers.Serializer):
    matchmaking = serializers.BooleanField()
    meeting_tables = serializers.IntegerField(min_value=1, max_value=1000, required=False)
    max_requests = serializers.IntegerField(min_value=1, max_value=100, required=False)


class EventMustMeetInputSerializer(serializers.Serializer):
    registrations = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1)
    priority = serializers.IntegerField(min_value=1, max_value=3, default=3)


class EventMeetingAttendanceInputSerializer(serializers.Serializer):
    registration = serializers.IntegerField(min_value=1)
    attended = serializers.BooleanField(allow_null=True)


class EventMoveInputSerializer(serializers.Serializer):
    round_number = serializers.IntegerField(min_value=1)
    registration = serializers.IntegerField(min_value=1)
    room = serializers.IntegerField(min_value=1)


def _attendee_event(request: AuthenticatedRequest, pk: int) -> tuple[Any, Event, Registration]:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    return access, event, selectors.require_own_registration(access=access, event=event)


# --- attendees ----------------------------------------------------------------------------------


class ProfileApi(APIView):
    @extend_schema(operation_id="events_match_profile_retrieve", tags=TAGS, responses=EventProfileSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, _event, registration = _attendee_event(request, pk)
        profile = get_object_or_404(MatchProfile, registration=registration)
        return Response(EventProfileSerializer(profile).data)

    @extend_schema(
        operation_id="events_match_profile_save",
        tags=TAGS,
        request=EventProfileInputSerializer,
        responses=EventProfileSerializer,
        description=_("Opt in to 1:1 meetings at the event, or change one's profile."),
    )
    def put(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, event, _registration = _attendee_event(request, pk)
        profile = services.profile_save(
            access=access, event=event, data=validated_input(EventProfileInputSerializer, request)
        )
        return Response(EventProfileSerializer(profile).data)

    @extend_schema(operation_id="events_match_profile_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, event, _registration = _attendee_event(request, pk)
        services.profile_delete(access=access, event=event)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SuggestionsApi(APIView):
    @extend_schema(
        operation_id="events_suggestions",
        tags=TAGS,
        responses=EventSuggestionSerializer(many=True),
        description=_("Other attendees who opted in, best first, with the reasons."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, _event, registration = _attendee_event(request, pk)
        return Response(
            EventSuggestionSerializer(selectors.suggestions(registration=registration), many=True).data
        )


class RequestsApi(APIView):
    @extend_schema(operation_id="events_requests", tags=TAGS, responses=EventRequestsSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, _event, registration = _attendee_event(request, pk)
        incoming, outgoing = selectors.requests_of(registration)
        return Response(EventRequestsSerializer({"incoming": incoming, "outgoing": outgoing}).data)

    @extend_schema(
        operation_id="events_request_send",
        tags=TAGS,
        request=EventRequestInputSerializer,
        responses={201: EventRequestSerializer},
        description=_(
            "Refused with the reason when the other person declined, blocked or did not opt in, or the limit is reached."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, event, _registration = _attendee_event(request, pk)
        data = validated_input(EventRequestInputSerializer, request)
        recipient = selectors.attendee_get(event=event, pk=data["recipient"])
        sent = services.request_send(access=access, event=event, recipient=recipient, message=data["message"])
        return Response(EventRequestSerializer(sent).data, status=status.HTTP_201_CREATED)


class RequestAnswerApi(APIView):
    @extend_schema(
        operation_id="events_request_answer",
        tags=TAGS,
        request=EventAnswerInputSerializer,
        responses=EventRequestSerializer,
        description=_("The recipient accepts or declines; the sender withdraws."),
    )
    def post(self, request: AuthenticatedRequest, request_pk: int) -> Response:
        access = access_for(request.user)
        meeting_request = selectors.request_get_own(access=access, pk=request_pk)
        action = validated_input(EventAnswerInputSerializer, request)["action"]
        if action == "withdraw":
            answered = services.request_withdraw(access=access, request=meeting_request)
        else:
            answered = services.request_answer(
                access=access, request=meeting_request, accept=action == "accept"
            )
        return Response(EventRequestSerializer(answered).data)


class BlockApi(APIView):
    @extend_schema(
        operation_id="events_block",
        tags=TAGS,
        request=EventRegistrationInputSerializer,
        responses={201: None},
        description=_("Never be suggested to or asked by this attendee."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, event, _registration = _attendee_event(request, pk)
        blocked = selectors.attendee_get(
            event=event, pk=validated_input(EventRegistrationInputSerializer, request)["registration"]
        )
        services.block(access=access, event=event, blocked=blocked)
        return Response(status=status.HTTP_201_CREATED)


class AgendaApi(APIView):
    @extend_schema(operation_id="events_agenda", tags=TAGS, responses=EventAgendaSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, _event, registration = _attendee_event(request, pk)
        return Response(EventAgendaSerializer(selectors.agenda(registration), many=True).data)


class AgendaIcsApi(APIView):
    content_negotiation_class = FileNegotiation

    @extend_schema(
        operation_id="events_agenda_ics",
        tags=TAGS,
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY, description=_("An iCalendar file"))
        },
        description=_(
            "One's own 1:1 meetings at the event as an iCalendar file (what the agenda page offers)."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> HttpResponse:
        _access, _event, registration = _attendee_event(request, pk)
        return file_response(
            agenda_calendar(registration),
            filename=agenda_filename(registration),
            content_type="text/calendar; charset=utf-8",
        )


class LiveApi(APIView):
    @extend_schema(operation_id="events_live", tags=ROUND_TAGS, responses=EventLiveSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        _access, _event, registration = _attendee_event(request, pk)
        return Response(EventLiveSerializer(round_selectors.live(registration)).data)


# --- organisers ---------------------------------------------------------------------------------


class SlotsApi(APIView):
    @extend_schema(
        operation_id="events_meeting_slot_list", tags=TAGS, responses=EventSlotSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        event = event_get(access=access_for(request.user), pk=pk)
        return Response(EventSlotSerializer(event.meeting_slots.all(), many=True).data)

    @extend_schema(
        operation_id="events_meeting_slot_create",
        tags=TAGS,
        request=EventSlotInputSerializer,
        responses={201: EventSlotSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        slot = services.slot_add(
            access=access, event=event, **validated_input(EventSlotInputSerializer, request)
        )
        return Response(EventSlotSerializer(slot).data, status=status.HTTP_201_CREATED)


class SlotsGenerateApi(APIView):
    @extend_schema(
        operation_id="events_meeting_slot_generate",
        tags=TAGS,
        request=EventGenerateInputSerializer,
        responses={201: EventSlotSerializer(many=True)},
        description=_("A run of slots; refused as a whole when one would overlap."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        slots = services.slots_generate(
            access=access, event=event, **validated_input(EventGenerateInputSerializer, request)
        )
        return Response(EventSlotSerializer(slots, many=True).data, status=status.HTTP_201_CREATED)


class SlotDetailApi(APIView):
    @extend_schema(operation_id="events_meeting_slot_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int, slot_pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        services.slot_remove(access=access, slot=get_object_or_404(MeetingSlot, pk=slot_pk, event=event))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SettingsApi(APIView):
    @extend_schema(
        operation_id="events_matchmaking_update",
        tags=TAGS,
        request=EventSettingsInputSerializer,
        responses=EventSettingsInputSerializer,
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        data = validated_input(EventSettingsInputSerializer, request)
        event = services.matchmaking_set(
            access=access,
            event=event,
            enabled=data["matchmaking"],
            tables=data.get("meeting_tables"),
            max_requests=data.get("max_requests"),
        )
        return Response(
            {
                "matchmaking": event.matchmaking,
                "meeting_tables": event.meeting_tables,
                "max_requests": event.max_requests,
            }
        )


class MeetingsApi(APIView):
    @extend_schema(
        operation_id="events_meeting_list",
        tags=TAGS,
        responses=EventMeetingSerializer(many=True),
        description=_("Every meeting of the event, with the reason of those not placed."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        event = organised_event_get(access=access_for(request.user), pk=pk)
        return Response(EventMeetingSerializer(selectors.event_meetings(event), many=True).data)

    @extend_schema(
        operation_id="events_must_meet_create",
        tags=TAGS,
        request=EventMustMeetInputSerializer,
        responses={201: EventMeetingSerializer},
        description=_("A meeting the organiser sets, of 2 to 4 registered people (priority 3: must meet)."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        data = validated_input(EventMustMeetInputSerializer, request)
        meeting = services.must_meet_create(
            access=access, event=event, registration_ids=data["registrations"], priority=data["priority"]
        )
        row = next(r for r in selectors.event_meetings(event) if r.meeting.pk == meeting.pk)
        return Response(EventMeetingSerializer(row).data, status=status.HTTP_201_CREATED)


class ScheduleApi(APIView):
    @extend_schema(
        operation_id="events_schedule_run",
        tags=TAGS,
        request=None,
        responses=EventScheduleSerializer,
        description=_("Place the meetings; published ones stay where they are."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        result = services.schedule_run(access=access, event=event)
        return Response(
            {
                "placed": len(result.placed),
                "unplaced": len(result.unplaced),
                "total_priority": result.total_priority,
                "upper_bound": result.upper_bound,
            }
        )


class PublishApi(APIView):
    @extend_schema(
        operation_id="events_schedule_publish", tags=TAGS, request=None, responses=EventCountSerializer
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        return Response({"count": services.schedule_publish(access=access, event=event)})


def _meeting_of_organiser(request: AuthenticatedRequest, meeting_pk: int) -> tuple[Any, Meeting]:
    access = access_for(request.user)
    meeting = get_object_or_404(Meeting.objects.select_related("event__activity"), pk=meeting_pk)
    event_get(access=access, pk=meeting.event_id)
    return access, meeting


class MeetingCancelApi(APIView):
    @extend_schema(
        operation_id="events_meeting_cancel",
        tags=TAGS,
        request=None,
        responses={204: None},
        description=_("The organiser or a member; the place is free for the next run."),
    )
    def post(self, request: AuthenticatedRequest, meeting_pk: int) -> Response:
        access, meeting = _meeting_of_organiser(request, meeting_pk)
        services.meeting_cancel(access=access, meeting=meeting)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeetingAttendanceApi(APIView):
    @extend_schema(
        operation_id="events_meeting_attendance",
        tags=TAGS,
        request=EventMeetingAttendanceInputSerializer,
        responses={204: None},
        description=_("Record whether a member came (false: a no-show)."),
    )
    def post(self, request: AuthenticatedRequest, meeting_pk: int) -> Response:
        access, meeting = _meeting_of_organiser(request, meeting_pk)
        event = organised_event_get(access=access, pk=meeting.event_id)
        data = validated_input(EventMeetingAttendanceInputSerializer, request)
        member = selectors.attendee_get(event=event, pk=data["registration"])
        services.attendance_set(
            access=access, meeting=meeting, registration=member, attended=data["attended"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- rounds -------------------------------------------------------------------------------------


class RoundsApi(APIView):
    @extend_schema(operation_id="events_round_list", tags=ROUND_TAGS, responses=EventRoundsSerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        event = organised_event_get(access=access_for(request.user), pk=pk)
        return Response(
            EventRoundsSerializer(
                {
                    "current_round": event.current_round,
                    "round_count": event.round_count,
                    "rounds": round_selectors.rounds_of(event),
                    "unplaced": round_selectors.unplaced_people(event),
                }
            ).data
        )


class RoundsPlanApi(APIView):
    @extend_schema(
        operation_id="events_rounds_plan",
        tags=ROUND_TAGS,
        request=None,
        responses=EventPlanSerializer,
        description=_("Plan every round not yet published, with the published ones kept."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        return Response({"repeats": round_services.rounds_plan(access=access, event=event)})


class RoundPublishApi(APIView):
    @extend_schema(
        operation_id="events_round_publish",
        tags=ROUND_TAGS,
        request=None,
        responses=EventRoundNumberSerializer,
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        return Response({"round": round_services.round_publish(access=access, event=event)})


class RoundNextApi(APIView):
    @extend_schema(
        operation_id="events_round_next", tags=ROUND_TAGS, request=None, responses=EventRoundNumberSerializer
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        return Response({"round": round_services.round_start_next(access=access, event=event)})


class RoundsEndApi(APIView):
    @extend_schema(operation_id="events_rounds_end", tags=ROUND_TAGS, request=None, responses={204: None})
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        round_services.rounds_end(access=access, event=event)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RoundMoveApi(APIView):
    @extend_schema(
        operation_id="events_round_move",
        tags=ROUND_TAGS,
        request=EventMoveInputSerializer,
        responses={204: None},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        data = validated_input(EventMoveInputSerializer, request)
        person = selectors.attendee_get(event=event, pk=data["registration"])
        round_services.person_move(
            access=access,
            event=event,
            round_number=data["round_number"],
            registration=person,
            room=data["room"],
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class RoundLateApi(APIView):
    @extend_schema(
        operation_id="events_round_late_joiner",
        tags=ROUND_TAGS,
        request=EventRegistrationInputSerializer,
        responses=EventPlanSerializer,
        description=_("Place a late joiner: into the running round, then the open rounds are re-planned."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        person = selectors.attendee_get(
            event=event, pk=validated_input(EventRegistrationInputSerializer, request)["registration"]
        )
        return Response(
            {"repeats": round_services.late_joiner_add(access=access, event=event, registration=person)}
        )
