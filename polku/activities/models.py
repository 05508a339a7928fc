"""A project's activities (cohorts) with their enrolments, and the targets the project promised to reach.

These models lived in `projects` until decision 0050; their rows did not move (the tables were renamed
from projects_activity, projects_activityenrolment and projects_target).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.projects.models import Partner, Project, WorkPackage


class Activity(TimeStamped):
    """A cohort or activity participants join: a training, a MOOC run, a community, a series of events.

    Apps above link their own rows one-to-one to an activity (an event, a mentor day, a mentoring programme,
    a peer-group round) so that who took part counts toward the project's targets. A linked activity is
    removed with what it belongs to (the link is RESTRICT or CASCADE from there), never on its own page.
    """

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        MOOC = "mooc", _("MOOC run")
        COMMUNITY = "community", _("Community")
        MENTORING = "mentoring", _("Mentoring")
        PEER_GROUP = "peer_group", _("Peer group")
        EVENT_SERIES = "event_series", _("Event series")
        EVENT = "event", _("Event")
        STUDIES = "studies", _("Studies")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("partner"),
        help_text=_(
            "Empty for an activity of the whole project, such as a mentoring programme the lead runs"
        ),
    )
    work_package = models.ForeignKey(
        WorkPackage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("work package"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    participants = models.ManyToManyField(
        "participants.Participation", through="ActivityEnrolment", related_name="activities"
    )

    class Meta:
        ordering = ["project", "starts_on", "name"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.name


class ActivityEnrolment(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="enrolments")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_on = models.DateField(_("enrolled"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "participation"], name="enrol_once")]

    def __str__(self) -> str:
        return f"{self.participation_id} → {self.activity_id}"


class Target(TimeStamped):
    """What a project promised to reach, counted from raw facts (never a stored flag).

    `metric` names what is counted; polku.activities.metrics holds the counter of each metric.
    """

    class Metric(models.TextChoices):
        PARTICIPANTS = "participants", _("Participants who started")
        ACTIVITY_PARTICIPANTS = "activity_participants", _("Participants in activities of the work package")
        EXITED = "exited", _("Participants who have exited")
        ACTIVITIES = "activities", _("Activities held")
        EVENTS = "events", _("Events held")
        EVENT_ATTENDEES = "event_attendees", _("Different people who came to events")
        EVENT_ATTENDANCES = "event_attendances", _("Attendances at events (each visit counts)")
        OUTCOMES = "outcomes", _("Different people with an outcome")
        MENTORING_PAIRS = "mentoring_pairs", _("Mentoring pairs formed")
        GUIDANCE_SESSIONS = "guidance_sessions", _("Guidance sessions held")
        GUIDANCE_PARTICIPANTS = "guidance_participants", _("Different people met in guidance")
        COMPANIES_FOUNDED = "companies_founded", _("Companies founded")
        TRANSFERS_COMPLETED = "transfers_completed", _("Business transfers completed")
        IDEAS_AT_STAGE = "ideas_at_stage", _("Business ideas that reached a stage")
        COMMUNITY_PROFILES = "community_profiles", _("Profiles in the community directory")
        COMMUNITY_ACROSS_COUNTRIES = "community_across_countries", _("Contacts made across countries")
        COMPANIES_ENGAGED = "companies_engaged", _("Companies engaged")
        NEEDS_OPENED = "needs_opened", _("Talent needs opened by employers")
        INTRODUCTIONS_APPROVED = "introductions_approved", _("Introductions to employers approved")
        PLACEMENTS = "placements", _("Internships and jobs started through introductions")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="targets")
    work_package = models.ForeignKey(
        WorkPackage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("work package"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("partner"),
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    metric = models.CharField(_("what is counted"), max_length=30, choices=Metric.choices)
    kind = models.CharField(
        _("only of this kind"),
        max_length=20,
        blank=True,
        help_text=_("Count only one kind, e.g. networking dinners or further studies."),
    )
    label = models.CharField(_("label"), max_length=200)
    value = models.PositiveIntegerField(_("target value"))

    class Meta:
        ordering = ["project", "work_package__number", "label"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"
