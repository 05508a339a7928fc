"""Peer groups (Mastermind): rounds of multicultural groups formed by the engine, their meetings,
attendance and reflections.

A round belongs to one partner of a project and groups that partner's participants who opted in. The
coordinator forms it (polku.matching.groups), moves people, and publishes it; members then see their
group. Reflections are visible to the members of the group and to the partner's coordinators.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.participants.models import Cefr

ATTRIBUTES = ("origin", "field", "gender", "partner")


class PeerGroupRound(TimeStamped):
    """A round of one partner's peer groups, one-to-one with an activity of kind peer group (decision 0057):
    publishing the round enrols its members in the activity, which counts them toward activity targets."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="peer_group_rounds"
    )
    partner = models.ForeignKey(
        "projects.Partner", on_delete=models.CASCADE, related_name="peer_group_rounds"
    )
    activity = models.OneToOneField(
        "activities.Activity",
        on_delete=models.RESTRICT,
        related_name="peer_group_round",
        verbose_name=_("activity"),
        help_text=_(
            "The round among the project's activities: its members are enrolled when it is published"
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    group_size = models.PositiveSmallIntegerField(_("group size"), default=6)
    min_language_level = models.CharField(
        _("minimum level of the working language"), max_length=6, choices=Cefr.choices, default=Cefr.B1
    )
    attributes = models.JSONField(_("attributes to diversify"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("peer-group round")
        verbose_name_plural = _("peer-group rounds")
        constraints = [
            models.CheckConstraint(condition=models.Q(group_size__gte=2), name="peer_group_size_min_2")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class PeerGroupOptIn(models.Model):
    """A participant who wants to be in this round's groups (they opted in, or their coordinator added them)."""

    round = models.ForeignKey(PeerGroupRound, on_delete=models.CASCADE, related_name="opt_ins")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="peer_group_opt_ins"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "participation"], name="one_opt_in_per_round")
        ]

    def __str__(self) -> str:
        return f"PeerGroupOptIn {self.pk}"


class PeerGroup(models.Model):
    round = models.ForeignKey(PeerGroupRound, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField(_("number"))
    language = models.CharField(_("working language"), max_length=3, blank=True)

    class Meta:
        ordering = ["round", "number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="one_group_number_per_round")]

    def __str__(self) -> str:
        return f"{self.round} #{self.number}"


class PeerGroupMembership(models.Model):
    round = models.ForeignKey(PeerGroupRound, on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="memberships")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="peer_group_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "participation"], name="one_peer_group_per_round")
        ]

    def __str__(self) -> str:
        return f"PeerGroupMembership {self.pk}"


class PeerGroupMeeting(TimeStamped):
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"PeerGroupMeeting {self.pk}"


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(PeerGroupMeeting, on_delete=models.CASCADE, related_name="attendance")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="+"
    )
    present = models.BooleanField(_("present"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participation"], name="one_attendance_per_meeting")
        ]

    def __str__(self) -> str:
        return f"MeetingAttendance {self.pk}"


class MeetingReflection(TimeStamped):
    """A member's short reflection on a meeting; visible to the group's members and its coordinators."""

    meeting = models.ForeignKey(PeerGroupMeeting, on_delete=models.CASCADE, related_name="reflections")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("reflection"), max_length=2000)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participation"], name="one_reflection_per_meeting")
        ]

    def __str__(self) -> str:
        return f"MeetingReflection {self.pk}"
