"""Learning: a catalogue of learning opportunities, and each participant's development plan (HOPS,
henkilökohtainen osaamisen kehittämissuunnitelma) with its items, milestones, review comments and the
completions that add skills to the competence profile.

A plan stores the planning engine's proposal as ordinary items that the person and their coordinator
edit freely (decision 0043); the gap is recomputed and stored on the plan whenever the profile changes
through the plan (a completion) or someone asks for it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from polku.core.models import TimeStamped

LANGUAGES = ("fi", "sv", "en")


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    ONSITE = "onsite", _("On site")
    BLENDED = "blended", _("Blended")


class LearningOpportunity(TimeStamped):
    """A course, MOOC module, path studies at a university, or a training, with the skills it builds.

    Owned by a partner (its coordinators edit it), a project (its lead), or the whole platform (admins).
    `code` is the stable key of the CSV import and export and of MOOC completion files.
    """

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        MOOC = "mooc", _("MOOC module")
        PATH_STUDIES = "path-studies", _("Path studies (open university)")
        TRAINING = "training", _("Training")

    code = models.SlugField(
        _("code"), max_length=80, unique=True, help_text=_("A short unique key, e.g. forklift-card-2026")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.COURSE)
    provider = models.CharField(_("provider"), max_length=200)
    title_fi = models.CharField(_("title (Finnish)"), max_length=200, blank=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_fi = models.TextField(_("description (Finnish)"), blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    # Teaching language → the minimum CEFR level a learner needs in it; any one of them suffices.
    languages = models.JSONField(_("teaching languages"), default=dict, blank=True)
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.ONLINE)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    ects = models.DecimalField(_("ECTS credits"), max_digits=5, decimal_places=1, null=True, blank=True)
    cost = models.DecimalField(_("cost (EUR)"), max_digits=8, decimal_places=2, default=0)
    self_paced = models.BooleanField(_("self-paced"), default=False)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    skills = models.ManyToManyField(
        "esco.Concept", blank=True, related_name="+", verbose_name=_("ESCO skills it builds")
    )
    # DigComp / EntreComp competence codes (polku.assessments.frameworks), e.g. "digcomp-2.2:1.1".
    competences = models.JSONField(_("framework competences"), default=list, blank=True)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_opportunities",
        verbose_name=_("project"),
    )
    partner = models.ForeignKey(
        "projects.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_opportunities",
        verbose_name=_("partner"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("learning opportunity")
        verbose_name_plural = _("learning opportunities")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title_fi="", title_sv="", title_en=""), name="learning_opportunity_titled"
            ),
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="learning_opportunity_hours"),
            models.CheckConstraint(condition=models.Q(cost__gte=0), name="learning_opportunity_cost"),
        ]

    def __str__(self) -> str:
        """The title in the reader's language (the code only when there is no title)."""
        return self.title(get_language() or "en") or self.code

    @property
    def display_title(self) -> str:
        return str(self)

    def text(self, name: str, language: str) -> str:
        """`title` or `description` in `language`, falling back fi → sv → en."""
        for code in (language, *LANGUAGES):
            value = getattr(self, f"{name}_{code}", "")
            if value:
                return str(value)
        return ""

    def title(self, language: str) -> str:
        return self.text("title", language)

    @property
    def owner_project_id(self) -> int | None:
        """The owner's project (the owning partner's, else the owning one); None for the whole platform.
        With `partner_id` it is what `Access.can_manage_opportunities` decides on."""
        if self.partner_id is not None:
            assert self.partner is not None
            return self.partner.project_id
        return self.project_id


class Plan(TimeStamped):
    class GoalKind(models.TextChoices):
        OCCUPATION = "occupation", _("An occupation")
        BUSINESS = "business", _("Starting a business")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        DONE = "done", _("Done")

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="learning_plans")
    goal_kind = models.CharField(
        _("goal"), max_length=10, choices=GoalKind.choices, default=GoalKind.OCCUPATION
    )
    target = models.ForeignKey(
        "esco.Concept",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "occupation"},
        verbose_name=_("target occupation"),
    )
    business_goal = models.TextField(_("business goal"), blank=True)
    preferred_mode = models.CharField(
        _("preferred mode"), max_length=8, choices=Mode.choices, blank=True, help_text=_("Empty: any")
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The last gap analysis and recommendation summary, as plain data (see services.gap.refresh_gap).
    gap = models.JSONField(default=dict, blank=True, editable=False)
    gap_computed_at = models.DateTimeField(_("gap analysed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(goal_kind="occupation", target__isnull=True),
                name="learning_plan_occupation_has_target",
            ),
        ]

    def __str__(self) -> str:
        return f"plan {self.pk} of {self.person_id}"


class PlanItem(TimeStamped):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        DROPPED = "dropped", _("Dropped")

    class Source(models.TextChoices):
        ENGINE = "engine", _("Recommended")
        MANUAL = "manual", _("Added by hand")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    opportunity = models.ForeignKey(
        LearningOpportunity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("learning opportunity"),
    )
    text = models.CharField(
        _("item"), max_length=300, blank=True, help_text=_("For an item outside the catalogue")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.MANUAL)
    reason = models.CharField(_("reason"), max_length=30, blank=True)  # the engine's code
    covers = models.JSONField(_("gap skills covered"), default=list, blank=True)  # ESCO uris
    enrolled_on = models.DateField(_("enrolled"), null=True, blank=True)
    completed_on = models.DateField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["plan_id", "order", "id"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opportunity__isnull=False) | ~models.Q(text=""),
                name="learning_item_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}#{self.order}"


class Milestone(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("closed by completing"),
    )

    class Meta:
        ordering = ["plan_id", "due_on", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    """A coordinator's review or anyone's comment on the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    is_review = models.BooleanField(_("review"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("plan comment")
        verbose_name_plural = _("plan comments")

    def __str__(self) -> str:
        return f"comment {self.pk}"


class Completion(TimeStamped):
    """A person completed an opportunity: once per person and opportunity, so re-imports change nothing."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Marked by hand")
        IMPORT = "import", _("Imported from a MOOC platform")

    person = models.ForeignKey(
        "participants.Person", on_delete=models.CASCADE, related_name="learning_completions"
    )
    opportunity = models.ForeignKey(LearningOpportunity, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField(_("completed"))
    grade = models.CharField(_("grade"), max_length=40, blank=True)
    note = models.CharField(_("evidence note"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.MANUAL)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "-id"]
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        constraints = [
            models.UniqueConstraint(fields=["person", "opportunity"], name="learning_completion_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} completed {self.opportunity_id}"
