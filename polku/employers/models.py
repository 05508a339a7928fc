"""Employers: the companies a project's partners work with, their talent needs, the introductions of
participants to them, and the log of company cooperation.

- `Employer`: an organisation (kind company) a partner of a project works with; its representatives
  (`EmployerRepresentative`) sign in with the employer role and act for it, one employer each per project.
- `TalentNeed`: a job, internship or other way in, with its ESCO skills (`NeedSkill`: suggested from the
  text by the skill ranker, counted only once a person confirms them) and languages (`NeedLanguage`).
- `Introduction`: a participant proposed to an employer for a need. The employer sees a blind profile
  until the participant approves; a declined employer is never proposed again for that person (a partial
  unique constraint: one proposed-or-declined row per employer and participation).
- `CooperationEntry`: a contact or meeting with the company, the needs identified, the ways of meeting
  talent agreed and the follow-up due (DiGIMESH WP3).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.participants.models import Cefr


class Employer(TimeStamped):
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="employers")
    # the partner that keeps the relationship with the company
    partner = models.ForeignKey(
        "projects.Partner", on_delete=models.CASCADE, related_name="employers", verbose_name=_("partner")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="employer_links",
        verbose_name=_("company"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["organisation__name", "id"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation"], name="employer_once_per_project")
        ]

    def __str__(self) -> str:
        return self.organisation.name


class EmployerRepresentative(TimeStamped):
    """A user who acts for one employer in a project (created when they accept their invitation)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="representatives")
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_links"
    )

    class Meta:
        verbose_name = _("employer representative")
        verbose_name_plural = _("employer representatives")
        constraints = [
            # one employer per person and project
            models.UniqueConstraint(fields=["user", "project"], name="representative_one_employer")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.employer_id}"


class NeedKind(models.TextChoices):
    JOB = "job", _("Job")
    INTERNSHIP = "internship", _("Internship")
    WORK_TRIAL = "work_trial", _("Work trial")
    THESIS = "thesis", _("Thesis")
    PROJECT = "project", _("Project work")
    MENTORING = "mentoring", _("Mentoring offer")
    MEET_US = "meet_us", _("“Meet us” session")


PLACEMENT_KINDS = (NeedKind.JOB, NeedKind.INTERNSHIP, NeedKind.WORK_TRIAL)


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    HYBRID = "hybrid", _("Partly remote")
    REMOTE = "remote", _("Remote")


class TalentNeed(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("kind"), max_length=12, choices=NeedKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    occupation = models.ForeignKey(
        "esco.Concept",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("occupation"),
    )
    mode = models.CharField(_("where the work is done"), max_length=8, choices=WorkMode.choices)
    location = models.CharField(_("place"), max_length=100, blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    closes_on = models.DateField(_("applications close"), null=True, blank=True)
    openings = models.PositiveSmallIntegerField(_("number of openings"), default=1)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    filled_at = models.DateTimeField(_("filled"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("talent need")
        verbose_name_plural = _("talent needs")
        indexes = [models.Index(fields=["status", "employer"], name="employers_need_status")]
        constraints = [
            models.CheckConstraint(condition=models.Q(openings__gte=1), name="need_openings_at_least_one")
        ]

    def __str__(self) -> str:
        return self.title


class NeedSkill(models.Model):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")

    need = models.ForeignKey(TalentNeed, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("esco.Concept", on_delete=models.PROTECT, related_name="+")
    required = models.BooleanField(_("required"), default=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    score = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["need_id", "-required", "skill_id"]
        constraints = [models.UniqueConstraint(fields=["need", "skill"], name="need_skill_once")]
        indexes = [models.Index(fields=["skill", "status"], name="employers_needskill_skill")]

    def __str__(self) -> str:
        return f"{self.need_id}: {self.skill_id}"


class NeedLanguage(models.Model):
    need = models.ForeignKey(TalentNeed, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3)
    level = models.CharField(_("least level"), max_length=6, choices=Cefr.choices)

    class Meta:
        ordering = ["need_id", "language"]
        constraints = [models.UniqueConstraint(fields=["need", "language"], name="need_language_once")]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class Introduction(TimeStamped):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the participant")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    class Side(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        EMPLOYER = "employer", _("Employer")

    class Result(models.TextChoices):
        OFFERED = "offered", _("Offered a place")
        NOT_SELECTED = "not_selected", _("Not selected")
        WITHDREW = "withdrew", _("The participant withdrew")

    need = models.ForeignKey(TalentNeed, on_delete=models.CASCADE, related_name="introductions")
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="introductions")
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="introductions"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_side = models.CharField(_("proposed by"), max_length=12, choices=Side.choices)
    message = models.CharField(_("why this introduction"), max_length=500, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    interview_on = models.DateField(_("interview"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=14, choices=Result.choices, blank=True)
    started_on = models.DateField(_("started"), null=True, blank=True)
    # the outcome recorded in the outcomes app when the internship or job started
    outcome = models.ForeignKey(
        "outcomes.Outcome", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(fields=["need", "participation"], name="introduction_once_per_need"),
            # waiting, or declined: then this employer is never proposed again for this person
            models.UniqueConstraint(
                fields=["employer", "participation"],
                condition=models.Q(status__in=["proposed", "declined"]),
                name="introduction_declined_never_again",
            ),
        ]
        indexes = [models.Index(fields=["status", "decided_at"], name="employers_intro_status")]

    def __str__(self) -> str:
        return f"{self.need_id} ← {self.participation_id} ({self.status})"


class Way(models.TextChoices):
    EVENT = "event", _("Company event")
    INTERNSHIP = "internship", _("Internship")
    MENTORING = "mentoring", _("Mentoring")
    SITE_VISIT = "site_visit", _("Site visit")


class CooperationEntry(TimeStamped):
    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact")
        MEETING = "meeting", _("Meeting")
        EVENT = "event", _("Event together")
        SITE_VISIT = "site_visit", _("Site visit")

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="cooperation")
    partner = models.ForeignKey("projects.Partner", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    happened_on = models.DateField(_("date"))
    summary = models.TextField(_("what was discussed"), blank=True)
    needs_identified = models.TextField(_("needs identified"), blank=True)
    ways = models.JSONField(_("ways of meeting talent agreed"), default=list, blank=True)
    follow_up_on = models.DateField(_("follow up by"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-happened_on", "-id"]
        verbose_name = _("cooperation entry")
        verbose_name_plural = _("cooperation entries")
        indexes = [models.Index(fields=["follow_up_on"], name="employers_follow_up")]

    def __str__(self) -> str:
        return f"{self.happened_on} {self.kind}"

    def way_labels(self) -> list[str]:
        names = dict(Way.choices)
        return [str(names.get(w, w)) for w in self.ways]
