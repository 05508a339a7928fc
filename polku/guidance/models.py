"""Individual guidance: a staff member's meeting with one participant, and the next steps agreed in it.

A session belongs to a participation, and so to its project and partner: the partner's coordinators
record it, edit it and read its private notes; the project lead and evaluators see counts only; the
participant sees the next steps agreed with them, never the notes (polku.accounts.access: `can_guide`).
Sessions are raw facts that targets count (polku.guidance.metrics); nothing is stored as a flag.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped

MIN_DURATION = 1
MAX_DURATION = 600  # ten hours: a longer meeting is a mistake in the number, not a session


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")


class Kind(models.TextChoices):
    CAREER = "career_guidance", _("Career guidance")
    STUDY = "study_counselling", _("Study counselling")
    SOCIAL = "social_support", _("Social support")
    ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship advice")


class Topic(models.TextChoices):
    """Tags of what a session was about; `other_topics` holds anything else in a few words."""

    JOB_SEARCH = "job_search", _("Job search")
    CV = "cv_applications", _("CV and applications")
    STUDIES = "studies", _("Studies and applying to them")
    RECOGNITION = "recognition", _("Recognition of qualifications")
    LANGUAGE = "language", _("Language learning")
    DIGITAL = "digital_skills", _("Digital skills")
    NETWORKING = "networking", _("Networking")
    BUSINESS_IDEA = "business_idea", _("Business idea")
    FUNDING = "funding", _("Funding and money matters")
    EVERYDAY = "everyday_life", _("Housing and everyday life")
    WELLBEING = "wellbeing", _("Wellbeing")


class GuidanceSession(TimeStamped):
    """A one-to-one meeting that has taken place. `notes` are private to the participation's partner."""

    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="guidance_sessions"
    )
    # who met the participant; the session stays when the account goes
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guidance_sessions",
        verbose_name=_("met by"),
    )
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    channel = models.CharField(_("how you met"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("kind of guidance"), max_length=20, choices=Kind.choices)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    other_topics = models.CharField(_("other topics"), max_length=300, blank=True)
    notes = models.TextField(_("private notes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-starts_at", "-id"]
        verbose_name = _("guidance session")
        verbose_name_plural = _("guidance sessions")
        indexes = [models.Index(fields=["participation", "held_on"], name="guidance_session_held")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=MIN_DURATION, duration_minutes__lte=MAX_DURATION),
                name="guidance_session_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.kind} {self.duration_minutes} min"

    def topic_labels(self) -> list[str]:
        """The chosen topics by name, then the other topics as written."""
        names = dict(Topic.choices)
        labels = [str(names.get(topic, topic)) for topic in self.topics]
        if self.other_topics:
            labels.append(self.other_topics)
        return labels


class NextStep(TimeStamped):
    """Something agreed in a session, to be done by the participant or by the staff member by `due_on`."""

    class Owner(models.TextChoices):
        PARTICIPANT = "participant", _("The participant")
        STAFF = "staff", _("Staff")

    session = models.ForeignKey(GuidanceSession, on_delete=models.CASCADE, related_name="next_steps")
    text = models.CharField(_("what was agreed"), max_length=300)
    due_on = models.DateField(_("due"))
    owner = models.CharField(_("who does it"), max_length=12, choices=Owner.choices)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("next step")
        verbose_name_plural = _("next steps")
        indexes = [models.Index(fields=["owner", "due_on"], name="guidance_step_due")]

    def __str__(self) -> str:
        return f"{self.due_on}: {self.text[:40]}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
