"""REST API for mentor days: days, experts, slots, bookings, the waitlist and attendance.

The coordinator of the partner running a day and the project lead (or an admin) manage it; participants
book for themselves; whatever the reader may not see answers 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedRequest
from polku.accounts.models import User
from polku.core.api import FileNegotiation, Pagination, file_response, paginated_response, validated_input
from polku.mentordays import selectors, services
from polku.mentordays.calendar import booking_calendar, calendar_filename
from polku.mentordays.models import ATTENDANCE_CHOICES, Booking, Expert, MentorDay, Slot, WaitlistEntry
from polku.projects.models import Partner

TAGS = ["mentor days"]

# --- output -------------------------------------------------------------------------------------


class MentorDaySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="activity.name", read_only=True)
    project = serializers.CharField(source="activity.project.code", read_only=True)
    partner = serializers.IntegerField(source="activity.partner_id", read_only=True)
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = MentorDay
        fields = [
            "id",
            "activity",
            "name",
            "project",
            "partner",
            "date",
            "starts_at",
            "ends_at",
            "time_zone",
            "place",
            "online_url",
            "languages",
            "description",
            "booking_opens_at",
            "booking_closes_at",
            "status",
            "project_wide",
            "max_bookings",
        ]
        read_only_fields = fields


class ExpertSerializer(serializers.ModelSerializer):
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Expert
        fields = ["id", "user", "name", "topics", "languages"]
        read_only_fields = fields


class SlotSerializer(serializers.ModelSerializer):
    expert_name = serializers.CharField(source="expert.name", read_only=True)
    is_free = serializers.SerializerMethodField()

    class Meta:
        model = Slot
        fields = ["id", "expert", "expert_name", "starts_at", "ends_at", "is_free"]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField())
    def get_is_free(self, slot: Slot) -> bool:
        return slot.pk not in self.context.get("taken", set())


class BookingSerializer(serializers.ModelSerializer):
    slot = SlotSerializer(read_only=True)
    mentor_day = serializers.IntegerField(source="slot.mentor_day_id", read_only=True)
    name = serializers.SerializerMethodField(
        help_text=_("Full name for the coordinator's own partner, else first")
    )

    class Meta:
        model = Booking
        fields = ["id", "mentor_day", "slot", "name", "status", "topic", "from_waitlist", "created_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_name(self, booking: Booking) -> str:
        return selectors.display_name(access=self.context["access"], participation=booking.participation)


class WaitlistSerializer(serializers.ModelSerializer):
    position = serializers.SerializerMethodField()

    class Meta:
        model = WaitlistEntry
        fields = ["id", "mentor_day", "preferred_expert", "topic", "status", "created_at", "position"]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_position(self, entry: WaitlistEntry) -> int | None:
        return self.context.get("positions", {}).get(entry.pk)


# --- input --------------------------------------------------------------------------------------


class DayInputSerializer(serializers.Serializer):
    partner = serializers.PrimaryKeyRelatedField(queryset=Partner.objects.all())
    name = serializers.CharField(max_length=200)
    date = serializers.DateField()
    starts_at = serializers.TimeField()
    ends_at = serializers.TimeField()
    time_zone = serializers.CharField(max_length=64, default="Europe/Helsinki")
    place = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    online_url = serializers.URLField(required=False, allow_blank=True, default="")
    languages = serializers.ListField(child=serializers.CharField(max_length=3), required=False, default=list)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    booking_opens_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    booking_closes_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=MentorDay.Status.choices, default=MentorDay.Status.DRAFT)
    project_wide = serializers.BooleanField(required=False, default=False)
    max_bookings = serializers.IntegerField(min_value=1, max_value=20, default=1)


class DayUpdateSerializer(DayInputSerializer):
    partner = None  # type: ignore[assignment]


class ExpertInputSerializer(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A user with a mentor membership in the project; otherwise give the name"),
    )
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    topics = serializers.CharField(required=False, allow_blank=True, default="")
    languages = serializers.ListField(child=serializers.CharField(max_length=3), required=False, default=list)


class GenerateInputSerializer(serializers.Serializer):
    slot_minutes = serializers.IntegerField(min_value=5, max_value=480)
    gap_minutes = serializers.IntegerField(min_value=0, max_value=240, default=0)
    break_start = serializers.TimeField(required=False, allow_null=True, default=None)
    break_end = serializers.TimeField(required=False, allow_null=True, default=None)


class BookInputSerializer(serializers.Serializer):
    slot = serializers.IntegerField(min_value=1)
    topic = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class WaitlistInputSerializer(serializers.Serializer):
    preferred_expert = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    topic = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class AttendanceInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ATTENDANCE_CHOICES)


def _taken(day: MentorDay) -> set[int]:
    return set(
        Booking.objects.filter(slot__mentor_day=day)
        .exclude(status=Booking.Status.CANCELLED)
        .values_list("slot_id", flat=True)
    )


# --- days ---------------------------------------------------------------------------------------


class DayListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        operation_id="mentordays_day_list",
        tags=TAGS,
        responses=MentorDaySerializer(many=True),
        description=_("The days the reader runs and the published days they may book."),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        managed = list(selectors.mentor_day_list_managed(access=access))
        ids = {d.pk for d in managed}
        days = managed + [d for d in selectors.mentor_day_list_open(access=access) if d.pk not in ids]
        days.sort(key=lambda d: (d.date, d.starts_at, d.pk))
        return paginated_response(request=request, view=self, rows=days, serializer_class=MentorDaySerializer)

    @extend_schema(
        operation_id="mentordays_day_create",
        tags=TAGS,
        request=DayInputSerializer,
        responses={201: MentorDaySerializer},
        description=_("The partner's coordinator or the project lead; creates the activity too."),
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        day = services.mentor_day_create(
            actor=request.user,
            access=access_for(request.user),
            **validated_input(DayInputSerializer, request),
        )
        return Response(MentorDaySerializer(day).data, status=status.HTTP_201_CREATED)


class DayDetailApi(APIView):
    @extend_schema(operation_id="mentordays_day_retrieve", tags=TAGS, responses=MentorDaySerializer)
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        day = selectors.mentor_day_get_for_booking(access=access_for(request.user), pk=pk)
        return Response(MentorDaySerializer(day).data)

    @extend_schema(
        operation_id="mentordays_day_update",
        tags=TAGS,
        request=DayUpdateSerializer,
        responses=MentorDaySerializer,
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        day = services.mentor_day_update(
            access=access, mentor_day=day, data=validated_input(DayUpdateSerializer, request, partial=True)
        )
        return Response(MentorDaySerializer(day).data)


# --- experts and slots --------------------------------------------------------------------------


class ExpertListApi(APIView):
    @extend_schema(operation_id="mentordays_expert_list", tags=TAGS, responses=ExpertSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        day = selectors.mentor_day_get_for_booking(access=access_for(request.user), pk=pk)
        return Response(ExpertSerializer(day.experts.all(), many=True).data)

    @extend_schema(
        operation_id="mentordays_expert_create",
        tags=TAGS,
        request=ExpertInputSerializer,
        responses={201: ExpertSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        expert = services.expert_add(
            access=access, mentor_day=day, **validated_input(ExpertInputSerializer, request)
        )
        return Response(ExpertSerializer(expert).data, status=status.HTTP_201_CREATED)


class ExpertDetailApi(APIView):
    @extend_schema(
        operation_id="mentordays_expert_update",
        tags=TAGS,
        request=ExpertInputSerializer,
        responses=ExpertSerializer,
    )
    def patch(self, request: AuthenticatedRequest, pk: int, expert_pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        expert = get_object_or_404(day.experts, pk=expert_pk)
        data = validated_input(ExpertInputSerializer, request, partial=True)
        return Response(
            ExpertSerializer(services.expert_update(access=access, expert=expert, data=data)).data
        )

    @extend_schema(operation_id="mentordays_expert_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int, expert_pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        services.expert_remove(access=access, expert=get_object_or_404(day.experts, pk=expert_pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SlotListApi(APIView):
    @extend_schema(operation_id="mentordays_slot_list", tags=TAGS, responses=SlotSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        day = selectors.mentor_day_get_for_booking(access=access_for(request.user), pk=pk)
        slots = day.slots.select_related("expert").order_by("starts_at", "pk")
        return Response(SlotSerializer(slots, many=True, context={"taken": _taken(day)}).data)


class SlotInputSerializer(serializers.Serializer):
    expert = serializers.IntegerField(min_value=1)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class SlotUpdateSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class SlotCreateApi(APIView):
    @extend_schema(
        operation_id="mentordays_slot_create",
        tags=TAGS,
        request=SlotInputSerializer,
        responses={201: SlotSerializer},
        description=_("One slot by hand; refused when it overlaps the expert's slots."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        data = validated_input(SlotInputSerializer, request)
        expert = get_object_or_404(day.experts, pk=data.pop("expert"))
        slot = services.slot_create(access=access, mentor_day=day, expert=expert, **data)
        return Response(SlotSerializer(slot).data, status=status.HTTP_201_CREATED)


class SlotGenerateApi(APIView):
    @extend_schema(
        operation_id="mentordays_slot_generate",
        tags=TAGS,
        request=GenerateInputSerializer,
        responses={201: SlotSerializer(many=True)},
        description=_("Slots for every expert of the day; times overlapping an expert's slots are skipped."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        created = services.slots_generate(
            access=access, mentor_day=day, **validated_input(GenerateInputSerializer, request)
        )
        return Response(SlotSerializer(created, many=True).data, status=status.HTTP_201_CREATED)


class SlotDetailApi(APIView):
    @extend_schema(
        operation_id="mentordays_slot_update",
        tags=TAGS,
        request=SlotUpdateSerializer,
        responses=SlotSerializer,
        description=_("Move a free slot; refused when booked or overlapping the expert's slots."),
    )
    def patch(self, request: AuthenticatedRequest, pk: int, slot_pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        slot = get_object_or_404(day.slots.select_related("expert"), pk=slot_pk)
        slot = services.slot_update(
            access=access, slot=slot, **validated_input(SlotUpdateSerializer, request)
        )
        return Response(SlotSerializer(slot).data)

    @extend_schema(operation_id="mentordays_slot_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int, slot_pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        services.slot_delete(access=access, slot=get_object_or_404(day.slots, pk=slot_pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- bookings -----------------------------------------------------------------------------------


class BookingListApi(APIView):
    @extend_schema(
        operation_id="mentordays_booking_list",
        tags=TAGS,
        responses=BookingSerializer(many=True),
        description=_("The day's bookings, for the people who run it."),
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_managed(access=access, pk=pk)
        rows = (
            Booking.objects.filter(slot__mentor_day=day)
            .select_related("slot__expert", "participation__person")
            .order_by("slot__starts_at", "pk")
        )
        return Response(BookingSerializer(rows, many=True, context={"access": access}).data)

    @extend_schema(
        operation_id="mentordays_booking_create",
        tags=TAGS,
        request=BookInputSerializer,
        responses={201: BookingSerializer},
        description=_("A participant books a free slot for themselves."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_for_booking(access=access, pk=pk)
        data = validated_input(BookInputSerializer, request)
        slot = get_object_or_404(day.slots, pk=data["slot"])
        booking = services.booking_create(actor=request.user, access=access, slot=slot, topic=data["topic"])
        return Response(
            BookingSerializer(booking, context={"access": access}).data, status=status.HTTP_201_CREATED
        )


class MyBookingsApi(APIView):
    @extend_schema(operation_id="mentordays_my_bookings", tags=TAGS, responses=BookingSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        access = access_for(request.user)
        rows = selectors.my_bookings(access=access).select_related("participation__person")
        return Response(BookingSerializer(rows, many=True, context={"access": access}).data)


class BookingCancelApi(APIView):
    @extend_schema(
        operation_id="mentordays_booking_cancel",
        tags=TAGS,
        request=None,
        responses=BookingSerializer,
        description=_("The participant or the day's coordinator; the first waiting person gets the slot."),
    )
    def post(self, request: AuthenticatedRequest, booking_pk: int) -> Response:
        access = access_for(request.user)
        booking = selectors.booking_get_cancellable(access=access, pk=booking_pk)
        services.booking_cancel(actor=request.user, access=access, booking=booking)
        booking.refresh_from_db()
        return Response(BookingSerializer(booking, context={"access": access}).data)


class AttendanceApi(APIView):
    @extend_schema(
        operation_id="mentordays_booking_attendance",
        tags=TAGS,
        request=AttendanceInputSerializer,
        responses=BookingSerializer,
    )
    def post(self, request: AuthenticatedRequest, booking_pk: int) -> Response:
        access = access_for(request.user)
        booking = selectors.booking_get_managed(access=access, pk=booking_pk)
        booking = services.attendance_mark(
            actor=request.user,
            access=access,
            booking=booking,
            **validated_input(AttendanceInputSerializer, request),
        )
        return Response(BookingSerializer(booking, context={"access": access}).data)


# --- waitlist -----------------------------------------------------------------------------------


class WaitlistApi(APIView):
    @extend_schema(
        operation_id="mentordays_waitlist_list", tags=TAGS, responses=WaitlistSerializer(many=True)
    )
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        day = selectors.mentor_day_get_managed(access=access_for(request.user), pk=pk)
        rows = list(selectors.waitlist(mentor_day=day))
        positions = {entry.pk: n for n, entry in enumerate(rows, start=1)}
        return Response(WaitlistSerializer(rows, many=True, context={"positions": positions}).data)

    @extend_schema(
        operation_id="mentordays_waitlist_join",
        tags=TAGS,
        request=WaitlistInputSerializer,
        responses={201: WaitlistSerializer},
        description=_("A participant queues when no suitable slot is free."),
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        day = selectors.mentor_day_get_for_booking(access=access, pk=pk)
        data: dict[str, Any] = validated_input(WaitlistInputSerializer, request)
        expert = (
            get_object_or_404(day.experts, pk=data["preferred_expert"]) if data["preferred_expert"] else None
        )
        entry = services.waitlist_join(
            actor=request.user, access=access, mentor_day=day, preferred_expert=expert, topic=data["topic"]
        )
        return Response(WaitlistSerializer(entry).data, status=status.HTTP_201_CREATED)


class WaitlistLeaveApi(APIView):
    @extend_schema(
        operation_id="mentordays_waitlist_leave", tags=TAGS, request=None, responses=WaitlistSerializer
    )
    def post(self, request: AuthenticatedRequest, entry_pk: int) -> Response:
        access = access_for(request.user)
        entry = get_object_or_404(selectors.my_waitlist(access=access), pk=entry_pk)
        entry = services.waitlist_leave(actor=request.user, access=access, entry=entry)
        return Response(WaitlistSerializer(entry).data)


class BookingIcsApi(APIView):
    content_negotiation_class = FileNegotiation

    @extend_schema(
        operation_id="mentordays_booking_ics",
        tags=TAGS,
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY, description=_("An iCalendar file"))
        },
        description=_(
            "One's own mentor-day booking as an iCalendar file (the booker's only; others get 404)."
        ),
    )
    def get(self, request: AuthenticatedRequest, booking_pk: int) -> HttpResponse:
        booking = selectors.booking_get_own(access=access_for(request.user), pk=booking_pk)
        return file_response(
            booking_calendar(booking),
            filename=calendar_filename(booking),
            content_type="text/calendar; charset=utf-8",
        )
