"""The planning engine's reason codes as sentences in the reader's language, with ESCO labels in it too.

The engine returns codes only (docs/planning.md); the words are here so that fi, sv and en come from the
app's catalogue. Labels come from `polku.esco.selectors.preferred_labels` (English where a language has none).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from polku.core.names import language_name
from polku.esco.models import Concept
from polku.esco.selectors import preferred_labels
from polku.learning.models import LearningOpportunity


def labels_for(uris: Iterable[str], language: str) -> dict[str, str]:
    """ESCO uri → preferred label in `language` (the uri itself where ESCO has no label)."""
    uris = set(uris)
    ids = dict(Concept.objects.filter(uri__in=uris).values_list("pk", "uri"))
    labels = preferred_labels(ids, language)
    return {uri: uri for uri in uris} | {uri: labels[pk] for pk, uri in ids.items() if pk in labels}


def gap_sentence(item: dict[str, Any], labels: dict[str, str]) -> str:
    skill = labels.get(item["uri"], item["uri"])
    others = ", ".join(labels.get(u, u) for u in item.get("covered_by", [])[:3])
    reason = item.get("reason", "")
    essential = item.get("essential", False)
    if reason == "same-skill":
        return _("Covered: your profile has %(skill)s.") % {"skill": skill}
    if reason == "narrower-skill":
        return _("Covered: your profile has %(others)s, a more specific skill of %(skill)s.") % {
            "others": others,
            "skill": skill,
        }
    if reason == "broader-skill":
        return _(
            "Partly covered: your profile has the broader skill %(others)s, but not %(skill)s itself."
        ) % {
            "others": others,
            "skill": skill,
        }
    if reason == "sibling-skill":
        return _(
            "Partly covered: your profile has %(others)s, a skill of the same small group as %(skill)s."
        ) % {
            "others": others,
            "skill": skill,
        }
    if reason == "related-skill":
        return _("Partly covered: your profile has %(others)s, which ESCO relates to %(skill)s.") % {
            "others": others,
            "skill": skill,
        }
    if essential:
        return _("Missing: %(skill)s is essential for the goal and not in your profile yet.") % {
            "skill": skill
        }
    return _("Missing: %(skill)s is useful for the goal (optional) and not in your profile yet.") % {
        "skill": skill
    }


def status_label(status: str) -> str:
    return {"covered": _("Covered"), "partial": _("Partly covered"), "missing": _("Missing")}.get(
        status, status
    )


def choice_sentence(reason: str, covers: Iterable[str], labels: dict[str, str]) -> str:
    skills = ", ".join(labels.get(u, u) for u in covers)
    if reason == "covers-essential":
        return _("Recommended: it builds essential skills you lack: %(skills)s.") % {"skills": skills}
    if reason == "covers-optional":
        return _("Recommended: it builds useful (optional) skills: %(skills)s.") % {"skills": skills}
    if not reason:
        return _("Added to the plan by hand.")
    return _("Recommended: it builds %(skills)s.") % {"skills": skills}


def exclusion_sentence(reason: str, opportunity: LearningOpportunity | None, learner_mode: str = "") -> str:
    if reason == "language-level":
        needed = ", ".join(
            f"{language_name(lang)} {level}"
            for lang, level in sorted((opportunity.languages if opportunity else {}).items())
        )
        return _(
            "Not proposed: it is taught in %(languages)s, and your language levels do not reach that yet."
        ) % {"languages": needed}
    if reason == "mode":
        return _("Not proposed: it is %(mode)s, and the plan prefers another way of studying.") % {
            "mode": opportunity.get_mode_display().lower() if opportunity else ""
        }
    if reason == "ended":
        return _("Not proposed: it has already ended.")
    if reason == "cost":
        return _("Not proposed: it costs more than the plan allows.")
    if reason == "not-needed":
        return _("Not proposed: other opportunities already cover the same skills with less effort.")
    return _("Not proposed: it builds none of the skills the plan still needs.")


@dataclass(frozen=True)
class GapRow:
    uri: str
    label: str
    essential: bool
    status: str
    status_label: str
    sentence: str


def gap_rows(gap: dict[str, Any], language: str) -> list[GapRow]:
    items = gap.get("items", [])
    uris = {i["uri"] for i in items} | {u for i in items for u in i.get("covered_by", [])}
    labels = labels_for(uris, language)
    return [
        GapRow(
            uri=i["uri"],
            label=labels.get(i["uri"], i["uri"]),
            essential=i["essential"],
            status=i["status"],
            status_label=status_label(i["status"]),
            sentence=gap_sentence(i, labels),
        )
        for i in items
    ]


def exclusions(gap: dict[str, Any], language: str) -> list[tuple[LearningOpportunity, str]]:
    """Opportunities the engine left out for a reason worth telling (not those that build nothing needed)."""
    excluded = [
        e for e in gap.get("recommendation", {}).get("excluded", []) if e["reason"] != "covers-nothing"
    ]
    found = LearningOpportunity.objects.in_bulk([e["opportunity"] for e in excluded])
    return [
        (found[e["opportunity"]], exclusion_sentence(e["reason"], found[e["opportunity"]]))
        for e in excluded
        if e["opportunity"] in found
    ]
