"""Talent matching: employers' talent needs against candidates, both ways, with reasons.

Plain data in, plain data out (no Django). A `Talent` is a candidate (their confirmed skills, languages
with CEFR levels, where they live and whether they would work elsewhere); a `Need` is an employer's need
(required and nice-to-have skills, languages with the least CEFR level, a place and whether the work is
on site, hybrid or remote, how many openings). Every pair gets a score in 0..1 built by
`polku.matching.scoring` conventions: named criteria, each with a value in 0..1, a weight, and what
matched and what is missing, so the product can say in words why a pair ranks where it does:

- required: the share of the need's required skills the candidate has (1 when none are required);
- nice: the share of the nice-to-have skills the candidate has (1 when none are named);
- language: per language the need asks for, 1 at the level or better, half of the way there below it
  (A2 for B2 gives 2/4 × 0.5), 0 for a language the candidate does not speak; the mean over the languages
  (1 when none are asked for). A language below the level is listed as missing with the level asked;
- location: 1 for remote work or the same place, 0.5 for hybrid work elsewhere or an unknown place,
  0 for on-site work elsewhere.

score = Σ weight × value / Σ weights. A hard rule blocks a pair: the candidate declined an introduction to
this employer before (`never` holds (talent id, employer id)); blocked pairs are never ranked or assigned.

`rank_talents` ranks candidates for one need, `rank_needs` needs for one candidate, `assign` places
candidates in needs with their openings as capacities through `polku.matching.assignment` (exact,
OR-Tools), and `run_json` is the `polku match talent` command.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from polku.matching import assignment, cefr
from polku.matching.errors import InvalidInput
from polku.matching.scoring import PairScore, Part, explain

CRITERIA = ("required", "nice", "language", "location")
WEIGHTS: dict[str, float] = {"required": 4.0, "nice": 1.5, "language": 2.5, "location": 1.0}
WORK_MODES = ("on_site", "hybrid", "remote")
DECLINED = "declined_before"


@dataclass(frozen=True)
class Talent:
    id: str
    skills: frozenset[str] = frozenset()
    languages: dict[str, str] = field(default_factory=dict)  # {"fi": "B1", "en": "C1", "ar": "native"}
    location: str | None = None


@dataclass(frozen=True)
class Need:
    id: str
    employer: str = ""
    required: frozenset[str] = frozenset()
    nice: frozenset[str] = frozenset()
    languages: dict[str, str] = field(default_factory=dict)  # least level per language
    location: str | None = None
    mode: str = "on_site"
    openings: int = 1


def _check_need(need: Need) -> None:
    if need.mode not in WORK_MODES:
        raise InvalidInput(f"need {need.id}: mode must be one of {', '.join(WORK_MODES)}, got {need.mode!r}")
    if isinstance(need.openings, bool) or not isinstance(need.openings, int) or need.openings < 0:
        raise InvalidInput(f"need {need.id}: openings must be a whole number of at least 0")
    for level in need.languages.values():
        cefr.rank(level)


def _same_place(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().casefold() == b.strip().casefold())


def _language(talent: dict[str, int], need: Need) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    if not need.languages:
        return 1.0, (), ()
    values, matched, missing = [], [], []
    for lang in sorted(need.languages):
        floor = cefr.rank(need.languages[lang])
        have = talent.get(lang)
        if have is not None and have >= floor:
            values.append(1.0)
            matched.append(lang)
        else:
            values.append(0.5 * (have or 0) / floor)
            missing.append(f"{lang}:{need.languages[lang]}")
    return math.fsum(values) / len(values), tuple(matched), tuple(missing)


def _location(talent: Talent, need: Need) -> tuple[float, tuple[str, ...]]:
    if need.mode == "remote":
        return 1.0, ("remote",)
    if _same_place(talent.location, need.location):
        return 1.0, (need.location or "",)
    if need.mode == "hybrid" or not talent.location or not need.location:
        return 0.5, ()
    return 0.0, ()


def score(
    talent: Talent,
    need: Need,
    *,
    never: frozenset[tuple[str, str]] = frozenset(),
    _ranks: dict[str, int] | None = None,
) -> PairScore:
    """The score of one candidate for one need with its breakdown (left: the talent, right: the need)."""
    ranks = _ranks if _ranks is not None else {k: cefr.rank(v) for k, v in talent.languages.items()}
    required = need.required & talent.skills
    nice = need.nice & talent.skills
    language, lang_ok, lang_missing = _language(ranks, need)
    location, place = _location(talent, need)
    values = {
        "required": len(required) / len(need.required) if need.required else 1.0,
        "nice": len(nice) / len(need.nice) if need.nice else 1.0,
        "language": language,
        "location": location,
    }
    evidence = {
        "required": (tuple(sorted(required)), tuple(sorted(need.required - talent.skills))),
        "nice": (tuple(sorted(nice)), ()),
        "language": (lang_ok, lang_missing),
        "location": (place, ()),
    }
    total_weight = math.fsum(WEIGHTS.values())
    parts = tuple(
        Part(
            criterion=name,
            weight=WEIGHTS[name],
            value=round(values[name], 6),
            contribution=round(WEIGHTS[name] * values[name] / total_weight, 6),
            matched=evidence[name][0],
            missing=evidence[name][1],
        )
        for name in CRITERIA
    )
    blocked = DECLINED if (talent.id, need.employer) in never else None
    total = 0.0 if blocked else round(math.fsum(p.contribution for p in parts), 6)
    return PairScore(left=talent.id, right=need.id, score=total, parts=parts, blocked_by=blocked)


def _unique(ids: Iterable[str], name: str) -> None:
    seen = list(ids)
    if len(set(seen)) != len(seen):
        raise InvalidInput(f"{name}: duplicate ids")


def _top(pairs: Iterable[PairScore], top_k: int | None) -> list[PairScore]:
    allowed = [p for p in pairs if p.blocked_by is None]
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise InvalidInput(f"top_k must be a whole number of at least 1, got {top_k!r}")
    key = lambda p: (-p.score, p.left, p.right)  # noqa: E731
    return heapq.nsmallest(top_k, allowed, key=key) if top_k else sorted(allowed, key=key)


def rank_talents(
    need: Need,
    talents: list[Talent],
    *,
    never: frozenset[tuple[str, str]] = frozenset(),
    top_k: int | None = None,
) -> list[PairScore]:
    """Candidates for one need, best first (ties by id); blocked candidates left out."""
    _check_need(need)
    _unique((t.id for t in talents), "talents")
    return _top(
        (
            score(t, need, never=never, _ranks={k: cefr.rank(v) for k, v in t.languages.items()})
            for t in talents
        ),
        top_k,
    )


def rank_needs(
    talent: Talent,
    needs: list[Need],
    *,
    never: frozenset[tuple[str, str]] = frozenset(),
    top_k: int | None = None,
) -> list[PairScore]:
    """Needs for one candidate, best first (ties by id); needs of an employer they declined left out."""
    _unique((n.id for n in needs), "needs")
    ranks = {k: cefr.rank(v) for k, v in talent.languages.items()}
    for need in needs:
        _check_need(need)
    return _top((score(talent, n, never=never, _ranks=ranks) for n in needs), top_k)


@dataclass(frozen=True)
class Placement:
    talent: str
    need: str
    score: float


def assign(
    needs: list[Need],
    talents: list[Talent],
    *,
    never: frozenset[tuple[str, str]] = frozenset(),
    min_score: float = 0.0,
) -> list[Placement]:
    """Each candidate in at most one need, each need up to its openings, the largest total score (exact:
    `polku.matching.assignment`, objective "total"). Pairs below `min_score` are not placed."""
    _unique((n.id for n in needs), "needs")
    _unique((t.id for t in talents), "talents")
    pairs = [
        p
        for need in needs
        for p in rank_talents(need, talents, never=never)
        if p.score > 0 and p.score >= min_score
    ]
    problem = assignment.AssignmentProblem(
        left=[assignment.Side(t.id, 1) for t in talents],
        right=[assignment.Side(n.id, n.openings) for n in needs],
        scores=[(p.left, p.right, p.score) for p in pairs],
        objective="total",
    )
    result = assignment.solve(problem)
    by_pair = {(p.left, p.right): p.score for p in pairs}
    return [Placement(talent=t, need=n, score=by_pair[(t, n)]) for t, n in result.pairs]


# --- JSON -------------------------------------------------------------------------------------------


def _strings(value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{where} must be a list of strings")
    return frozenset(value)


def _levels(value: Any, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidInput(f"{where} must be an object of language: level")
    for level in value.values():
        cefr.rank(level)
    return dict(value)


def _object(value: Any, where: str) -> dict[str, Any]:
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("id"), str | int)
        or isinstance(value.get("id"), bool)
    ):
        raise InvalidInput(f"{where} must be an object with an id")
    return value


def parse_talent(value: Any, where: str = "talent") -> Talent:
    row = _object(value, where)
    return Talent(
        id=str(row["id"]),
        skills=_strings(row.get("skills"), f"{where}.skills"),
        languages=_levels(row.get("languages"), f"{where}.languages"),
        location=row.get("location") or None,
    )


def parse_need(value: Any, where: str = "need") -> Need:
    row = _object(value, where)
    need = Need(
        id=str(row["id"]),
        employer=str(row.get("employer", "")),
        required=_strings(row.get("required"), f"{where}.required"),
        nice=_strings(row.get("nice"), f"{where}.nice"),
        languages=_levels(row.get("languages"), f"{where}.languages"),
        location=row.get("location") or None,
        mode=row.get("mode", "on_site"),
        openings=row.get("openings", 1),
    )
    _check_need(need)
    return need


def run_json(data: Any) -> dict[str, Any]:
    """`polku match talent`: {"needs": [...], "talents": [...], "never": [[talent, employer]], "top_k": 10,
    "assign": false} → the candidates of each need (and the needs of each candidate) with their
    breakdowns, and the placements when "assign" is true."""
    if not isinstance(data, dict):
        raise InvalidInput("the input must be an object with needs and talents")
    needs = [parse_need(v, f"needs[{i}]") for i, v in enumerate(data.get("needs") or [])]
    talents = [parse_talent(v, f"talents[{i}]") for i, v in enumerate(data.get("talents") or [])]
    never_rows = data.get("never") or []
    if not isinstance(never_rows, list) or not all(isinstance(r, list) and len(r) == 2 for r in never_rows):
        raise InvalidInput("never must be a list of [talent id, employer id] pairs")
    never = frozenset((str(a), str(b)) for a, b in never_rows)
    top_k = data.get("top_k", 10)
    out: dict[str, Any] = {
        "needs": {
            n.id: [explain(p) for p in rank_talents(n, talents, never=never, top_k=top_k)] for n in needs
        },
        "talents": {
            t.id: [explain(p) for p in rank_needs(t, needs, never=never, top_k=top_k)] for t in talents
        },
    }
    if data.get("assign"):
        out["placements"] = [
            {"talent": p.talent, "need": p.need, "score": p.score}
            for p in assign(needs, talents, never=never)
        ]
    return out
