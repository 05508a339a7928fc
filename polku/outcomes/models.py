"""What happened to a participant: the situation at exit, the six-month follow-up, and dated outcomes.

Raw facts only. Funder indicators (ESF+ EECR01–EECR06, ESF 2014–2020 CR01–CR09) are computed from these
rows by polku.reporting, never stored as flags. An empty answer means "not answered"; DECLINED means the
person chose not to answer; both count as unknown, never as "no".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped
from polku.outcomes import rules
from polku.participants.models import DECLINED, Answer


class Source(models.TextChoices):
    PARTICIPANT = "participant", _("The participant")
    COORDINATOR = "coordinator", _("A coordinator")
    IMPORT = "import", _("An import")


class ExitStatus(models.TextChoices):
    """Labour-market situation at exit (and six months after), in the categories ESF+ counts."""

    UNEMPLOYED = "unemployed", _("Unemployed job seeker")
    EDUCATION = "education", _("In education or training")
    EMPLOYED = "employed", _("Employed, including apprenticeship")
    SELF_EMPLOYED = "self_employed", _("Self-employed or entrepreneur")
    NONE = "none", _("None of these")
    DECLINED = DECLINED, _("Prefer not to answer")


class ExitRecord(TimeStamped):
    """The person's situation when the participation ended; one per participation.

    The exit date itself is `Participation.exit_date`. After a re-entry and a new exit, the record is
    updated: the last exit counts. `status_on` is the day the situation applied (ESF+ immediate results
    count situations within four weeks of exit).
    """

    participation = models.OneToOneField(
        "participants.Participation", on_delete=models.CASCADE, related_name="exit_record"
    )
    status = models.CharField(_("situation at exit"), max_length=14, choices=ExitStatus.choices, blank=True)
    status_on = models.DateField(_("situation on"), null=True, blank=True)
    qualification_gained = models.CharField(
        _("gained a qualification thanks to the project"), max_length=8, choices=Answer.choices, blank=True
    )
    source = models.CharField(_("recorded by"), max_length=12, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("exit record")
        verbose_name_plural = _("exit records")

    def __str__(self) -> str:
        return f"{self.participation_id}: {self.status or '?'}"

    @property
    def within_immediate_window(self) -> bool | None:
        """Whether the situation applied within four weeks of exit (computed, never stored)."""
        return rules.within_immediate_window(self.participation.exit_date, self.status_on)


class FollowUp(TimeStamped):
    """The six-month follow-up after exit: created by a scheduled task, answered by the person (through
    a link with `token`) or recorded by a coordinator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed without an answer")

    participation = models.OneToOneField(
        "participants.Participation", on_delete=models.CASCADE, related_name="follow_up"
    )
    due_on = models.DateField(_("due"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    labour_status = models.CharField(
        _("situation six months after exit"), max_length=14, choices=ExitStatus.choices, blank=True
    )
    # For those employed at entry: did their situation improve? (ESF+ EECR06)
    permanent_contract = models.CharField(
        _("moved to a permanent contract"), max_length=8, choices=Answer.choices, blank=True
    )
    full_time = models.CharField(
        _("moved to full-time work"), max_length=8, choices=Answer.choices, blank=True
    )
    more_demanding_job = models.CharField(
        _("moved to a more demanding job or was promoted"), max_length=8, choices=Answer.choices, blank=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    source = models.CharField(_("answered by"), max_length=12, choices=Source.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [models.Index(fields=["status", "due_on"], name="follow_up_due")]

    def __str__(self) -> str:
        return f"{self.participation_id}: {self.status}"


class Outcome(TimeStamped):
    """A dated result at any time during or after the participation, with its evidence."""

    class Kind(models.TextChoices):
        JOB = "job", _("Got a job")
        INTERNSHIP_STARTED = "internship_started", _("Started an internship")
        INTERNSHIP_FINISHED = "internship_finished", _("Finished an internship")
        COMPANY_FOUNDED = "company_founded", _("Founded a company")
        BUSINESS_TAKEN_OVER = "business_taken_over", _("Took over a company")
        STUDIES_STARTED = "studies_started", _("Started studies")
        QUALIFICATION = "qualification", _("Gained a qualification")
        OTHER_SERVICE = "other_service", _("Moved to another service")

    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = models.CharField(_("outcome"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    business_id = models.CharField(
        _("business ID"),
        max_length=20,
        blank=True,
        help_text=_("For a company founded or taken over, e.g. 1234567-8"),
    )
    description = models.TextField(_("description"), blank=True)
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("Where this is shown: a contract, a certificate, a link")
    )
    source = models.CharField(_("recorded by"), max_length=12, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["participation", "kind", "date"], name="outcome_kind_date")]
        # A company founded needs its business ID (checked by the services), but no database check:
        # anonymisation (polku.privacy) removes the ID of a sole trader, which identifies the person.

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


# Outcomes that make the person an entrepreneur: they carry the company's business ID, and a person with
# one of them at exit is self-employed (polku.outcomes.rules.self_employed_by_outcome).
COMPANY_KINDS = (Outcome.Kind.COMPANY_FOUNDED, Outcome.Kind.BUSINESS_TAKEN_OVER)
