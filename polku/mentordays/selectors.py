"""Reads about mentor days, always through the reader's `Access`; what is not theirs answers 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from polku.accounts.access import Access
from polku.mentordays.models import Booking, Expert, MentorDay, Slot, WaitlistEntry
from polku.participants.models import Participation

DAY_RELATED = ("activity__project", "activity__partner__organisation")


def mentor_day_list_managed(*, access: Access) -> QuerySet[MentorDay]:
    """The days the reader runs: every day of a project they lead, their own partners' days as coordinator."""
    if not access.can_manage_mentor_days():
        return MentorDay.objects.none()
    return MentorDay.objects.filter(access.mentor_day_filter()).select_related(*DAY_RELATED)


def mentor_day_get_managed(*, access: Access, pk: int) -> MentorDay:
    return get_object_or_404(mentor_day_list_managed(access=access), pk=pk)


def _own_participations(access: Access) -> QuerySet[Participation]:
    if access.person_id is None:
        return Participation.objects.none()
    return Participation.objects.filter(person_id=access.person_id, exit_date__isnull=True)


def mentor_day_list_open(*, access: Access) -> QuerySet[MentorDay]:
    """Published days the participant may book: their partner's, or project-wide ones of their projects."""
    if access.person_id is None:
        return MentorDay.objects.none()
    mine = list(_own_participations(access).values_list("project_id", "partner_id"))
    if not mine:
        return MentorDay.objects.none()
    scope = Q()
    for project_id, partner_id in mine:
        scope |= Q(activity__partner_id=partner_id) | Q(activity__project_id=project_id, project_wide=True)
    return (
        MentorDay.objects.filter(scope, status=MentorDay.Status.OPEN, date__gte=timezone.localdate())
        .select_related(*DAY_RELATED)
        .order_by("date", "starts_at", "pk")
    )


def mentor_day_get_for_booking(*, access: Access, pk: int) -> MentorDay:
    """A day the participant may book, or one the reader manages (to see what participants see)."""
    day = mentor_day_list_open(access=access).filter(pk=pk).first()
    if day is None:
        day = mentor_day_list_managed(access=access).filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def expert_days(*, access: Access) -> QuerySet[Expert]:
    """The reader's own expert places on mentor days."""
    if access.user_id is None:
        return Expert.objects.none()
    return Expert.objects.filter(user_id=access.user_id).select_related("mentor_day__activity")


def expert_get_own(*, access: Access, mentor_day_pk: int) -> Expert:
    return get_object_or_404(expert_days(access=access), mentor_day_id=mentor_day_pk)


@dataclass
class SlotRow:
    slot: Slot
    booking: Booking | None

    @property
    def is_free(self) -> bool:
        return self.booking is None


def slot_rows(*, mentor_day: MentorDay, expert: Expert | None = None) -> list[SlotRow]:
    """Every slot of the day (or expert) with the booking that holds it, in time order."""
    slots = mentor_day.slots.select_related("expert").order_by("starts_at", "expert__name", "pk")
    if expert is not None:
        slots = slots.filter(expert=expert)
    holding = {
        b.slot_id: b
        for b in Booking.objects.filter(slot__mentor_day=mentor_day)
        .exclude(status=Booking.Status.CANCELLED)
        .select_related("participation__person", "participation__partner__organisation")
    }
    return [SlotRow(slot=s, booking=holding.get(s.pk)) for s in slots]


def display_name(*, access: Access, participation: Participation) -> str:
    """A coordinator sees their own partner's people by full name; others (the lead, another partner's
    coordinator running a project-wide day, experts) see only the first name."""
    if access.can_manage_partner(participation.partner_id):
        return participation.person.full_name
    return participation.person.first_name


def waitlist(*, mentor_day: MentorDay) -> QuerySet[WaitlistEntry]:
    return (
        mentor_day.waitlist.filter(status=WaitlistEntry.Status.WAITING)
        .select_related("participation__person", "participation__partner__organisation", "preferred_expert")
        .order_by("created_at", "pk")
    )


def my_bookings(*, access: Access) -> QuerySet[Booking]:
    if access.person_id is None:
        return Booking.objects.none()
    return (
        Booking.objects.filter(participation__person_id=access.person_id)
        .select_related("slot__expert", "slot__mentor_day__activity")
        .order_by("-slot__starts_at", "pk")
    )


def my_waitlist(*, access: Access) -> QuerySet[WaitlistEntry]:
    if access.person_id is None:
        return WaitlistEntry.objects.none()
    return WaitlistEntry.objects.filter(
        participation__person_id=access.person_id, status=WaitlistEntry.Status.WAITING
    ).select_related("mentor_day__activity", "preferred_expert")


def booking_get_own(*, access: Access, pk: int) -> Booking:
    return get_object_or_404(my_bookings(access=access), pk=pk)


def booking_get_managed(*, access: Access, pk: int) -> Booking:
    return get_object_or_404(
        Booking.objects.filter(slot__mentor_day__in=mentor_day_list_managed(access=access)).select_related(
            "slot__mentor_day__activity", "participation__person"
        ),
        pk=pk,
    )


def booking_get_cancellable(*, access: Access, pk: int) -> Booking:
    """The reader's own booking, or one on a day they manage."""
    booking = my_bookings(access=access).filter(pk=pk).first()
    return booking if booking is not None else booking_get_managed(access=access, pk=pk)
