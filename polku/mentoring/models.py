"""Mentoring: mentor profiles, programmes inside a project, matching runs with their proposals, and the
mentorships that follow (goals, sessions, check-ins, closure).

A mentor is a user with a mentor membership in the project and a `MentorProfile`; a mentee is a
participation that joined a programme (`MenteeRequest`). A mentor's seats are a counter on the profile
that a CHECK constraint keeps within the capacity, so concurrent requests can never over-book.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


class Kind(models.TextChoices):
    CAREER = "career", _("Career mentoring")
    ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship mentoring")
    SPARRING = "sparring", _("Sparring")
    PEER = "peer", _("Peer mentoring")


class Side(models.TextChoices):
    MENTEE = "mentee", _("Mentee")
    MENTOR = "mentor", _("Mentor")


class MentorProfile(TimeStamped):
    """What a mentor offers. One per user; used in every project the user mentors in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    bio = models.TextField(_("about me"), blank=True)
    organisation = models.CharField(_("employer or organisation"), max_length=200, blank=True)
    expertise = models.JSONField(
        _("expertise"), default=list, blank=True, help_text=_("Skills (ESCO URIs or labels)")
    )
    industries = models.JSONField(_("industries"), default=list, blank=True)
    languages = models.JSONField(
        _("languages"), default=dict, blank=True, help_text=_("Language code → CEFR level")
    )
    kinds = models.JSONField(_("kinds of mentoring offered"), default=list, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    location = models.CharField(_("location"), max_length=100, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=2, help_text=_("Mentees at a time"))
    seats_taken = models.PositiveSmallIntegerField(_("seats taken"), default=0, editable=False)
    is_available = models.BooleanField(_("taking new mentees"), default=True)

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(seats_taken__lte=models.F("capacity")), name="mentor_seats_within_capacity"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def seats_free(self) -> int:
        return max(self.capacity - self.seats_taken, 0)


class MentoringProgramme(TimeStamped):
    """A mentoring programme of one partner, or of the whole project (no partner), one-to-one with an
    activity of kind mentoring (decision 0057): a mentee is enrolled in it when their mentorship becomes
    active, which is what counts them toward activity targets."""

    class Mode(models.TextChoices):
        COORDINATOR = "coordinator", _("The coordinator matches")
        SELF_SERVICE = "self_service", _("Participants choose a mentor")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="mentoring_programmes"
    )
    partner = models.ForeignKey(
        "projects.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentoring_programmes",
        help_text=_("Empty for a programme of the whole project (run by the project lead)"),
    )
    activity = models.OneToOneField(
        "activities.Activity",
        on_delete=models.RESTRICT,
        related_name="mentoring_programme",
        verbose_name=_("activity"),
        help_text=_("The programme among the project's activities: mentees whose pair started are enrolled"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    mode = models.CharField(_("matching mode"), max_length=12, choices=Mode.choices, default=Mode.COORDINATOR)
    weights = models.JSONField(_("weights per criterion"), default=dict, blank=True)
    min_language_level = models.CharField(_("minimum shared language level"), max_length=6, default="B1")
    forbid_same_employer = models.BooleanField(_("never pair people of the same employer"), default=True)
    reminder_days = models.PositiveSmallIntegerField(_("remind to log a session after (days)"), default=21)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="programme_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MenteeRequest(TimeStamped):
    """A participant in a programme, and what they want from a mentor."""

    programme = models.ForeignKey(MentoringProgramme, on_delete=models.CASCADE, related_name="mentees")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="mentee_requests"
    )
    kind = models.CharField(_("kind of mentoring wanted"), max_length=16, choices=Kind.choices)
    skills = models.JSONField(_("skills wanted"), default=list, blank=True)
    industries = models.JSONField(_("industries"), default=list, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    employer = models.CharField(_("current employer"), max_length=200, blank=True)
    wishes = models.TextField(_("wishes"), blank=True)
    wished_mentors = models.ManyToManyField(MentorProfile, blank=True, related_name="wished_by")
    # In a project-wide programme: since when the mentee lets the programme's staff of other partners see
    # this request (name, employer, wishes, availability, skills); empty when not, or withdrawn (decision 0060).
    shared_with_other_partners_at = models.DateTimeField(
        _("shared with the programme's staff of other partners since"), null=True, blank=True
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("mentee")
        verbose_name_plural = _("mentees")
        constraints = [
            models.UniqueConstraint(fields=["programme", "participation"], name="mentee_once_per_programme")
        ]

    def __str__(self) -> str:
        return str(self.participation.person)


class MatchingRun(models.Model):
    class Objective(models.TextChoices):
        TOTAL = "total", _("Best total fit")
        COUNT = "count", _("As many pairs as possible")
        MAXMIN = "maxmin", _("Fairest: the weakest pair as good as possible")

    programme = models.ForeignKey(MentoringProgramme, on_delete=models.CASCADE, related_name="runs")
    objective = models.CharField(
        _("objective"), max_length=8, choices=Objective.choices, default=Objective.TOTAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    summary = models.JSONField(_("result"), default=dict)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")

    def __str__(self) -> str:
        return f"{self.programme} {self.created_at:%Y-%m-%d %H:%M}"


class Proposal(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        REMOVED = "removed", _("Removed")
        PUBLISHED = "published", _("Published")

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="proposals")
    mentee = models.ForeignKey(MenteeRequest, on_delete=models.CASCADE, related_name="proposals")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="proposals")
    score = models.FloatField(_("score"))
    breakdown = models.JSONField(_("why this match"), default=list)
    by_hand = models.BooleanField(_("added by hand"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(fields=["run", "mentee", "mentor"], name="proposal_once_per_run"),
        ]

    def __str__(self) -> str:
        return f"{self.mentee_id} – {self.mentor_id} ({self.score:.2f})"


OPEN_STATUSES = ("pending", "active")


class Mentorship(TimeStamped):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for answers")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")

    class Response(models.TextChoices):
        WAITING = "waiting", _("Not answered yet")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class Origin(models.TextChoices):
        MATCHING = "matching", _("Proposed by the coordinator")
        REQUEST = "request", _("Requested by the participant")

    programme = models.ForeignKey(MentoringProgramme, on_delete=models.CASCADE, related_name="mentorships")
    mentee = models.ForeignKey(MenteeRequest, on_delete=models.CASCADE, related_name="mentorships")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.PROTECT, related_name="mentorships")
    proposal = models.OneToOneField(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentorship"
    )
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    mentee_response = models.CharField(
        _("mentee's answer"), max_length=10, choices=Response.choices, default=Response.WAITING
    )
    mentor_response = models.CharField(
        _("mentor's answer"), max_length=10, choices=Response.choices, default=Response.WAITING
    )
    score = models.FloatField(_("score"), default=0.0)
    breakdown = models.JSONField(_("why this match"), default=list)
    started_on = models.DateField(_("started"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closed_by = models.CharField(_("closed by"), max_length=12, blank=True)
    reminded_on = models.DateField(_("last reminded"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "mentor"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="one_open_mentorship_per_pair",
            ),
            # A mentee (one programme's request) has at most one mentor at a time: requests sent at the
            # same moment cannot each take a seat (the service also locks the mentee's row).
            models.UniqueConstraint(
                fields=["mentee"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="one_open_mentorship_per_mentee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentee} – {self.mentor}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class DeclinedPair(models.Model):
    """A pair that one side declined: never proposed again in this project."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="+"
    )
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="declined_pairs")
    declined_by = models.CharField(_("declined by"), max_length=8, choices=Side.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participation", "mentor"], name="declined_pair_once"),
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} – {self.mentor_id}"


class Goal(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.text


class Session(TimeStamped):
    """A meeting of the pair. Notes are private to the pair: coordinators see only that it happened."""

    class Status(models.TextChoices):
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("The other side did not come")
        CANCELLED = "cancelled", _("Cancelled")

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    notes = models.TextField(_("notes (only the two of you see these)"), blank=True)
    status = models.CharField(_("what happened"), max_length=10, choices=Status.choices, default=Status.HELD)
    logged_by = models.CharField(_("logged by"), max_length=8, choices=Side.choices)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__lte=600), name="session_at_most_ten_hours"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.duration_minutes} min"


class CheckIn(models.Model):
    """A short survey to one side of a mentorship: 30 days after the start, then every 60 days."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="checkins")
    side = models.CharField(_("who answers"), max_length=8, choices=Side.choices)
    due_on = models.DateField(_("due"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    rating = models.PositiveSmallIntegerField(_("how is it going (1–5)"), null=True, blank=True)
    text = models.TextField(_("anything to add"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-due_on", "side"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship", "side", "due_on"], name="checkin_once_per_due_date"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="checkin_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.due_on}"


class Feedback(models.Model):
    """Closing feedback of one side."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="feedback")
    side = models.CharField(_("from"), max_length=8, choices=Side.choices)
    rating = models.PositiveSmallIntegerField(_("rating (1–5)"))
    text = models.TextField(_("feedback"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["mentorship", "side"], name="feedback_once_per_side"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.rating}"
