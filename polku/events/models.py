"""Events of a project: networking dinners, trainings, online events, company events, info sessions and
the coordinators' reflection meetings (decision 0052).

An event is one-to-one with an `activities.Activity` (kind "event"), like a mentor day, so it counts among
the project's activities; a person is enrolled in that activity when they are checked in, which is what
makes attendance count toward targets and opens the activity's feedback survey to those who came, and
only to them. Registrations hold a seat (or a place on the waitlist); the event's row is the lock that
keeps confirmed seats within the capacity under concurrent requests.

Below the registrations: 1:1 (or 2–4 person) meetings at the event, planned with `polku.matching.schedule`,
and networking rounds of online events, planned with `polku.matching.rounds`.
"""

from __future__ import annotations

import hashlib
import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.core.timezones import zone_label
from polku.knowledge.models import Translated, translated


def room_slug(secret: str, *parts: object) -> str:
    """A room name derived from a secret and e.g. a round and room number."""
    text = ":".join([secret, *(str(p) for p in parts)])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code() -> str:
    """A short code people can type (self check-in): no 0/O or 1/I/L."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class EventSeries(TimeStamped):
    """Events created at once from a recurrence rule ("6 dinners", "10 monthly mentor days"); each occurrence
    is an `Event` of its own and can be edited alone."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="event_series")
    rule = models.CharField(_("recurrence rule"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.rule


class Event(Translated, TimeStamped):
    class Kind(models.TextChoices):
        NETWORKING_DINNER = "dinner", _("Networking dinner")
        TRAINING = "training", _("Training")
        ONLINE = "online", _("Online event")
        COMPANY = "company", _("Fair or company event")
        INFO = "info", _("Info session")
        REFLECTION = "reflection", _("Reflection meeting of coordinators")

    class Audience(models.TextChoices):
        PROJECT = "project", _("The project's participants")
        PARTNER = "partner", _("The organising partner's participants")
        STAFF = "staff", _("Staff and guidance professionals of the project")
        PUBLIC = "public", _("Anyone with the link, guests included")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (not shown to participants)")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    activity = models.OneToOneField(
        "activities.Activity", on_delete=models.CASCADE, related_name="event", verbose_name=_("activity")
    )
    series = models.ForeignKey(
        EventSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    kind = models.CharField(_("kind of event"), max_length=12, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    title_fi = models.CharField(_("title in Finnish"), max_length=200, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Helsinki")
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    cancellation_hours = models.PositiveSmallIntegerField(
        _("free cancellation until (hours before)"),
        default=24,
        help_text=_("Cancellations later than this are recorded as late."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("a freed seat is held for (hours)"),
        default=24,
        help_text=_("How long the first person on the waitlist has to take a freed seat."),
    )
    reminder_hours = models.JSONField(
        _("reminders (hours before)"), default=list, blank=True, help_text=_("For example 48 and 2.")
    )
    audience = models.CharField(_("who can register"), max_length=10, choices=Audience.choices)
    public_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    check_in_code = models.CharField(_("self check-in code"), max_length=8, default=new_code)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE of the event
    evaluation_note = models.ForeignKey(
        "knowledge.EvaluationNote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("minutes"),
    )
    # 1:1 meetings at the event
    matchmaking = models.BooleanField(_("1:1 meetings between attendees"), default=False)
    meeting_tables = models.PositiveSmallIntegerField(_("tables or rooms for meetings"), default=10)
    max_requests = models.PositiveSmallIntegerField(_("meeting requests one person may send"), default=10)
    # networking rounds of online events
    round_group_size = models.PositiveSmallIntegerField(_("people per breakout group"), default=4)
    round_count = models.PositiveSmallIntegerField(_("networking rounds"), default=0)
    round_minutes = models.PositiveSmallIntegerField(_("minutes per round"), default=10)
    round_share_language = models.BooleanField(_("groups share a working language"), default=False)
    current_round = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_times"),
            models.CheckConstraint(
                condition=Q(round_group_size__gte=2, round_group_size__lte=12), name="event_round_group_size"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The title in the reader's language, with the fallback fi → sv → en (as knowledge texts)."""
        return self.text("title", _reader_language()) or self.activity.name

    @property
    def description(self) -> str:
        return self.text("description", _reader_language())

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def time_zone_label(self) -> str:
        """The zone as a reader says it, e.g. "Sweden – Stockholm" (never the stored IANA name)."""
        return zone_label(self.time_zone)

    @property
    def room_link(self) -> str:
        """The video meeting: the organiser's own link, else a room of the configured server named by a
        digest of the event's secret (so the room name reveals nothing)."""
        if self.online_url:
            return self.online_url
        base = settings.POLKU_MEETING_ROOM_BASE
        if not base:
            return ""
        return f"{base.rstrip('/')}/polku-{room_slug(self.public_token)}"

    @property
    def is_online(self) -> bool:
        return self.kind == self.Kind.ONLINE or (bool(self.online_url) and not self.venue)


def _reader_language() -> str:
    return (get_language() or "en")[:2]


class Speaker(models.Model):
    """Someone who speaks at the event, e.g. an established migrant entrepreneur telling their story; need
    not be a participant."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    story = models.TextField(_("short story"), blank=True, max_length=2000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    """What the organiser asks at registration (dietary needs, accessibility needs). The answers are seen by
    the organiser only and deleted after the event by the retention rules."""

    class Kind(models.TextChoices):
        DIETARY = "dietary", _("Dietary needs")
        ACCESSIBILITY = "accessibility", _("Accessibility needs")
        OTHER = "other", _("Other question")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind of question"), max_length=14, choices=Kind.choices)
    text_fi = models.CharField(_("question in Finnish"), max_length=300, blank=True)
    text_sv = models.CharField(_("question in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The question in the reader's language, with the fallback fi → sv → en."""
        return translated(self, "text", _reader_language())


class Registration(TimeStamped):
    """A seat at the event, a place on its waitlist, or an offer of a freed seat.

    The holder is exactly one of: a participation (a participant of the project), a user (staff at a staff
    event), or a guest who registered through the public link with only a name and an e-mail.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waitlist")
        OFFERED = "offered", _("Offered a freed seat")
        CANCELLED = "cancelled", _("Cancelled")

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("Not recorded")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not come")

    HOLDS_SEAT = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITING)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    participation = models.ForeignKey(
        "participants.Participation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    guest_name = models.CharField(_("name"), max_length=200, blank=True)
    guest_email = models.EmailField(_("e-mail"), blank=True)
    guest_notice = models.ForeignKey(
        "consent.PrivacyNotice", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    attendance = models.CharField(
        _("attendance"), max_length=8, choices=Attendance.choices, default=Attendance.UNKNOWN, blank=True
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    offer_expires_at = models.DateTimeField(_("offer holds until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    late_cancellation = models.BooleanField(_("cancelled late"), default=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)  # {question pk: text}
    reminders_sent = models.JSONField(default=list, blank=True)  # hours-before values already sent
    code = models.CharField(max_length=64, unique=True, default=new_token, editable=False)  # QR and links
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["event", "created_at", "pk"]  # the waitlist's order
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(participation__isnull=False, user__isnull=True, guest_email="")
                    | Q(participation__isnull=True, user__isnull=False, guest_email="")
                    | (Q(participation__isnull=True, user__isnull=True) & ~Q(guest_email=""))
                ),
                name="registration_one_holder",
            ),
            models.UniqueConstraint(
                fields=["event", "participation"],
                condition=Q(participation__isnull=False) & ~Q(status="cancelled"),
                name="registration_participation_once",
            ),
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="registration_user_once",
            ),
            models.UniqueConstraint(
                fields=["event", "guest_email"],
                condition=~Q(guest_email="") & ~Q(status="cancelled"),
                name="registration_guest_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.pk} ({self.status})"

    @property
    def name(self) -> str:
        """The holder's name as the organiser sees it."""
        if self.participation_id:
            person = self.participation.person  # type: ignore[union-attr]
            return f"{person.first_name} {person.last_name}"
        if self.user_id:
            user = self.user
            return user.get_full_name() or user.email  # type: ignore[union-attr]
        return self.guest_name

    @property
    def email(self) -> str:
        if self.participation_id:
            return self.participation.person.email  # type: ignore[union-attr]
        if self.user_id:
            return self.user.email  # type: ignore[union-attr]
        return self.guest_email


class CalendarFeed(TimeStamped):
    """A person's secret calendar address (every event, mentor-day booking and meeting they have); a new
    token revokes the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"feed of {self.user_id}"


# --- 1:1 meetings at an event ------------------------------------------------------------------------


class Intent(models.TextChoices):
    """What an attendee looks for or offers at an event."""

    MENTOR = "mentor", _("A mentor")
    EMPLOYER = "employer", _("An employer or a job")
    COFOUNDER = "cofounder", _("A co-founder")
    PEER = "peer", _("Peers")
    CUSTOMER = "customer", _("Customers")
    EXPERT = "expert", _("Expert advice")


class MeetingSlot(models.Model):
    """A time at the event when 1:1 meetings take place."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["event", "starts_at", "pk"]
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_slot_times"),
            models.UniqueConstraint(fields=["event", "starts_at"], name="meeting_slot_once"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class MatchProfile(TimeStamped):
    """An attendee's opt-in to 1:1 meetings at one event: what they look for and offer, and when they are free."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="match_profile")
    looking_for = models.JSONField(_("looking for"), default=list, blank=True)  # Intent values
    offering = models.JSONField(_("offering"), default=list, blank=True)  # Intent values
    industries = models.CharField(_("industries"), max_length=300, blank=True)
    introduction = models.TextField(_("a few words about you"), blank=True, max_length=1000)
    available = models.ManyToManyField(
        MeetingSlot, blank=True, related_name="+", verbose_name=_("free slots")
    )

    class Meta:
        verbose_name = _("meeting profile")
        verbose_name_plural = _("meeting profiles")

    def __str__(self) -> str:
        return f"profile of {self.registration_id}"


class MeetingBlock(models.Model):
    """Someone an attendee does not want to be suggested or asked by at this event (a block is per event)."""

    blocker = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="meeting_block_once")]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class MeetingRequest(TimeStamped):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    sender = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="sent_requests")
    recipient = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="received_requests")
    message = models.TextField(_("message"), blank=True, max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=models.F("recipient")), name="meeting_request_not_self"
            ),
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=Q(status__in=["pending", "accepted"]),
                name="meeting_request_once",
            ),
        ]


class Meeting(TimeStamped):
    """A meeting of 2–4 attendees: from an accepted request, or set by the organiser (must-meet, priority 3).
    The scheduler places it in a slot at a table; a published place does not move when it is re-run."""

    class Status(models.TextChoices):
        UNPLACED = "unplaced", _("Not yet placed")
        PLACED = "placed", _("Placed, not published")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(
        MeetingRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting"
    )
    members = models.ManyToManyField(Registration, through="MeetingMember", related_name="meetings")
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)  # 1–3; 3 = must meet
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UNPLACED)
    slot = models.ForeignKey(
        MeetingSlot, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    unplaced_reason = models.JSONField(default=dict, blank=True)  # the engine's structured reason
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "slot__starts_at", "table", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=3), name="meeting_priority_1_3"
            ),
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(slot__isnull=False) & ~Q(status="cancelled"),
                name="meeting_table_once_per_slot",
            ),
        ]


class MeetingMember(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="memberships")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="meeting_memberships"
    )
    attended = models.BooleanField(null=True, blank=True)  # None: not recorded; False: did not come

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "registration"], name="meeting_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} in {self.meeting_id}"


# --- networking rounds of online events ----------------------------------------------------------------


class BreakoutGroup(models.Model):
    """One room of one networking round; published rounds are not changed when later rounds are re-planned."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="breakout_groups")
    round_number = models.PositiveSmallIntegerField(_("round"))
    room = models.PositiveSmallIntegerField(_("room"))
    published = models.BooleanField(default=False)
    members = models.ManyToManyField(Registration, related_name="breakout_groups")

    class Meta:
        ordering = ["event", "round_number", "room"]
        verbose_name = _("breakout group")
        verbose_name_plural = _("breakout groups")
        constraints = [
            models.UniqueConstraint(fields=["event", "round_number", "room"], name="breakout_room_once")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} round {self.round_number} room {self.room}"


class ContactRequest(TimeStamped):
    """After an event, one attendee asks someone they met there to stay in touch. When the other accepts,
    both see each other's e-mail address; until then, and after a decline, nothing is shared. The
    community network builds on the accepted ones."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="contact_requests")
    sender = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="sent_contact_requests")
    recipient = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="received_contact_requests"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("request to stay in touch")
        verbose_name_plural = _("requests to stay in touch")
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=models.F("recipient")), name="contact_request_not_self"
            ),
            models.UniqueConstraint(fields=["sender", "recipient"], name="contact_request_once"),
        ]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.recipient_id} ({self.status})"
