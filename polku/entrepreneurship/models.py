"""Entrepreneurship: business ideas through their stages, sparring, business-transfer listings with their
successors and introductions, and the companies founded or taken over.

- A business idea belongs to a participant (its owner's participation, so to a partner) with co-founders
  who are participants too: the team. The team edits it; the owner's coordinators and the idea's sparring
  experts read it (each staff read audited) and comment. Its stage moves by the rules of
  `polku.entrepreneurship.rules`; every move is kept in `StageChange` with its date.
- Sparring: an expert (a user with the mentor role) attached to an idea for a number of sessions; the
  notes of the sessions are private to the team and the expert, as mentoring notes are.
- A transfer listing is a company looking for a successor, entered by a coordinator for the owner; it is
  not a participant's data, but its confidential fields (name, exact figures, owner's contact) are shown
  to a successor only once both sides agreed to an introduction (`Introduction.names_exchanged_at`).
- A successor profile says what a participant who wants to take over a company brings; their skills
  are their confirmed ESCO skills (polku.competences).
- A company founded or taken over carries a business ID checked by `polku.organisations.business_ids`
  and the outcome it was recorded as (polku.outcomes: company_founded or business_taken_over).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    VALIDATING = "validating", _("Validating")
    READY = "ready_to_start", _("Ready to start")
    STARTED = "started", _("Started")
    GROWING = "growing", _("Growing")
    PAUSED = "paused", _("Paused")


CANVAS_FIELDS = (
    "problem",
    "customer_segments",
    "unique_value",
    "solution",
    "channels",
    "revenue_streams",
    "cost_structure",
    "key_metrics",
    "unfair_advantage",
)


CANVAS_LABELS = {
    "problem": _("Problem"),
    "customer_segments": _("Customer segments"),
    "unique_value": _("Unique value proposition"),
    "solution": _("Solution"),
    "channels": _("Channels"),
    "revenue_streams": _("Revenue streams"),
    "cost_structure": _("Cost structure"),
    "key_metrics": _("Key metrics"),
    "unfair_advantage": _("Unfair advantage"),
}


class BusinessIdea(TimeStamped):
    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="business_ideas"
    )
    co_founders = models.ManyToManyField(
        "participants.Person", blank=True, related_name="co_founded_ideas", verbose_name=_("co-founders")
    )
    title = models.CharField(_("name of the idea"), max_length=120)
    pitch = models.CharField(_("one-line pitch"), max_length=200, blank=True)
    industry = models.CharField(_("industry"), max_length=3, blank=True)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.IDEA)
    stage_since = models.DateField(_("in this stage since"))
    # the Lean Canvas
    problem = models.TextField(_("problem"), blank=True)
    customer_segments = models.TextField(_("customer segments"), blank=True)
    unique_value = models.TextField(_("unique value proposition"), blank=True)
    solution = models.TextField(_("solution"), blank=True)
    channels = models.TextField(_("channels"), blank=True)
    revenue_streams = models.TextField(_("revenue streams"), blank=True)
    cost_structure = models.TextField(_("cost structure"), blank=True)
    key_metrics = models.TextField(_("key metrics"), blank=True)
    unfair_advantage = models.TextField(_("unfair advantage"), blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("business idea")
        verbose_name_plural = _("business ideas")
        indexes = [models.Index(fields=["stage"], name="entre_idea_stage")]

    def __str__(self) -> str:
        return self.title


class StageChange(models.Model):
    idea = models.ForeignKey(BusinessIdea, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=16, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=16, choices=Stage.choices)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["changed_on", "id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        indexes = [models.Index(fields=["to_stage", "changed_on"], name="entre_stage_change")]

    def __str__(self) -> str:
        return f"{self.changed_on}: {self.from_stage or '–'} → {self.to_stage}"


class Interview(TimeStamped):
    idea = models.ForeignKey(BusinessIdea, on_delete=models.CASCADE, related_name="interviews")
    interviewee = models.CharField(_("who"), max_length=200, help_text=_("e.g. a café owner in Espoo"))
    held_on = models.DateField(_("when"))
    learnt = models.TextField(_("what was learnt"))

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("customer interview")
        verbose_name_plural = _("customer interviews")


class Experiment(TimeStamped):
    class Result(models.TextChoices):
        RUNNING = "running", _("Still running")
        CONFIRMED = "confirmed", _("Confirmed the assumption")
        REFUTED = "refuted", _("Proved the assumption wrong")
        UNCLEAR = "unclear", _("No clear answer")

    idea = models.ForeignKey(BusinessIdea, on_delete=models.CASCADE, related_name="experiments")
    assumption = models.CharField(_("what was tested"), max_length=300)
    method = models.TextField(_("how"), blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.RUNNING)
    learnt = models.TextField(_("what was learnt"), blank=True)
    done_on = models.DateField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")


class Milestone(TimeStamped):
    idea = models.ForeignKey(BusinessIdea, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    reached_on = models.DateField(_("reached"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")


class IdeaComment(TimeStamped):
    """A coordinator's or sparring expert's comment on an idea, read by its team."""

    idea = models.ForeignKey(BusinessIdea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")


class Readiness(models.TextChoices):
    NOT_YET = "not_yet", _("Not ready yet")
    ALMOST = "almost", _("Almost ready")
    READY = "ready", _("Ready to start")


class Sparring(TimeStamped):
    idea = models.ForeignKey(BusinessIdea, on_delete=models.CASCADE, related_name="sparrings")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sparrings")
    sessions_agreed = models.PositiveSmallIntegerField(_("sessions agreed"))
    readiness = models.CharField(_("readiness"), max_length=8, choices=Readiness.choices, blank=True)
    readiness_note = models.TextField(_("feedback on readiness"), blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sparring")
        verbose_name_plural = _("sparrings")
        constraints = [
            models.UniqueConstraint(fields=["idea", "expert"], name="entre_sparring_once"),
            models.CheckConstraint(
                condition=models.Q(sessions_agreed__gte=1, sessions_agreed__lte=50),
                name="entre_sparring_sessions",
            ),
        ]


class SparringSession(TimeStamped):
    sparring = models.ForeignKey(Sparring, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    notes = models.TextField(_("notes"), blank=True)
    # a session booked as a mentor-day slot, where the project runs mentor days
    slot = models.ForeignKey(
        "mentordays.Slot", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("sparring session")
        verbose_name_plural = _("sparring sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=1, duration_minutes__lte=600),
                name="entre_sparring_duration",
            )
        ]


class StaffBand(models.TextChoices):
    NONE = "0", _("Owner only")
    MICRO = "1-9", _("1–9 people")
    SMALL = "10-49", _("10–49 people")
    MEDIUM = "50-249", _("50–249 people")


class TurnoverBand(models.TextChoices):
    UNDER_200K = "lt200k", _("Under €200,000")
    UNDER_1M = "200k-1m", _("€200,000–1 million")
    UNDER_2M = "1m-2m", _("€1–2 million")
    OVER_2M = "gt2m", _("Over €2 million")


class CapitalBand(models.IntegerChoices):
    NONE = 0, _("No own capital")
    UNDER_20K = 1, _("Under €20,000")
    UNDER_100K = 2, _("€20,000–100,000")
    UNDER_500K = 3, _("€100,000–500,000")
    OVER_500K = 4, _("Over €500,000")


class TransferListing(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", _("Looking for a successor")
        COMPLETED = "completed", _("Taken over")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    partner = models.ForeignKey(
        "projects.Partner", on_delete=models.PROTECT, related_name="transfer_listings"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    headline = models.CharField(
        _("headline"), max_length=150, help_text=_("No name: e.g. a café in a shopping centre")
    )
    industry = models.CharField(_("industry"), max_length=3)
    country = models.CharField(_("country"), max_length=2, default="FI")
    region = models.CharField(_("region"), max_length=2, blank=True)
    region_text = models.CharField(_("region outside Finland"), max_length=100, blank=True)
    staff_band = models.CharField(_("staff"), max_length=8, choices=StaffBand.choices)
    turnover_band = models.CharField(_("turnover"), max_length=8, choices=TurnoverBand.choices)
    reason = models.TextField(_("why the owner gives it up"), blank=True)
    handover_by = models.DateField(_("hand-over wanted by"), null=True, blank=True)
    skills = models.ManyToManyField("esco.Concept", blank=True, related_name="+", verbose_name=_("skills"))
    experience_years = models.PositiveSmallIntegerField(_("years of experience asked"), default=0)
    languages = models.JSONField(_("languages"), default=dict, blank=True)  # {"fi": "B1"}
    capital_band = models.PositiveSmallIntegerField(
        _("capital the buyer needs"), choices=CapitalBand.choices, default=CapitalBand.NONE
    )
    # confidential until both sides agreed to an introduction
    company_name = models.CharField(_("company name"), max_length=200)
    figures = models.TextField(_("exact figures"), blank=True)
    owner_contact = models.CharField(_("owner's contact"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)

    CONFIDENTIAL = ("company_name", "figures", "owner_contact")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("transfer listing")
        verbose_name_plural = _("transfer listings")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(industry="") & (~models.Q(region="") | ~models.Q(region_text="")),
                name="entre_listing_industry_region",
            )
        ]

    def __str__(self) -> str:
        return self.headline


class Timeline(models.TextChoices):
    NOW = "now", _("Now")
    YEAR = "year", _("Within a year")
    TWO_YEARS = "two_years", _("Within two years")
    LATER = "later", _("Later")


TIMELINE_MONTHS = {Timeline.NOW: 0, Timeline.YEAR: 12, Timeline.TWO_YEARS: 24, Timeline.LATER: 36}


class SuccessorProfile(TimeStamped):
    participation = models.OneToOneField(
        "participants.Participation", on_delete=models.CASCADE, related_name="successor_profile"
    )
    industries = models.JSONField(_("industries"), default=list, blank=True)
    regions = models.JSONField(_("regions"), default=list, blank=True)
    anywhere_in_finland = models.BooleanField(_("anywhere in Finland"), default=False)
    capital_band = models.PositiveSmallIntegerField(
        _("capital available"), choices=CapitalBand.choices, default=CapitalBand.NONE
    )
    timeline = models.CharField(_("when"), max_length=10, choices=Timeline.choices, default=Timeline.YEAR)
    experience_years = models.PositiveSmallIntegerField(_("years of work or business experience"), default=0)
    note = models.TextField(_("what kind of company"), blank=True)
    active = models.BooleanField(_("looking now"), default=True)

    class Meta:
        verbose_name = _("successor profile")
        verbose_name_plural = _("successor profiles")


class Introduction(TimeStamped):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Both agreed: names exchanged")
        DECLINED = "declined", _("Declined")
        COMPLETED = "completed", _("Company taken over")

    listing = models.ForeignKey(TransferListing, on_delete=models.CASCADE, related_name="introductions")
    successor = models.ForeignKey(SuccessorProfile, on_delete=models.CASCADE, related_name="introductions")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    participant_agreed_at = models.DateTimeField(_("participant agreed"), null=True, blank=True)
    owner_agreed_at = models.DateTimeField(_("owner agreed"), null=True, blank=True)
    owner_agreement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    names_exchanged_at = models.DateTimeField(_("names exchanged"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(fields=["listing", "successor"], name="entre_introduction_once"),
            models.CheckConstraint(
                condition=models.Q(names_exchanged_at__isnull=True)
                | (models.Q(participant_agreed_at__isnull=False) & models.Q(owner_agreed_at__isnull=False)),
                name="entre_names_after_both_agreed",
            ),
        ]


class CompanyForm(models.TextChoices):
    SOLE_TRADER = "sole_trader", _("Sole trader")
    LIMITED = "limited", _("Limited company")
    PARTNERSHIP = "partnership", _("Partnership")
    COOPERATIVE = "cooperative", _("Cooperative")
    OTHER = "other", _("Other")


class Company(TimeStamped):
    class How(models.TextChoices):
        FOUNDED = "founded", _("Founded")
        TAKEN_OVER = "taken_over", _("Taken over")

    participation = models.ForeignKey(
        "participants.Participation", on_delete=models.CASCADE, related_name="companies"
    )
    how = models.CharField(_("how"), max_length=10, choices=How.choices)
    name = models.CharField(_("company name"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    business_id = models.CharField(_("business ID"), max_length=20)
    company_form = models.CharField(_("company form"), max_length=12, choices=CompanyForm.choices)
    registered_on = models.DateField(_("date registered"))
    industry = models.CharField(_("industry"), max_length=3, blank=True)
    idea = models.ForeignKey(
        BusinessIdea, on_delete=models.SET_NULL, null=True, blank=True, related_name="companies"
    )
    listing = models.ForeignKey(
        TransferListing, on_delete=models.SET_NULL, null=True, blank=True, related_name="companies"
    )
    outcome = models.OneToOneField(
        "outcomes.Outcome", on_delete=models.SET_NULL, null=True, blank=True, related_name="company"
    )
    register_name = models.CharField(_("name in the business register"), max_length=200, blank=True)
    register_checked_at = models.DateTimeField(_("checked in the business register"), null=True, blank=True)

    class Meta:
        ordering = ["-registered_on", "-id"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(fields=["participation", "business_id"], name="entre_company_once"),
            models.CheckConstraint(
                condition=models.Q(how="founded", listing__isnull=True)
                | models.Q(how="taken_over", idea__isnull=True),
                name="entre_company_origin",
            ),
        ]

    def __str__(self) -> str:
        return self.name
