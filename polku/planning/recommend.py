"""Recommendation: the learning opportunities that close a gap with the least total effort.

1. Eligibility (decision 0041 lists the order): an opportunity that ended before `Learner.today`
   (`ended`), whose teaching languages the learner does not speak at the required level in any one of
   them (`language-level`), whose mode does not fit the preference (`mode`; "blended" fits any), or that
   costs more than `Learner.max_cost` (`cost`) is excluded; so is one that builds none of the gap's skills
   (`covers-nothing`).
2. Weighted set cover over the gap's missing and partial skills (optional ones only if
   `include_optional`): the most essential skills covered, then the most optional ones, then the least
   total hours, then the least total cost, then the smallest ids. Without a `max_hours` budget that means
   every coverable skill at the least effort. An opportunity covers a gap skill when it builds that skill
   or a narrower one of it (the same rule as the gap analysis, through `taxonomy` when given).
3. Solved exactly with OR-tools CP-SAT within `time_limit_s` (polku.planning.cover); if no optimum is
   proven in time, the better of the solver's best and the greedy (hours per newly covered skill, essential
   ones first, redundant opportunities pruned), with `optimal=False`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from polku.planning import cover
from polku.planning.errors import InvalidInput
from polku.planning.hierarchy import covering
from polku.planning.model import (
    CEFR_ORDER,
    MODES,
    Choice,
    Exclusion,
    Gap,
    Learner,
    Opportunity,
    Recommendation,
    Taxonomy,
)

__all__ = ["InvalidInput", "recommend"]

_RANK = {level: i for i, level in enumerate(CEFR_ORDER)}

# exclusion reason codes, in the order they are checked
ENDED, LANGUAGE, MODE, COST, COVERS_NOTHING = "ended", "language-level", "mode", "cost", "covers-nothing"
COVERS_ESSENTIAL, COVERS_OPTIONAL = "covers-essential", "covers-optional"


def level_rank(level: object) -> int:
    """0 for A1 … 5 for C2, 6 for a first language; InvalidInput for anything else."""
    if isinstance(level, str):
        found = _RANK.get(level)
        if found is not None:
            return found
        key = level.strip()
        key = key.lower() if key.lower() == "native" else key.upper()
        if key in _RANK:
            return _RANK[key]
    raise InvalidInput(f"unknown language level {level!r}; use one of {', '.join(CEFR_ORDER)}")


MAX_HOURS = 100_000.0  # beyond any real course; keeps the solver's integers small
MAX_COST = 100_000_000.0


def _number(value: object, what: str, most: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(f"{what} must be a finite number")
    if value < 0:
        raise InvalidInput(f"{what} must not be negative")
    if value > most:
        raise InvalidInput(f"{what} must be at most {most:,.0f}")
    return float(value)


def _check_learner(learner: Learner) -> dict[str, int]:
    if not isinstance(learner, Learner):
        raise InvalidInput("learner must be a Learner")
    if learner.mode is not None and learner.mode not in MODES:
        raise InvalidInput(f"unknown mode {learner.mode!r}; use one of {', '.join(MODES)}")
    if learner.max_cost is not None:
        _number(learner.max_cost, "max_cost", MAX_COST)
    if learner.today is not None and not isinstance(learner.today, date):
        raise InvalidInput("today must be a date")
    return {str(lang).strip().lower(): level_rank(level) for lang, level in learner.languages.items()}


def _check_opportunities(opportunities: Sequence[Opportunity]) -> list[Opportunity]:
    unique: dict[str, Opportunity] = {}
    for opp in opportunities:
        if not isinstance(opp, Opportunity):
            raise InvalidInput("each opportunity must be an Opportunity")
        if not isinstance(opp.id, str) or not opp.id:
            raise InvalidInput("an opportunity has an empty id")
        _number(opp.hours, f"hours of opportunity {opp.id}", MAX_HOURS)
        _number(opp.cost, f"cost of opportunity {opp.id}", MAX_COST)
        if opp.mode not in MODES:
            raise InvalidInput(
                f"opportunity {opp.id}: unknown mode {opp.mode!r}; use one of {', '.join(MODES)}"
            )
        for level in opp.languages.values():
            level_rank(level)
        seen = unique.get(opp.id)
        if seen is not None and seen != opp:
            raise InvalidInput(f"two different opportunities have the id {opp.id}")
        unique[opp.id] = opp
    return [unique[key] for key in sorted(unique)]


def _ineligible(opp: Opportunity, learner: Learner, speaks: dict[str, int]) -> str | None:
    if learner.today is not None and opp.ends is not None and opp.ends < learner.today:
        return ENDED
    if opp.languages and not any(
        speaks.get(str(lang).strip().lower(), -1) >= level_rank(level)
        for lang, level in opp.languages.items()
    ):
        return LANGUAGE
    if learner.mode is not None and opp.mode != "blended" and opp.mode != learner.mode:
        return MODE
    if learner.max_cost is not None and opp.cost > learner.max_cost:
        return COST
    return None


def recommend(
    *,
    gap: Gap,
    opportunities: Sequence[Opportunity],
    learner: Learner,
    taxonomy: Taxonomy | None = None,
    include_optional: bool = True,
    time_limit_s: float = 2.0,
    max_hours: float | None = None,
    method: str = "exact",
) -> Recommendation:
    """The least-effort set of eligible opportunities that covers the gap (see the module docstring).

    Additive keyword arguments beyond the shared interface: `max_hours` (a budget of total hours: then
    the most essential, then the most optional skills that fit) and `method` ("exact", or "greedy" for
    comparison; the greedy answer has `optimal=False`).
    """
    speaks = _check_learner(learner)
    opps = _check_opportunities(opportunities)
    if not isinstance(time_limit_s, int | float) or not time_limit_s > 0:
        raise InvalidInput("time_limit_s must be a positive number of seconds")
    if max_hours is not None:
        _number(max_hours, "max_hours", MAX_HOURS * 1000)
    if method not in ("exact", "greedy"):
        raise InvalidInput("method must be exact or greedy")

    wanted_uris: list[str] = []
    essential: set[str] = set()
    for item in gap.missing:  # best first; a uri listed twice counts once, essential if either says so
        if item.essential or include_optional:
            if item.uri not in wanted_uris:
                wanted_uris.append(item.uri)
            if item.essential:
                essential.add(item.uri)

    wanted_set = frozenset(wanted_uris)
    excluded: list[Exclusion] = []
    covers: dict[str, frozenset[str]] = {}
    for opp in opps:
        reason = _ineligible(opp, learner, speaks)
        if reason is None:
            got = covering(taxonomy, opp.skills, wanted_set)
            if got:
                covers[opp.id] = frozenset(got)
                continue
            reason = COVERS_NOTHING
        excluded.append(Exclusion(opportunity_id=opp.id, reason=reason))

    by_id = {opp.id: opp for opp in opps}
    chosen_ids, optimal = _solve(covers, by_id, essential, time_limit_s, max_hours, method)

    chosen_set = set(chosen_ids)
    covered = set().union(*(covers[o] for o in chosen_set)) if chosen_set else set()
    order = {uri: i for i, uri in enumerate(wanted_uris)}
    choices = []
    for oid in chosen_set:
        closes = sorted(covers[oid], key=order.__getitem__)
        choices.append(
            Choice(
                opportunity_id=oid,
                covers=tuple(closes),
                reason=COVERS_ESSENTIAL if essential.intersection(closes) else COVERS_OPTIONAL,
            )
        )
    choices.sort(
        key=lambda c: (
            c.reason != COVERS_ESSENTIAL,
            by_id[c.opportunity_id].starts or date.max,
            c.opportunity_id,
        )
    )
    return Recommendation(
        chosen=tuple(choices),
        uncovered=tuple(uri for uri in wanted_uris if uri not in covered),
        total_hours=round(sum(by_id[o].hours for o in chosen_set), 6),
        total_cost=round(sum(by_id[o].cost for o in chosen_set), 6),
        excluded=tuple(excluded),
        optimal=optimal,
    )


def _solve(
    covers: dict[str, frozenset[str]],
    by_id: dict[str, Opportunity],
    essential: set[str],
    time_limit_s: float,
    max_hours: float | None,
    method: str,
) -> tuple[list[str], bool]:
    if not covers:
        return [], True
    candidates = cover.undominated(covers, by_id)
    quick = cover.greedy(candidates, by_id, essential, max_hours)
    if method == "greedy":
        return quick, False
    found = cover.exact(
        candidates, by_id, essential, time_limit_s=time_limit_s, max_hours=max_hours, hint=quick
    )
    if found is None:
        return quick, False
    chosen, optimal = found
    if cover.score(quick, candidates, by_id, essential) < cover.score(chosen, candidates, by_id, essential):
        return quick, False
    return chosen, optimal
