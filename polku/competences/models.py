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
from polku.participants.models import Isced


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


class IscedField(models.TextChoices):
    """ISCED-F 2013 broad fields of education and training."""

    GENERIC = "00", _("Generic programmes and qualifications")
    EDUCATION = "01", _("Education")
    ARTS = "02", _("Arts and humanities")
    SOCIAL = "03", _("Social sciences, journalism and information")
    BUSINESS = "04", _("Business, administration and law")
    SCIENCES = "05", _("Natural sciences, mathematics and statistics")
    ICT = "06", _("Information and communication technologies")
    ENGINEERING = "07", _("Engineering, manufacturing and construction")
    AGRICULTURE = "08", _("Agriculture, forestry, fisheries and veterinary")
    HEALTH = "09", _("Health and welfare")
    SERVICES = "10", _("Services")


class Education(TimeStamped):
    """One completed (or ongoing) education of the person."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="educations")
    level = models.CharField(_("level (ISCED 2011)"), max_length=1, choices=Isced.choices)
    isced_field = models.CharField(
        _("field (ISCED-F 2013)"), max_length=2, choices=IscedField.choices, blank=True
    )
    title = models.CharField(_("degree or qualification"), max_length=200, blank=True)
    institution = models.CharField(_("school or institution"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO code, e.g. FI, SY"))
    year_completed = models.PositiveSmallIntegerField(
        _("year completed"), null=True, blank=True, help_text=_("Leave empty if not completed")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["person_id", "-year_completed", "-id"]
        verbose_name = _("education")
        verbose_name_plural = _("education")

    def __str__(self) -> str:
        return self.title or self.get_level_display()


class OccupationHeld(TimeStamped):
    """Work the person has done: an ESCO occupation or a free title (or both), with where and when."""

    person = models.ForeignKey(
        "participants.Person", on_delete=models.CASCADE, related_name="occupations_held"
    )
    occupation = models.ForeignKey(
        "esco.Concept",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "occupation"},
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["person_id", "-end_year", "-start_year", "-id"]
        verbose_name = _("occupation held")
        verbose_name_plural = _("occupations held")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title="") | models.Q(occupation__isnull=False),
                name="competences_occupation_named",
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="competences_occupation_years",
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(self.occupation_id)


class OccupationSuggestion(TimeStamped):
    """An occupation the ranker found in the person's text; they mark it held or dismiss it.

    A dismissed (or accepted) suggestion is remembered so that it is not suggested again.
    """

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        HELD = "held", _("I have worked as this")
        DISMISSED = "dismissed", _("Dismissed")

    person = models.ForeignKey(
        "participants.Person", on_delete=models.CASCADE, related_name="occupation_suggestions"
    )
    occupation = models.ForeignKey(
        "esco.Concept", on_delete=models.PROTECT, related_name="+", limit_choices_to={"kind": "occupation"}
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    score = models.FloatField(_("score"), null=True, blank=True)
    evidence = models.CharField(_("evidence"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=12, choices=SkillEvidence.Kind.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["person_id", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "occupation"], name="competences_occupation_once")
        ]
        verbose_name = _("occupation suggestion")
        verbose_name_plural = _("occupation suggestions")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.occupation_id} ({self.status})"


class SuggestionJob(models.Model):
    """A long text waiting for the ranker in a background task.

    `text` holds the text only until the task has run: it is emptied when the suggestions are stored
    (or the task failed), so the full text of a CV is never kept (decision 0036).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(_("source"), max_length=12, choices=SkillEvidence.Kind.choices)
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    text = models.TextField(blank=True)
    skills_found = models.PositiveSmallIntegerField(default=0)
    occupations_found = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.source} {self.status}"
