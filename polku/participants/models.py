"""Participants: the person (kept minimal), their profile, participations and entry data.

Entry data are raw facts as of the entry date; funder indicators are computed from them and
never stored. Every sensitive item can be answered "prefer not to answer", and `asked` records
which items the person was asked, so that "declined" and "never asked" stay apart.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from polku.core.models import TimeStamped


class Goal(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship")
    STUDIES = "studies", _("Further studies")


class Isced(models.TextChoices):
    """Highest completed education, ISCED 2011 levels."""

    L0 = "0", _("ISCED 0 – early childhood or no formal education")
    L1 = "1", _("ISCED 1 – primary education")
    L2 = "2", _("ISCED 2 – lower secondary education")
    L3 = "3", _("ISCED 3 – upper secondary education")
    L4 = "4", _("ISCED 4 – post-secondary non-tertiary education")
    L5 = "5", _("ISCED 5 – short-cycle tertiary education")
    L6 = "6", _("ISCED 6 – bachelor's or equivalent")
    L7 = "7", _("ISCED 7 – master's or equivalent")
    L8 = "8", _("ISCED 8 – doctoral or equivalent")


class Cefr(models.TextChoices):
    # The CEFR code stays the stored value; people read what the level means.
    A1 = "A1", _("A1 Beginner")
    A2 = "A2", _("A2 Elementary")
    B1 = "B1", _("B1 Intermediate")
    B2 = "B2", _("B2 Upper intermediate")
    C1 = "C1", _("C1 Advanced")
    C2 = "C2", _("C2 Proficient")
    NATIVE = "native", _("Native or first language")


class Person(TimeStamped):
    """A participant. Contact data only; everything else sits in the profile and entry data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="person"
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=5, default="en")
    # Profile
    country_of_residence = models.CharField(_("country of residence"), max_length=2, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    education_level = models.CharField(
        _("education level (ISCED)"), max_length=1, choices=Isced.choices, blank=True
    )
    education_field = models.CharField(_("field of education"), max_length=200, blank=True)
    work_history = models.TextField(_("work history"), blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    # search_name is lower-case "first last email" so that one indexed LIKE serves the list search.
    search_name = models.CharField(max_length=400, editable=False, db_index=True, default="")
    # Set by polku.privacy when the direct identifiers were removed (retention or erasure).
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def refresh_search_name(self) -> None:
        self.search_name = f"{self.first_name} {self.last_name} {self.email}".lower()[:400]


class LanguageSkill(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3, help_text=_("ISO 639 code, e.g. fi, en, ar"))
    level = models.CharField(_("level (CEFR)"), max_length=6, choices=Cefr.choices)
    # Optional levels per language skill (CEFR self-assessment grid); `level` stays the overall level.
    listening = models.CharField(_("listening"), max_length=6, choices=Cefr.choices, blank=True)
    reading = models.CharField(_("reading"), max_length=6, choices=Cefr.choices, blank=True)
    spoken_interaction = models.CharField(
        _("spoken interaction"), max_length=6, choices=Cefr.choices, blank=True
    )
    spoken_production = models.CharField(
        _("spoken production"), max_length=6, choices=Cefr.choices, blank=True
    )
    writing = models.CharField(_("writing"), max_length=6, choices=Cefr.choices, blank=True)

    # Set by the repair of codes typed before languages were chosen from a list ("kli" from "Klingon"):
    # the language shown may not be the one the person meant; a coordinator checks and saves it again.
    to_check = models.BooleanField(_("language to check"), default=False)

    SKILL_FIELDS = ("listening", "reading", "spoken_interaction", "spoken_production", "writing")

    class Meta:
        ordering = ["language"]
        constraints = [models.UniqueConstraint(fields=["person", "language"], name="one_level_per_language")]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class Participation(TimeStamped):
    """A person taking part in a project through one partner."""

    class Channel(models.TextChoices):
        SELF_REGISTRATION = "self", _("Self-registration")
        COORDINATOR = "coordinator", _("Entered by a coordinator")
        IMPORT = "import", _("Imported from a list")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="participations")
    partner = models.ForeignKey("projects.Partner", on_delete=models.PROTECT, related_name="participations")
    entry_date = models.DateField(_("entry date"))
    exit_date = models.DateField(_("exit date"), null=True, blank=True)
    channel = models.CharField(_("how registered"), max_length=12, choices=Channel.choices)

    class Meta:
        ordering = ["-entry_date", "-id"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["person", "project"], name="one_participation_per_project"),
            models.CheckConstraint(
                condition=models.Q(exit_date__isnull=True) | models.Q(exit_date__gte=models.F("entry_date")),
                name="exit_not_before_entry",
            ),
        ]
        indexes = [
            models.Index(fields=["partner", "-entry_date", "-id"], name="participation_partner_recent")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.project.code}"

    @property
    def is_active(self) -> bool:
        return self.exit_date is None


DECLINED = "declined"


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    DECLINED = DECLINED, _("Prefer not to answer")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    DECLINED = DECLINED, _("Prefer not to answer")


class LabourStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("Unemployed job seeker")
    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed or entrepreneur")
    STUDENT = "student", _("In education or training (not job seeking)")
    INACTIVE = "inactive", _("Outside the labour force (not in education)")
    DECLINED = DECLINED, _("Prefer not to answer")


class Citizenship(models.TextChoices):
    FINNISH = "fi", pgettext_lazy("citizenship", "Finnish")
    EU = "eu", _("Another EU or EEA country")
    NON_EU = "non_eu", _("Outside the EU and EEA")
    DECLINED = DECLINED, _("Prefer not to answer")


class EducationAnswer(models.TextChoices):
    """Highest education as a raw entry fact, with the option to decline."""

    L0 = "0", Isced.L0.label
    L1 = "1", Isced.L1.label
    L2 = "2", Isced.L2.label
    L3 = "3", Isced.L3.label
    L4 = "4", Isced.L4.label
    L5 = "5", Isced.L5.label
    L6 = "6", Isced.L6.label
    L7 = "7", Isced.L7.label
    L8 = "8", Isced.L8.label
    DECLINED = DECLINED, _("Prefer not to answer")


class EntryData(TimeStamped):
    """Raw facts at entry, for the funder's indicators. One record per participation.

    Empty means "not asked"; `Answer.DECLINED` means asked and declined (counted as unknown).
    """

    # Items and whether the project must switch them on before they are asked.
    ITEMS = (
        "date_of_birth",
        "gender",
        "labour_status",
        "unemployed_since",
        "education",
        "citizenship",
        "foreign_background",
        "homeless",
        "rural",
        "disability",
        "minority",
    )
    OPTIONAL_ITEMS = ("disability", "minority")

    participation = models.OneToOneField(Participation, on_delete=models.CASCADE, related_name="entry_data")
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, blank=True)
    labour_status = models.CharField(
        _("labour-market status at entry"), max_length=14, choices=LabourStatus.choices, blank=True
    )
    unemployed_since = models.DateField(
        _("unemployed since"),
        null=True,
        blank=True,
        help_text=_("For unemployed job seekers: start of the current unemployment"),
    )
    education = models.CharField(
        _("highest completed education"), max_length=8, choices=EducationAnswer.choices, blank=True
    )
    citizenship = models.CharField(_("citizenship"), max_length=8, choices=Citizenship.choices, blank=True)
    foreign_background = models.CharField(
        _("foreign background"),
        max_length=8,
        choices=Answer.choices,
        blank=True,
        help_text=_("Born abroad, or both parents born abroad"),
    )
    homeless = models.CharField(
        _("homeless or in housing exclusion"), max_length=8, choices=Answer.choices, blank=True
    )
    rural = models.CharField(_("lives in a rural area"), max_length=8, choices=Answer.choices, blank=True)
    disability = models.CharField(_("has a disability"), max_length=8, choices=Answer.choices, blank=True)
    minority = models.CharField(_("belongs to a minority"), max_length=8, choices=Answer.choices, blank=True)
    asked = models.JSONField(
        _("items asked"), default=list, help_text=_("Names of the items the person was asked")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("entry data")
        verbose_name_plural = _("entry data")
