"""Scores that explain themselves: a weighted sum of named criteria, with hard rules that block a pair.

Left is the mentee (the one asking), right the mentor (the one offering). Every criterion gives a value
between 0 and 1 and says what matched and what is missing:

- language: the best language both speak at the programme's minimum level or better, valued by the
  lower of the two levels: the minimum level gives 1/(steps+1), a first language for both gives 1
  (with B1 as minimum: B1 0.2, B2 0.4, C1 0.6, C2 0.8, native 1.0).
- skills: coverage, the share of the mentee's wanted skills the mentor has (0 when none are wanted).
- industry: Jaccard overlap of the two sets of industries.
- goals: coverage, the share of the mentee's goals the mentor offers.
- stage: 1 when both name the same stage, else 0.
- availability: coverage, the share of the mentee's time slots the mentor also has.
- location: 1 in the same place; otherwise by time-zone distance, 0.75 at 0 hours down to 0 at 12 hours
  or more; 0 when unknown.
- wishes: 1 when each asked for the other, 0.5 when one did, 0 otherwise.

score = Σ weight × value / Σ weights, so it lies in 0..1 and the parts' contributions add up to it.

Hard rules block a pair (score 0, ``blocked_by`` set; the parts are still there to explain it):
declined_before (the pair is in ``Rules.never``), same_employer, no_shared_language.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from polku.matching import cefr
from polku.matching.errors import InvalidInput


@dataclass(frozen=True)
class Candidate:
    id: str
    languages: dict[str, str] = field(default_factory=dict)  # {"en": "B2", "fi": "A2", "ar": "native"}
    skills: frozenset[str] = frozenset()  # ESCO skill URIs or any skill keys
    industries: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()  # e.g. "career", "entrepreneurship", "network", "sparring"
    stage: str | None = None  # e.g. business-idea stage or career stage
    availability: frozenset[str] = frozenset()  # e.g. {"mon-evening", "weekend"}
    location: str | None = None  # municipality or country code
    utc_offset: float | None = None
    employer: str | None = None  # organisation name or id
    wishes: frozenset[str] = frozenset()  # ids of people on the other side this person asked for


CRITERIA = ("language", "skills", "industry", "goals", "stage", "availability", "location", "wishes")
DEFAULT_WEIGHTS: dict[str, float] = {
    "language": 2.0,
    "skills": 3.0,
    "industry": 1.0,
    "goals": 2.0,
    "stage": 1.0,
    "availability": 1.5,
    "location": 1.0,
    "wishes": 1.5,
}

BLOCKS = ("declined_before", "same_employer", "no_shared_language")


@dataclass(frozen=True)
class Rules:
    min_language_level: str = "B1"
    require_shared_language: bool = True
    forbid_same_employer: bool = True
    never: frozenset[tuple[str, str]] = frozenset()  # (left_id, right_id) pairs declined before


@dataclass(frozen=True)
class Part:
    criterion: str
    weight: float
    value: float  # 0..1
    contribution: float  # weight * value / sum(weights)
    matched: tuple[str, ...] = ()  # e.g. shared skills / languages / goals
    missing: tuple[str, ...] = ()  # e.g. the mentee's skills the mentor lacks


@dataclass(frozen=True)
class PairScore:
    left: str
    right: str
    score: float  # 0..1, sum of contributions; 0 when blocked
    parts: tuple[Part, ...]
    blocked_by: str | None = None  # "no_shared_language" | "same_employer" | "declined_before" | None


def check_weights(weights: dict[str, float] | None) -> dict[str, float]:
    """The weights to use: DEFAULT_WEIGHTS when None; otherwise exactly the given ones, a criterion left
    out weighing 0. InvalidInput for unknown criteria, negative or non-numeric weights, or all zero."""
    if weights is None:
        return dict(DEFAULT_WEIGHTS)
    unknown = set(weights) - set(CRITERIA)
    if unknown:
        raise InvalidInput(f"unknown criteria {', '.join(sorted(unknown))}; use {', '.join(CRITERIA)}")
    checked = {}
    for name in CRITERIA:
        w = weights.get(name, 0.0)
        if isinstance(w, bool) or not isinstance(w, int | float) or not math.isfinite(w) or w < 0:
            raise InvalidInput(f"the weight of {name} must be a number of at least 0, got {w!r}")
        checked[name] = float(w)
    if sum(checked.values()) <= 0:
        raise InvalidInput("at least one criterion needs a weight above 0")
    return checked


def _coverage(
    wanted: frozenset[str], offered: frozenset[str]
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    if not wanted:
        return 0.0, (), ()
    hit = wanted & offered
    return len(hit) / len(wanted), tuple(sorted(hit)), tuple(sorted(wanted - offered))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    union = a | b
    if not union:
        return 0.0, (), ()
    hit = a & b
    return len(hit) / len(union), tuple(sorted(hit)), tuple(sorted(a - b))


def _language(
    left: Candidate, right: Candidate, minimum: str
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    shared = cefr.shared_languages(left.languages, right.languages, minimum)
    if not shared:
        return 0.0, (), tuple(sorted(left.languages))
    floor, top = cefr.rank(minimum), cefr.rank(cefr.NATIVE)
    levels = {lang: min(cefr.rank(left.languages[lang]), cefr.rank(right.languages[lang])) for lang in shared}
    best = max(levels.values())
    value = (best - floor + 1) / (top - floor + 1)
    # Best shared language first, then the other shared ones.
    order = sorted(shared, key=lambda lang: (-levels[lang], lang))
    return value, tuple(order), ()


def _location(left: Candidate, right: Candidate) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    if left.location and right.location and left.location.strip().lower() == right.location.strip().lower():
        return 1.0, (left.location,), ()
    if left.utc_offset is not None and right.utc_offset is not None:
        hours = abs(left.utc_offset - right.utc_offset)
        hours = min(hours, 24 - hours)  # around the date line
        return max(0.0, 0.75 * (1 - hours / 12)), (f"{hours:g} h apart",), ()
    return 0.0, (), ()


def _wishes(left: Candidate, right: Candidate) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    said = []
    if right.id in left.wishes:
        said.append("left asked")
    if left.id in right.wishes:
        said.append("right asked")
    return len(said) / 2, tuple(said), ()


def _blocked(left: Candidate, right: Candidate, rules: Rules) -> str | None:
    if (left.id, right.id) in rules.never:
        return "declined_before"
    if (
        rules.forbid_same_employer
        and left.employer
        and right.employer
        and left.employer.strip().casefold() == right.employer.strip().casefold()
    ):
        return "same_employer"
    if rules.require_shared_language and not cefr.shared_languages(
        left.languages, right.languages, rules.min_language_level
    ):
        return "no_shared_language"
    return None


def _score(left: Candidate, right: Candidate, weights: dict[str, float], rules: Rules) -> PairScore:
    values = {
        "language": _language(left, right, rules.min_language_level),
        "skills": _coverage(left.skills, right.skills),
        "industry": _jaccard(left.industries, right.industries),
        "goals": _coverage(left.goals, right.goals),
        "stage": (1.0, (left.stage,), ()) if left.stage and left.stage == right.stage else (0.0, (), ()),
        "availability": _coverage(left.availability, right.availability),
        "location": _location(left, right),
        "wishes": _wishes(left, right),
    }
    total_weight = sum(weights.values())
    parts = tuple(
        Part(
            criterion=name,
            weight=weights[name],
            value=round(values[name][0], 6),
            contribution=round(weights[name] * values[name][0] / total_weight, 6),
            matched=values[name][1],
            missing=values[name][2],
        )
        for name in CRITERIA
    )
    blocked_by = _blocked(left, right, rules)
    score = (
        0.0 if blocked_by else round(math.fsum(weights[n] * values[n][0] for n in CRITERIA) / total_weight, 6)
    )
    return PairScore(left=left.id, right=right.id, score=score, parts=parts, blocked_by=blocked_by)


def score_pair(
    left: Candidate, right: Candidate, *, weights: dict[str, float] | None = None, rules: Rules = Rules()
) -> PairScore:
    """The score of one pair with its breakdown; blocked pairs score 0 and name the rule."""
    cefr.rank(rules.min_language_level)  # a clear error for an unknown level
    return _score(left, right, check_weights(weights), rules)


def score_all(
    left: list[Candidate],
    right: list[Candidate],
    *,
    weights: dict[str, float] | None = None,
    rules: Rules = Rules(),
    top_k: int | None = None,
) -> list[PairScore]:
    """Allowed pairs only (blocked pairs never appear), grouped by left in the given order, best first
    within each left (ties by right id); at most top_k per left when given."""
    checked = check_weights(weights)
    cefr.rank(rules.min_language_level)
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise InvalidInput(f"top_k must be a whole number of at least 1, got {top_k!r}")
    for side, name in ((left, "left"), (right, "right")):
        ids = [c.id for c in side]
        if len(set(ids)) != len(ids):
            raise InvalidInput(f"{name}: duplicate candidate ids")
    out: list[PairScore] = []
    for mentee in left:
        allowed = [
            s for s in (_score(mentee, mentor, checked, rules) for mentor in right) if s.blocked_by is None
        ]
        key = lambda s: (-s.score, s.right)  # noqa: E731
        out.extend(heapq.nsmallest(top_k, allowed, key=key) if top_k else sorted(allowed, key=key))
    return out


def as_scores(pairs: list[PairScore]) -> list[tuple[str, str, float]]:
    """Allowed pairs as the (left, right, score) triples of an AssignmentProblem."""
    return [(p.left, p.right, p.score) for p in pairs if p.blocked_by is None]


def explain(pair: PairScore) -> dict:
    """A JSON-ready breakdown, for pages and the API."""
    return {
        "left": pair.left,
        "right": pair.right,
        "score": pair.score,
        "blocked_by": pair.blocked_by,
        "parts": [
            {
                "criterion": p.criterion,
                "weight": p.weight,
                "value": p.value,
                "contribution": p.contribution,
                "matched": list(p.matched),
                "missing": list(p.missing),
            }
            for p in pair.parts
        ],
    }
