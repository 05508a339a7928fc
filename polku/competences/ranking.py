"""The skill ranker of the competence profile: one SkillRanker per process, loaded on first use.

Loading takes about 1–3 s and 200 MB (docs/skills.md), so it happens once, behind a lock, and every
request and task of the process shares it. Tests and the worker load it the same way.

ESCO labels imported into the database in other languages (`polku esco import`, fi, sv, ar, uk, …) reach
the ranker: the first text in a language whose labels are loaded indexes them (`SkillRanker.load(
extra_labels=...)` on the first load, `add_language` later), so a process pays only for the languages it
is asked for (a full ESCO language costs several seconds and 100+ MB to index). Every call compares the
language's key — its ESCO Release rows in the database (count, last id, last load time; one query on a
table of a few rows) — with the key it was indexed under, and indexes the labels again when an import
changed them (in this process or in another one), or drops them when they are gone.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max

from polku.esco.models import Release
from polku.esco.selectors import FALLBACK_LANGUAGE, language_labels
from polku.skills.ranker import LabelRow, Ranked, SkillRanker

_lock = threading.Lock()
_ranker: SkillRanker | None = None
# language → the taxonomy key its database labels were indexed under (see taxonomy_key)
_indexed: dict[str, tuple[Any, ...]] = {}

# How many suggestions one text gives at most, and the least fused score a suggestion needs.
TOP_SKILLS = 15
TOP_OCCUPATIONS = 5
SKILL_THRESHOLD = 0.3
OCCUPATION_THRESHOLD = 0.3
LANGUAGES = ("en", "fi", "sv")


def taxonomy_key(language: str) -> tuple[Any, ...] | None:
    """What identifies the loaded labels of `language`: its ESCO Release rows (count, last id, last load
    time), None when none is loaded. An import that changes labels writes a Release row (polku.esco.loading),
    so a new key means new labels; the check is one query on a table of a few rows."""
    row = Release.objects.filter(language=language).aggregate(
        n=Count("id"), last=Max("id"), at=Max("loaded_at")
    )
    return (row["n"], row["last"], row["at"]) if row["n"] else None


def _rows(language: str) -> Iterable[LabelRow]:
    return language_labels(language)


def ranker(language: str | None = None) -> SkillRanker:
    """The process's ranker, with the database's ESCO labels of `language` indexed when it has any (kept
    in step with imports: see the module docstring). English labels ship with the ranker."""
    global _ranker
    wanted = language if language and language != FALLBACK_LANGUAGE else None
    key = taxonomy_key(wanted) if wanted else None
    if _ranker is not None and (wanted is None or _indexed.get(wanted) == key):
        return _ranker
    with _lock:
        if _ranker is None:
            extra = {wanted: _rows(wanted)} if wanted and key else {}
            _ranker = SkillRanker.load(
                extra_labels=extra,
                semantic=settings.POLKU_SKILLS_MODEL or None,
                cache_dir=settings.POLKU_SKILLS_CACHE or None,
            )
            if extra and wanted:
                _indexed[wanted] = key  # type: ignore[assignment]
        if wanted and _indexed.get(wanted) != key:
            # New labels since they were indexed (an import), or none any more: index again or drop them.
            _ranker.add_language(wanted, _rows(wanted) if key else [])
            if key:
                _indexed[wanted] = key
            else:
                _indexed.pop(wanted, None)
    return _ranker


def reset() -> None:
    """Forget the loaded ranker (the next call loads it again)."""
    global _ranker
    with _lock:
        _ranker = None
        _indexed.clear()


@dataclass(frozen=True)
class Ranking:
    skills: list[Ranked]
    occupations: list[Ranked]


# How many ranked candidates are read before the limits: some may be missing from the database's release.
POOL_SKILLS = 60
POOL_OCCUPATIONS = 20


def rank(text: str, *, language: str, skip_skills: set[str], skip_occupations: set[str]) -> Ranking:
    """Skills and occupations of `text` above the thresholds, best first, leaving out the URIs to skip
    (already decided ones); the caller keeps the first TOP_SKILLS and TOP_OCCUPATIONS it can store."""
    lang = language if language in LANGUAGES else "en"
    r = ranker(lang)
    skills = [
        s
        for s in r.rank_skills(text, lang=lang, top=POOL_SKILLS + len(skip_skills), fold=True)
        if s.score >= SKILL_THRESHOLD and s.uri not in skip_skills
    ]
    occupations = [
        o
        for o in r.rank_occupations(text, lang=lang, top=POOL_OCCUPATIONS + len(skip_occupations))
        if o.score >= OCCUPATION_THRESHOLD and o.uri not in skip_occupations
    ]
    return Ranking(skills=skills, occupations=occupations)
