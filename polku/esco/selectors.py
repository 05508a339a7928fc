"""Reads of the ESCO classification. ESCO is public data: any signed-in user may read it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from polku.esco.models import Concept, Label

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Hit:
    concept: Concept
    label: str  # in the asked language, else English


def preferred_labels(concept_ids: Iterable[int], language: str) -> dict[int, str]:
    """Concept id → preferred label in `language`, English where that language has none."""
    ids = list(set(concept_ids))
    found: dict[int, str] = {}
    rows = Label.objects.filter(concept_id__in=ids, language__in={language, FALLBACK_LANGUAGE})
    for concept_id, lang, preferred in rows.values_list("concept_id", "language", "preferred"):
        if lang == language or concept_id not in found:
            found[concept_id] = preferred
    return found


def search(
    query: str, *, language: str, kinds: Iterable[str] = (Concept.Kind.SKILL,), limit: int = 20
) -> list[Hit]:
    """Concepts whose preferred or alternative label in `language` (or English) contains the query.

    Preferred-label matches come first, then shorter labels (closer matches).
    """
    text = " ".join(query.lower().split())
    if not text:
        return []
    matches = (
        Label.objects.filter(
            search_text__contains=text,
            language__in={language, FALLBACK_LANGUAGE},
            concept__kind__in=list(kinds),
        )
        .values_list("concept_id", "preferred")
        .order_by("concept_id")[: limit * 20]
    )
    ranked = sorted(
        {concept_id for concept_id, _ in matches},
        key=lambda cid: _rank(text, [p for c, p in matches if c == cid]),
    )[:limit]
    labels = preferred_labels(ranked, language)
    concepts = Concept.objects.in_bulk(ranked)
    return [Hit(concept=concepts[cid], label=labels.get(cid, concepts[cid].uri)) for cid in ranked]


def _rank(text: str, preferred: list[str]) -> tuple[int, int]:
    best = min(preferred, key=len)
    return (0 if any(text in p.lower() for p in preferred) else 1, len(best))
