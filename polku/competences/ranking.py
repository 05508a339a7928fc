"""The skill ranker of the competence profile: one SkillRanker per process, loaded on first use.

Loading takes about 3 s and 210 MB (docs/skills.md), so it happens once, behind a lock, and every
request and task of the process shares it. Tests and the worker load it the same way.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from polku.skills.ranker import Ranked, SkillRanker

_lock = threading.Lock()
_ranker: SkillRanker | None = None

# How many suggestions one text gives at most, and the least fused score a suggestion needs.
TOP_SKILLS = 15
TOP_OCCUPATIONS = 5
SKILL_THRESHOLD = 0.3
OCCUPATION_THRESHOLD = 0.3
LANGUAGES = ("en", "fi", "sv")


def ranker() -> SkillRanker:
    global _ranker
    if _ranker is None:
        with _lock:
            if _ranker is None:
                _ranker = SkillRanker.load()
    return _ranker


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
    r = ranker()
    skills = [
        s
        for s in r.rank_skills(text, lang=lang, top=POOL_SKILLS + len(skip_skills))
        if s.score >= SKILL_THRESHOLD and s.uri not in skip_skills
    ]
    occupations = [
        o
        for o in r.rank_occupations(text, lang=lang, top=POOL_OCCUPATIONS + len(skip_occupations))
        if o.score >= OCCUPATION_THRESHOLD and o.uri not in skip_occupations
    ]
    return Ranking(skills=skills, occupations=occupations)
