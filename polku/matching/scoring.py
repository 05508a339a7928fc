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


Shared = dict[str, int]  # language → the lower of the two CEFR ranks, for languages at the minimum or better
NATIVE_RANK = cefr.rank(cefr.NATIVE)


def _ranks(candidate: Candidate) -> dict[str, int]:
    return {lang: cefr.rank(level) for lang, level in candidate.languages.items()}


def _shared(left: dict[str, int], right: dict[str, int], floor: int) -> Shared:
    return {
        lang: min(left[lang], right[lang])
        for lang in left.keys() & right.keys()
        if left[lang] >= floor and right[lang] >= floor
    }


def _blocked(left: Candidate, right: Candidate, shared: Shared, rules: Rules) -> str | None:
    if (left.id, right.id) in rules.never:
        return "declined_before"
    if (
        rules.forbid_same_employer
        and left.employer
        and right.employer
        and left.employer.strip().casefold() == right.employer.strip().casefold()
    ):
        return "same_employer"
    if rules.require_shared_language and not shared:
        return "no_shared_language"
    return None


def _same_place(left: Candidate, right: Candidate) -> bool:
    return bool(
        left.location and right.location and left.location.strip().lower() == right.location.strip().lower()
    )


def _hours_apart(left: Candidate, right: Candidate) -> float | None:
    if left.utc_offset is None or right.utc_offset is None:
        return None
    hours = abs(left.utc_offset - right.utc_offset) % 24
    return min(hours, 24 - hours)  # round the date line


def _values(left: Candidate, right: Candidate, shared: Shared, floor: int) -> tuple[float, ...]:
    """One value in 0..1 per criterion, in CRITERIA order."""
    language = (max(shared.values()) - floor + 1) / (NATIVE_RANK - floor + 1) if shared else 0.0
    skills = len(left.skills & right.skills) / len(left.skills) if left.skills else 0.0
    industries = left.industries | right.industries
    industry = len(left.industries & right.industries) / len(industries) if industries else 0.0
    goals = len(left.goals & right.goals) / len(left.goals) if left.goals else 0.0
    stage = 1.0 if left.stage and left.stage == right.stage else 0.0
    slots = left.availability
    availability = len(slots & right.availability) / len(slots) if slots else 0.0
    if _same_place(left, right):
        location = 1.0
    else:
        hours = _hours_apart(left, right)
        location = 0.0 if hours is None else max(0.0, 0.75 * (1 - hours / 12))
    wishes = ((right.id in left.wishes) + (left.id in right.wishes)) / 2
    return (language, skills, industry, goals, stage, availability, location, wishes)


def _total(values: tuple[float, ...], weights: tuple[float, ...], weight_sum: float) -> float:
    return round(math.fsum(w * v for w, v in zip(weights, values, strict=True)) / weight_sum, 6)


def _evidence(
    left: Candidate, right: Candidate, shared: Shared
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """What matched and what is missing, per criterion."""

    def both(wanted: frozenset[str], offered: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(sorted(wanted & offered)), tuple(sorted(wanted - offered))

    if _same_place(left, right):
        place: tuple[str, ...] = (left.location or "",)
    else:
        hours = _hours_apart(left, right)
        place = () if hours is None else (f"{hours:g} h apart",)
    asked = tuple(
        label
        for label, yes in (("left asked", right.id in left.wishes), ("right asked", left.id in right.wishes))
        if yes
    )
    return {
        # Best shared language first.
        "language": (
            tuple(sorted(shared, key=lambda lang: (-shared[lang], lang))),
            () if shared else tuple(sorted(left.languages)),
        ),
        "skills": both(left.skills, right.skills),
        "industry": both(left.industries, right.industries),
        "goals": both(left.goals, right.goals),
        "stage": ((left.stage,) if left.stage and left.stage == right.stage else (), ()),
        "availability": both(left.availability, right.availability),
        "location": (place, ()),
        "wishes": (asked, ()),
    }


class _Scorer:
    def __init__(self, weights: dict[str, float] | None, rules: Rules) -> None:
        checked = check_weights(weights)
        self.weights = tuple(checked[name] for name in CRITERIA)
        self.weight_sum = sum(self.weights)
        self.rules = rules
        self.floor = cefr.rank(rules.min_language_level)  # a clear error for an unknown level

    def quick(self, left: Candidate, right: Candidate, lr: dict[str, int], rr: dict[str, int]):
        """(blocked_by, score, shared, values) without the explanation."""
        shared = _shared(lr, rr, self.floor)
        blocked = _blocked(left, right, shared, self.rules)
        values = _values(left, right, shared, self.floor)
        score = 0.0 if blocked else _total(values, self.weights, self.weight_sum)
        return blocked, score, shared, values

    def full(self, left: Candidate, right: Candidate, blocked, score, shared, values) -> PairScore:
        evidence = _evidence(left, right, shared)
        parts = tuple(
            Part(
                criterion=name,
                weight=w,
                value=round(v, 6),
                contribution=round(w * v / self.weight_sum, 6),
                matched=evidence[name][0],
                missing=evidence[name][1],
            )
            for name, w, v in zip(CRITERIA, self.weights, values, strict=True)
        )
        return PairScore(left=left.id, right=right.id, score=score, parts=parts, blocked_by=blocked)


def score_pair(
    left: Candidate, right: Candidate, *, weights: dict[str, float] | None = None, rules: Rules = Rules()
) -> PairScore:
    """The score of one pair with its breakdown; blocked pairs score 0 and name the rule."""
    scorer = _Scorer(weights, rules)
    return scorer.full(left, right, *scorer.quick(left, right, _ranks(left), _ranks(right)))


def score_all(
    left: list[Candidate],
    right: list[Candidate],
    *,
    weights: dict[str, float] | None = None,
    rules: Rules = Rules(),
    top_k: int | None = None,
) -> list[PairScore]:
    """Allowed pairs only (blocked pairs never appear), grouped by left in the given order, best first
    within each left (ties by right id); at most top_k per left when given. The explanation is built only
    for the pairs returned."""
    scorer = _Scorer(weights, rules)
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise InvalidInput(f"top_k must be a whole number of at least 1, got {top_k!r}")
    for side, name in ((left, "left"), (right, "right")):
        ids = [c.id for c in side]
        if len(set(ids)) != len(ids):
            raise InvalidInput(f"{name}: duplicate candidate ids")
    right_ranks = [_ranks(mentor) for mentor in right]
    out: list[PairScore] = []
    for mentee in left:
        lr = _ranks(mentee)
        allowed = []
        for j, mentor in enumerate(right):
            quick = scorer.quick(mentee, mentor, lr, right_ranks[j])
            if quick[0] is None:
                allowed.append((-quick[1], mentor.id, j, quick))
        best = heapq.nsmallest(top_k, allowed) if top_k else sorted(allowed)
        out.extend(scorer.full(mentee, right[j], *quick) for _, _, j, quick in best)
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
