"""Feedback forms attached to activities, and the answers of the people enrolled in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


class FeedbackForm(TimeStamped):
    """One form per activity: a satisfaction score (1–5) and a configurable list of free-text questions."""

    activity = models.OneToOneField(
        "activities.Activity", on_delete=models.CASCADE, related_name="feedback_form"
    )
    title = models.CharField(_("title"), max_length=200)
    questions = models.JSONField(_("free-text questions"), default=list, blank=True)
    # The title and questions in other languages: {"sv": {"title": "…", "questions": ["…", …]}, …}, the
    # questions in the same order as `questions`. A reader gets their language, else the form's own.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    is_open = models.BooleanField(_("open for answers"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")

    def __str__(self) -> str:
        return self.title

    def _translated(self, language: str | None) -> dict:
        found = (self.translations or {}).get((language or get_language() or "en")[:2]) or {}
        return found if isinstance(found, dict) else {}

    def title_in(self, language: str | None = None) -> str:
        return str(self._translated(language).get("title") or self.title)

    def questions_in(self, language: str | None = None) -> list[str]:
        """The questions in `language` (the reader's when not given) when all are translated, else the
        form's own."""
        translated = self._translated(language).get("questions") or []
        if len(translated) == len(self.questions) and all(str(q).strip() for q in translated):
            return [str(q) for q in translated]
        return list(self.questions)

    @property
    def display_title(self) -> str:
        return self.title_in()


class FeedbackResponse(TimeStamped):
    form = models.ForeignKey(FeedbackForm, on_delete=models.CASCADE, related_name="responses")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="feedback_responses"
    )
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1–5)"))
    answers = models.JSONField(_("answers"), default=list, blank=True)

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        constraints = [
            models.UniqueConstraint(fields=["form", "participation"], name="feedback_once"),
            models.CheckConstraint(
                condition=models.Q(satisfaction__gte=1, satisfaction__lte=5), name="feedback_satisfaction_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form_id}: {self.satisfaction}"
