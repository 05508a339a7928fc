"""Self-assessments: a person rates themself on each competence of a framework, as often as they like.

The framework's code and version are stored on every assessment (and the competence's full code, which
includes the version, on every answer), so an assessment taken on DigComp 2.2 stays readable and
comparable when a later version is added. The framework texts themselves are data in
`polku.assessments.frameworks`, not rows.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


class FrameworkCode(models.TextChoices):
    DIGCOMP = "digcomp", "DigComp"
    ENTRECOMP = "entrecomp", "EntreComp"


class SelfAssessment(TimeStamped):
    class Source(models.TextChoices):
        SELF = "self", _("By the participant")
        WITH_STAFF = "with_staff", _("With a coordinator")

    person = models.ForeignKey(
        "participants.Person", on_delete=models.CASCADE, related_name="self_assessments"
    )
    framework = models.CharField(_("framework"), max_length=20, choices=FrameworkCode.choices)
    framework_version = models.CharField(_("framework version"), max_length=10)
    taken_at = models.DateTimeField(_("taken"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    source = models.CharField(_("filled in"), max_length=12, choices=Source.choices, default=Source.SELF)
    participation = models.ForeignKey(
        "participants.Participation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_assessments",
        verbose_name=_("participation"),
        help_text=_("The project participation the assessment was taken in, if any"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["person", "framework", "taken_at", "pk"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        indexes = [
            models.Index(fields=["person", "framework", "taken_at"], name="assessment_person_taken"),
        ]

    def __str__(self) -> str:
        return f"{self.framework_key} {self.taken_at:%Y-%m-%d}"

    @property
    def framework_key(self) -> str:
        return f"{self.framework}-{self.framework_version}"


class Answer(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    competence = models.CharField(_("competence"), max_length=40, help_text=_("e.g. digcomp-2.2:1.1"))
    level = models.PositiveSmallIntegerField(
        _("level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text=_("1–8; empty when not assessed"),
    )

    class Meta:
        ordering = ["assessment", "competence"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "competence"], name="one_answer_per_competence"),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=8),
                name="answer_level_1_to_8",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competence}: {self.level or '–'}"
