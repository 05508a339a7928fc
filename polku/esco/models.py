"""ESCO inside Polku: concepts of both pillars, their labels per language and their relations.

A concept is keyed by its ESCO URI, which stays the same across ESCO versions, so a newer release or
another language loads next to what is there. Labels live one row per concept and language (preferred
label, alternative and hidden labels, description), which keeps the table small enough to load the
whole classification in seconds.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Concept(models.Model):
    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        OCCUPATION = "occupation", _("Occupation")
        SKILL_GROUP = "skill-group", _("Skill group")
        ISCO_GROUP = "isco-group", _("ISCO group")

    uri = models.CharField(_("URI"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, db_index=True)
    # ESCO code of an occupation (2654.1.7), the ISCO code of an ISCO group, the code of a skill group.
    code = models.CharField(_("code"), max_length=40, blank=True)
    # Skills: "skill/competence" or "knowledge"; reuse level: transversal … occupation-specific.
    skill_type = models.CharField(_("skill type"), max_length=20, blank=True)
    reuse_level = models.CharField(_("reuse level"), max_length=30, blank=True)
    # Occupations: the ISCO-08 unit group (four digits).
    isco_group = models.CharField(_("ISCO group"), max_length=4, blank=True)
    broader = models.ManyToManyField(
        "self", through="Broader", symmetrical=False, related_name="narrower", blank=True
    )
    collections: models.ManyToManyField[Collection, Any] = models.ManyToManyField(
        "Collection", related_name="concepts", blank=True
    )

    class Meta:
        ordering = ["uri"]
        verbose_name = _("ESCO concept")
        verbose_name_plural = _("ESCO concepts")

    def __str__(self) -> str:
        return self.uri


class Label(models.Model):
    """A concept's labels in one language. `search_text` is the lower-cased preferred and alternative labels."""

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="labels")
    language = models.CharField(_("language"), max_length=8)
    preferred = models.CharField(_("preferred label"), max_length=500)
    alternatives = models.TextField(_("alternative labels"), blank=True, help_text=_("One per line"))
    hidden = models.TextField(_("hidden labels"), blank=True, help_text=_("One per line"))
    description = models.TextField(_("description"), blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["concept_id", "language"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "language"], name="esco_one_label_per_language")
        ]
        indexes = [models.Index(fields=["language", "preferred"], name="esco_label_lang_pref")]
        verbose_name = _("ESCO label")
        verbose_name_plural = _("ESCO labels")

    def __str__(self) -> str:
        return f"{self.preferred} ({self.language})"


class Broader(models.Model):
    """Hierarchy of both pillars: skill → skill or skill group, occupation → occupation or ISCO group."""

    narrower = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="broader_links")
    broader = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="narrower_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["narrower", "broader"], name="esco_broader_once")]

    def __str__(self) -> str:
        return f"{self.narrower_id} < {self.broader_id}"


class Relation(models.TextChoices):
    ESSENTIAL = "essential", _("Essential")
    OPTIONAL = "optional", _("Optional")


class OccupationSkill(models.Model):
    occupation = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="occupation_links")
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="esco_occupation_skill_once")
        ]
        verbose_name = _("occupation–skill relation")
        verbose_name_plural = _("occupation–skill relations")

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.relation} {self.skill_id}"


class SkillRelation(models.Model):
    """ESCO's skill–skill relations: `skill` needs `related` (essential) or is helped by it (optional)."""

    skill = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["skill", "related"], name="esco_skill_relation_once")]

    def __str__(self) -> str:
        return f"{self.skill_id} {self.relation} {self.related_id}"


class Collection(models.Model):
    """ESCO's collections: digital, DigComp, transversal, language, green, research."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ESCO collection")
        verbose_name_plural = _("ESCO collections")

    def __str__(self) -> str:
        return self.name


class Release(models.Model):
    """One load of ESCO data: the shipped v1.1.1 or an official download imported with `polku esco import`."""

    version = models.CharField(_("version"), max_length=20)
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(_("source"), max_length=500)
    counts = models.JSONField(_("counts"), default=dict)
    loaded_at = models.DateTimeField(_("loaded"), auto_now_add=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-loaded_at"]
        verbose_name = _("ESCO release")
        verbose_name_plural = _("ESCO releases")

    def __str__(self) -> str:
        return f"ESCO {self.version} ({self.language})"
