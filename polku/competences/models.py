"""A participant's competence profile: ESCO skills they confirmed, with the evidence behind each.

Suggestions from text or a CV are kept as SUGGESTED until the person (or a coordinator with them)
confirms or rejects them; only CONFIRMED rows count as the person's skills (gap analysis, matching).
A rejected skill is remembered so that it is not suggested again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


class ProfileSkill(TimeStamped):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="profile_skills")
    skill = models.ForeignKey(
        "esco.Concept",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind__in": ["skill", "skill-group"]},
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    score = models.FloatField(_("score"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["person_id", "skill_id"]
        constraints = [models.UniqueConstraint(fields=["person", "skill"], name="competences_skill_once")]
        indexes = [models.Index(fields=["person", "status"], name="competences_person_status")]
        verbose_name = _("profile skill")
        verbose_name_plural = _("profile skills")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.skill_id} ({self.status})"


class SkillEvidence(models.Model):
    """Why a skill is in the profile: words of a text or CV, a completed course, or added by hand."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text written by the person")
        CV = "cv", _("CV")
        MANUAL = "manual", _("Added by hand")
        COMPLETION = "completion", _("Completed learning")
        OCCUPATION = "occupation", _("Occupation held")

    profile_skill = models.ForeignKey(ProfileSkill, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # The supporting words of a text, or a short description ("Completed: Python basics, 2026-05").
    text = models.CharField(_("evidence"), max_length=500, blank=True)
    # What the evidence points at, e.g. "learning.completion:42"; blank for text typed by the person.
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("skill evidence")
        verbose_name_plural = _("skill evidence")

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"
