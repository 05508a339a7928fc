"""REST API of event registrations: register (oneself, a participant of one's own partner, a guest through
the public link), the registrations of an event, cancel, answer an offer, check-in by code and self
check-in, attendance and no-shows, one's own registrations, calendar files and the calendar feed address.

The rules are the services' (polku.events.services.registrations); what the reader may not see answers 404,
what they see but may not do 403.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.consent.services import notice_current
from polku.core.api import FileNegotiation, Pagination, file_response, paginated_response, validated_input
from polku.core.errors import AccessDenied
from polku.events.calendar import event_calendar, event_filename, registration_calendar
from polku.events.certificates import certificate_filename, certificate_pdf
from polku.events.models import Registration
from polku.events.qr import check_in_url
from polku.events.selectors import registrations as selectors
from polku.events.selectors.events import event_get, organised_event_get, public_event_get
from polku.events.services import registrations as services
from polku.participants.models import Participation

TAGS = ["event registrations"]

# --- output -------------------------------------------------------------------------------------


class EventRegistrationSerializer(serializers.ModelSerializer):
    """A registration as the organisers (or the participant's coordinator) see it."""

    name = serializers.CharField(read_only=True)
    holder = serializers.SerializerMethodField(help_text=_("participant, staff or guest"))
    position = serializers.SerializerMethodField(help_text=_("Place on the waitlist (1 = next)"))

    class Meta:
        model = Registration
        fields = [
            "id",
            "event",
            "name",
            "holder",
            "status",
            "position",
            "offer_expires_at",
            "attendance",
            "checked_in_at",
            "cancelled_at",
            "late_cancellation",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["participant", "staff", "guest"]))
    def get_holder(self, registration: Registration) -> str:
        if registration.participation_id:
            return "participant"
        return "staff" if registration.user_id else "guest"

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_position(self, registration: Registration) -> int | None:
        positions = self.context.get("positions")
        if positions is not None:
            return positions.get(registration.pk)
        return selectors.waitlist_position(registration)


class OwnEventRegistrationSerializer(EventRegistrationSerializer):
    """One's own registration, with its code and the check-in address the QR code holds."""

    title = serializers.CharField(source="event.title", read_only=True)
    starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)
    ends_at = serializers.DateTimeField(source="event.ends_at", read_only=True)
    check_in_url = serializers.SerializerMethodField()

    class Meta(EventRegistrationSerializer.Meta):
        fields = [
            *EventRegistrationSerializer.Meta.fields,
            "title",
            "starts_at",
            "ends_at",
            "code",
            "check_in_url",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_check_in_url(self, registration: Registration) -> str:
        return check_in_url(registration)


class EventAnswerSerializer(serializers.Serializer):
    question = serializers.CharField()
    text = serializers.CharField()


class CalendarFeedSerializer(serializers.Serializer):
    url = serializers.URLField(help_text=_("The secret address of the person's calendar feed"))


# --- input --------------------------------------------------------------------------------------

ANSWERS = serializers.DictField(
    child=serializers.CharField(allow_blank=True, max_length=1000),
    required=False,
    default=dict,
    help_text=_("Answers to the event's questions by question id"),
)


class EventRegisterInputSerializer(serializers.Serializer):
    answers = ANSWERS


class EventParticipantInputSerializer(serializers.Serializer):
    participation = serializers.IntegerField(min_value=1)
    answers = ANSWERS


class EventGuestInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, allow_blank=True)
    email = serializers.CharField(max_length=254, allow_blank=True)
    language = serializers.ChoiceField(choices=["fi", "sv", "en"], default="en")
    privacy_notice = serializers.BooleanField(
        default=False, help_text=_("The guest has read the project's privacy notice in their language")
    )
    answers = ANSWERS


class SeatOfferInputSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "decline"])


class CheckInCodeInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=500, allow_blank=True)


class EventAttendanceInputSerializer(serializers.Serializer):
    attendance = serializers.ChoiceField(choices=Registration.Attendance.choices)


class NoShowCountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


ICS = {(200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY, description=_("An iCalendar file"))}


# --- registering --------------------------------------------------------------------------------


class RegistrationListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="events_registration_list",
        tags=TAGS,
        responses=EventRegistrationSerializer(many=True),
        description=_(
            "Every registration of the event for its organisers; a coordinator of another partner sees their "
            "own participants only."
        ),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = selectors.event_for_registrations(access=access, pk=pk)
        rows = selectors.event_registrations(access=access, event=event)
        paginator = Pagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        context = {"positions": selectors.waitlist_positions(event)}
        return paginator.get_paginated_response(
            EventRegistrationSerializer(page, many=True, context=context).data
        )

    @extend_schema(
        operation_id="events_registration_create",
        tags=TAGS,
        request=EventParticipantInputSerializer,
        responses={201: EventRegistrationSerializer},
        description=_("A coordinator registers a participant of their own partner (a seat or the waitlist)."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = selectors.event_for_registrations(access=access, pk=pk)
        data = validated_input(EventParticipantInputSerializer, request)
        participation = (
            Participation.objects.filter(access.participation_filter())
            .filter(pk=data["participation"])
            .first()
        )
        if participation is None:
            raise AccessDenied(_("You can register only your own partner's participants."))
        registration = services.register_participant(
            actor=request.user,
            access=access,
            event=event,
            participation=participation,
            answers=data["answers"],
        )
        return Response(EventRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class RegisterApi(APIView):
    @extend_schema(
        operation_id="events_register",
        tags=TAGS,
        request=EventRegisterInputSerializer,
        responses={201: OwnEventRegistrationSerializer},
        description=_("Register oneself: a participant the event is for, or staff for a staff event."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = event_get(access=access, pk=pk)
        data = validated_input(EventRegisterInputSerializer, request)
        registration = services.register_self(
            actor=request.user, access=access, event=event, answers=data["answers"]
        )
        return Response(OwnEventRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class GuestRegisterApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        operation_id="events_guest_register",
        tags=TAGS,
        request=EventGuestInputSerializer,
        responses={201: OwnEventRegistrationSerializer},
        description=_(
            "A guest registers for a public event through its link, with a name, an e-mail and the "
            "confirmation that they read the project's privacy notice in their language."
        ),
    )
    def post(self, request: Request, token: str) -> Response:
        event = public_event_get(token)
        data = validated_input(EventGuestInputSerializer, request)
        registration = services.register_guest(
            event=event,
            name=data["name"],
            email=data["email"],
            notice=notice_current(project_id=event.activity.project_id, language=data["language"]),
            notice_acknowledged=data["privacy_notice"],
            answers=data["answers"],
        )
        return Response(OwnEventRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class MyRegistrationsApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="events_my_registrations",
        tags=TAGS,
        responses=OwnEventRegistrationSerializer(many=True),
        description=_("One's own registrations, with the waitlist place and the check-in code."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        rows = selectors.my_registrations(access=access_for(request.user))
        return paginated_response(
            request=request, view=self, rows=rows, serializer_class=OwnEventRegistrationSerializer
        )


class CancelApi(APIView):
    @extend_schema(
        operation_id="events_registration_cancel",
        tags=TAGS,
        request=None,
        responses=EventRegistrationSerializer,
        description=_(
            "The person until the event starts (late after the free cancellation period), the organisers and "
            "the person's coordinator at any time; a freed seat is offered to the first person waiting."
        ),
    )
    def post(self, request: AuthenticatedRequest, reg_pk: int) -> Response:
        access = access_for(request.user)
        registration = selectors.registration_get_for(access=access, pk=reg_pk)
        registration = services.registration_cancel(
            actor=request.user, access=access, registration=registration
        )
        return Response(EventRegistrationSerializer(registration).data)


class OfferApi(APIView):
    @extend_schema(
        operation_id="events_registration_offer",
        tags=TAGS,
        request=SeatOfferInputSerializer,
        responses=EventRegistrationSerializer,
        description=_("Accept or decline the freed seat offered; a declined seat moves to the next person."),
    )
    def post(self, request: AuthenticatedRequest, reg_pk: int) -> Response:
        access = access_for(request.user)
        registration = selectors.registration_get_own(access=access, pk=reg_pk)
        data = validated_input(SeatOfferInputSerializer, request)
        service = services.offer_accept if data["decision"] == "accept" else services.offer_decline
        registration = service(actor=request.user, access=access, registration=registration)
        return Response(EventRegistrationSerializer(registration).data)


class AnswersApi(APIView):
    @extend_schema(
        operation_id="events_registration_answers",
        tags=TAGS,
        responses=EventAnswerSerializer(many=True),
        description=_("The answers to the event's questions, for the organisers (each read is audited)."),
    )
    def get(self, request: AuthenticatedRequest, reg_pk: int) -> Response:
        access = access_for(request.user)
        registration = selectors.registration_get_for(access=access, pk=reg_pk)
        answers = selectors.answers_read(actor=request.user, access=access, registration=registration)
        return Response(EventAnswerSerializer(answers, many=True).data)


# --- check-in and attendance --------------------------------------------------------------------


class CheckInApi(APIView):
    @extend_schema(
        operation_id="events_check_in",
        tags=TAGS,
        request=CheckInCodeInputSerializer,
        responses=EventRegistrationSerializer,
        description=_(
            "The organisers check a person in by the code of their registration (or the scanned QR address); "
            "a code of another event, a cancelled registration or one without a seat is refused."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        data = validated_input(CheckInCodeInputSerializer, request)
        registration = services.check_in_by_code(
            actor=request.user, access=access, event=event, code=data["code"]
        )
        return Response(EventRegistrationSerializer(registration).data)


class SelfCheckInApi(APIView):
    @extend_schema(
        operation_id="events_self_check_in",
        tags=TAGS,
        request=CheckInCodeInputSerializer,
        responses=OwnEventRegistrationSerializer,
        description=_("Check oneself in to an online event with its code, from 15 minutes before the start."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = event_get(access=access, pk=pk)
        data = validated_input(CheckInCodeInputSerializer, request)
        registration = services.self_check_in(
            actor=request.user, access=access, event=event, code=data["code"]
        )
        return Response(OwnEventRegistrationSerializer(registration).data)


class AttendanceApi(APIView):
    @extend_schema(
        operation_id="events_registration_attendance",
        tags=TAGS,
        request=EventAttendanceInputSerializer,
        responses=EventRegistrationSerializer,
        description=_(
            "Attended (enrols the participant in the event's activity), did not come, or not recorded."
        ),
    )
    def post(self, request: AuthenticatedRequest, reg_pk: int) -> Response:
        access = access_for(request.user)
        registration = selectors.registration_get_managed(access=access, pk=reg_pk)
        data = validated_input(EventAttendanceInputSerializer, request)
        registration = services.attendance_mark(
            actor=request.user, access=access, registration=registration, attendance=data["attendance"]
        )
        return Response(EventRegistrationSerializer(registration).data)


class NoShowsApi(APIView):
    @extend_schema(
        operation_id="events_no_shows",
        tags=TAGS,
        request=None,
        responses=NoShowCountSerializer,
        description=_(
            "After the event: every confirmed registration without a recorded attendance did not come."
        ),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        event = organised_event_get(access=access, pk=pk)
        return Response({"count": services.no_shows_mark(actor=request.user, access=access, event=event)})


# --- calendars ----------------------------------------------------------------------------------


class EventIcsApi(APIView):
    @extend_schema(operation_id="events_event_ics", tags=TAGS, responses=ICS)
    def get(self, request: AuthenticatedRequest, pk: int) -> HttpResponse:
        event = event_get(access=access_for(request.user), pk=pk)
        return _ics(event_calendar(event), event_filename(event))


class RegistrationIcsApi(APIView):
    @extend_schema(operation_id="events_registration_ics", tags=TAGS, responses=ICS)
    def get(self, request: AuthenticatedRequest, reg_pk: int) -> HttpResponse:
        registration = selectors.registration_get_own(access=access_for(request.user), pk=reg_pk)
        return _ics(registration_calendar(registration), event_filename(registration.event))


class CertificateApi(APIView):
    content_negotiation_class = FileNegotiation

    @extend_schema(
        operation_id="events_registration_certificate",
        tags=TAGS,
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description=_("A PDF document"))
        },
        description=_(
            "The certificate of attendance as a PDF: the person's own, or for the event's organisers; only for "
            "a registration marked as attended (404 otherwise)."
        ),
    )
    def get(self, request: AuthenticatedRequest, reg_pk: int) -> HttpResponse:
        registration = selectors.registration_get_for(access=access_for(request.user), pk=reg_pk)
        if registration.attendance != Registration.Attendance.ATTENDED:
            raise Http404
        return file_response(
            certificate_pdf(registration),
            filename=certificate_filename(registration),
            content_type="application/pdf",
        )


class FeedApi(APIView):
    def _url(self, request: Request, token: str) -> str:
        return request.build_absolute_uri(reverse("events:feed", args=[token]))

    @extend_schema(
        operation_id="events_calendar_feed",
        tags=TAGS,
        responses=CalendarFeedSerializer,
        description=_(
            "The secret address of one's calendar feed (events, mentor-day bookings, 1:1 meetings)."
        ),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        feed = services.feed_get_or_create(user=request.user)
        return Response({"url": self._url(request, feed.token)})

    @extend_schema(
        operation_id="events_calendar_feed_rotate",
        tags=TAGS,
        request=None,
        responses=CalendarFeedSerializer,
        description=_("A new secret address; the old one stops working at once."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        feed = services.feed_rotate(user=request.user)
        return Response({"url": self._url(request, feed.token)})
