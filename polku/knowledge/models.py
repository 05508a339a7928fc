"""What projects learn and pass on: evaluation notes and reflection meetings, the good-practice library, and
handbook / tool-book pages. Texts come in fi, sv and en, shown with the fallback fi → sv → en."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped

LANGUAGES = ("fi", "sv", "en")


class EvaluationNote(TimeStamped):
    """A dated evaluation note or a coordinators' reflection meeting, with who took part and what was decided."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Evaluation note")
        REFLECTION = "reflection", _("Reflection meeting")

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="evaluation_notes")
    partner = models.ForeignKey(
        "projects.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_notes",
        verbose_name=_("partner"),
        help_text=_("Empty for the whole project"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NOTE)
    title = models.CharField(_("title"), max_length=200)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("attendees with a login")
    )
    other_attendees = models.JSONField(
        _("other attendees"), default=list, blank=True, help_text=_("Names of attendees without a login")
    )
    notes = models.TextField(_("notes"), blank=True)
    decisions = models.JSONField(_("decisions"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("evaluation note")
        verbose_name_plural = _("evaluation notes")
        indexes = [models.Index(fields=["project", "-date"], name="evaluation_project_recent")]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


def translated(row: models.Model, name: str, language: str) -> str:
    """`<name>_<language>` of the row, falling back fi → sv → en (for rows whose model is not `Translated`)."""
    for code in (language, *LANGUAGES):
        value = getattr(row, f"{name}_{code}", "")
        if value:
            return str(value)
    return ""


class Translated(models.Model):
    """Fields `<name>_fi`, `<name>_sv`, `<name>_en`; `text(name, language)` falls back fi → sv → en."""

    class Meta:
        abstract = True

    def text(self, name: str, language: str) -> str:
        return translated(self, name, language)

    def language_shown(self, name: str, language: str) -> str:
        for code in (language, *LANGUAGES):
            if getattr(self, f"{name}_{code}", ""):
                return code
        return language


def _texts(name: str, label: object, *, long: bool) -> dict[str, models.Field]:
    field = models.TextField if long else models.CharField
    extra = {} if long else {"max_length": 200}
    return {
        f"{name}_{code}": field(format_lazy("{} ({})", label, code), blank=True, **extra)  # type: ignore[arg-type]
        for code in LANGUAGES
    }


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class GoodPractice(Translated, TimeStamped):
    """A structured description of a practice worth reusing: problem, what was done, results, how to reuse."""

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("project"),
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    locals().update(_texts("title", _("title"), long=False))
    locals().update(_texts("problem", _("problem"), long=True))
    locals().update(_texts("done", _("what was done"), long=True))
    locals().update(_texts("results", _("results"), long=True))
    locals().update(_texts("reuse", _("how to reuse"), long=True))

    FIELDS = ("title", "problem", "done", "results", "reuse")

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.text("title", "en")


class HandbookPage(Translated, TimeStamped):
    class Kind(models.TextChoices):
        HANDBOOK = "handbook", _("Handbook")
        TOOLBOOK = "toolbook", _("Tool-book")

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handbook_pages",
        verbose_name=_("project"),
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.HANDBOOK)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    locals().update(_texts("title", _("title"), long=False))
    locals().update(_texts("body", _("text"), long=True))

    FIELDS = ("title", "body")

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("handbook page")
        verbose_name_plural = _("handbook pages")

    def __str__(self) -> str:
        return self.text("title", "en")
