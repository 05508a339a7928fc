"""Mentor days: an event of a project's partner where experts each offer short bookable slots.

A mentor day is one `activities.Activity` (kind "mentoring"), so it counts among the project's activities
and those who attend are enrolled in it. Each expert on the day has slots; a participant books a slot,
joins the waitlist when nothing suitable is free, and is promoted automatically when a booking is cancelled.
The invariants that must hold under concurrency are database constraints as well as service checks.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


class MentorDay(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (not shown to participants)")
        OPEN = "open", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    activity = models.OneToOneField(
        "activities.Activity", on_delete=models.CASCADE, related_name="mentor_day", verbose_name=_("activity")
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts"))
    ends_at = models.TimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Helsinki")
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    booking_opens_at = models.DateTimeField(_("booking opens"), null=True, blank=True)
    booking_closes_at = models.DateTimeField(_("booking closes"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    project_wide = models.BooleanField(
        _("open to every partner's participants"),
        default=False,
        help_text=_("Otherwise only the participants of the partner running the day can book."),
    )
    max_bookings = models.PositiveSmallIntegerField(
        _("bookings per participant"),
        default=1,
        help_text=_("How many slots one participant may book on this day (never two at the same time)."),
    )

    class Meta:
        ordering = ["date", "starts_at", "pk"]
        verbose_name = _("mentor day")
        verbose_name_plural = _("mentor days")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="mentor_day_times"),
            models.CheckConstraint(condition=Q(max_bookings__gte=1), name="mentor_day_max_bookings"),
        ]

    def __str__(self) -> str:
        return self.activity.name

    @property
    def name(self) -> str:
        return self.activity.name

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def at(self, time: dt.time) -> dt.datetime:
        """A time of this day as an aware datetime in the day's own time zone."""
        return dt.datetime.combine(self.date, time, tzinfo=self.zone)

    @property
    def start(self) -> dt.datetime:
        return self.at(self.starts_at)

    @property
    def end(self) -> dt.datetime:
        return self.at(self.ends_at)


class Expert(TimeStamped):
    """An expert on a mentor day: a user with a mentor membership, or a named external expert."""

    mentor_day = models.ForeignKey(MentorDay, on_delete=models.CASCADE, related_name="experts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentor_day_experts",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    topics = models.TextField(_("topics and expertise"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)

    class Meta:
        ordering = ["mentor_day", "name", "pk"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [
            models.UniqueConstraint(
                fields=["mentor_day", "user"],
                condition=Q(user__isnull=False),
                name="expert_user_once_per_day",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Slot(TimeStamped):
    mentor_day = models.ForeignKey(MentorDay, on_delete=models.CASCADE, related_name="slots")
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at", "expert__name", "pk"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="slot_times"),
            # Overlaps are refused by the service under a lock on the day; equal starts also by the database.
            models.UniqueConstraint(fields=["expert", "starts_at"], name="slot_expert_start_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} {self.starts_at:%Y-%m-%d %H:%M}"


class Booking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not come")

    ACTIVE = (Status.BOOKED, Status.ATTENDED, Status.NO_SHOW)  # statuses that hold the slot

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="bookings")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="mentor_day_bookings"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    topic = models.TextField(_("what you would like to talk about"), blank=True, max_length=1000)
    from_waitlist = models.BooleanField(_("promoted from the waitlist"), default=False)
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["slot__starts_at", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            # One booking holds a slot; cancelled ones stay as history.
            models.UniqueConstraint(
                fields=["slot"], condition=~Q(status="cancelled"), name="one_active_booking_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} → {self.slot_id} ({self.status})"


# What the day's coordinator can mark a booking as (back to "booked" undoes a mark).
ATTENDANCE_CHOICES = [
    (Booking.Status.ATTENDED.value, Booking.Status.ATTENDED.label),
    (Booking.Status.NO_SHOW.value, Booking.Status.NO_SHOW.label),
    (Booking.Status.BOOKED.value, Booking.Status.BOOKED.label),
]


class WaitlistEntry(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        PROMOTED = "promoted", _("Got a slot")
        CANCELLED = "cancelled", _("Left the waitlist")

    mentor_day = models.ForeignKey(MentorDay, on_delete=models.CASCADE, related_name="waitlist")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="mentor_day_waitlist"
    )
    preferred_expert = models.ForeignKey(
        Expert,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("preferred expert"),
    )
    topic = models.TextField(_("what you would like to talk about"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    booking = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="waitlist_entry"
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]  # the position in the queue
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist entries")
        constraints = [
            models.UniqueConstraint(
                fields=["mentor_day", "participation"],
                condition=Q(status="waiting"),
                name="waiting_once_per_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} waits for {self.mentor_day_id} ({self.status})"
