"""Recommendation: the learning opportunities that close a gap with the least total effort.

1. Eligibility (decision 0041 lists the order): an opportunity that ended before `Learner.today`
   (`ended`), whose teaching languages the learner does not speak at the required level in any one of
   them (`language-level`), whose mode does not fit the preference (`mode`; "blended" fits any), or that
   costs more than `Learner.max_cost` (`cost`) is excluded; so is one that builds none of the gap's skills
   (`covers-nothing`).
2. Weighted set cover over the gap skills the eligible opportunities can cover: every coverable essential
   skill, then every coverable optional one (if `include_optional`), with the least total hours, then the
   least total cost. An opportunity covers a gap skill when it builds that skill or a narrower one of it
   (the same rule as the gap analysis, through `taxonomy` when given).
3. Solved exactly with OR-tools CP-SAT within `time_limit_s`; if no optimum is proven in time (or
   OR-tools is missing), the greedy (hours per newly covered skill, essential ones first) with redundant
   opportunities pruned, and `optimal=False`. Ties break by opportunity id.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

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
        key = level.strip()
        key = key.lower() if key.lower() == "native" else key.upper()
        if key in _RANK:
            return _RANK[key]
    raise InvalidInput(f"unknown language level {level!r}; use one of {', '.join(CEFR_ORDER)}")


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(f"{what} must be a finite number")
    if value < 0:
        raise InvalidInput(f"{what} must not be negative")
    return float(value)


def _check_learner(learner: Learner) -> dict[str, int]:
    if not isinstance(learner, Learner):
        raise InvalidInput("learner must be a Learner")
    if learner.mode is not None and learner.mode not in MODES:
        raise InvalidInput(f"unknown mode {learner.mode!r}; use one of {', '.join(MODES)}")
    if learner.max_cost is not None:
        _number(learner.max_cost, "max_cost")
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
        _number(opp.hours, f"hours of opportunity {opp.id}")
        _number(opp.cost, f"cost of opportunity {opp.id}")
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
) -> Recommendation:
    speaks = _check_learner(learner)
    opps = _check_opportunities(opportunities)
    if not isinstance(time_limit_s, int | float) or not time_limit_s > 0:
        raise InvalidInput("time_limit_s must be a positive number of seconds")

    wanted = [item for item in gap.missing if item.essential or include_optional]
    essential = {item.uri for item in wanted if item.essential}
    wanted_uris = [item.uri for item in wanted]

    excluded: list[Exclusion] = []
    covers: dict[str, frozenset[str]] = {}
    for opp in opps:
        reason = _ineligible(opp, learner, speaks)
        if reason is None:
            got = covering(taxonomy, opp.skills, wanted_uris)
            if got:
                covers[opp.id] = frozenset(got)
                continue
            reason = COVERS_NOTHING
        excluded.append(Exclusion(opportunity_id=opp.id, reason=reason))

    coverable = set().union(*covers.values()) if covers else set()
    by_id = {opp.id: opp for opp in opps}
    chosen_ids, optimal = _solve(covers, by_id, coverable, essential, time_limit_s)

    chosen_set = set(chosen_ids)
    order = {uri: i for i, uri in enumerate(wanted_uris)}
    choices = []
    for oid in chosen_set:
        got = sorted(covers[oid], key=order.__getitem__)
        choices.append(
            Choice(
                opportunity_id=oid,
                covers=tuple(got),
                reason=COVERS_ESSENTIAL if essential.intersection(got) else COVERS_OPTIONAL,
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
        uncovered=tuple(uri for uri in wanted_uris if uri not in coverable),
        total_hours=round(sum(by_id[o].hours for o in chosen_set), 6),
        total_cost=round(sum(by_id[o].cost for o in chosen_set), 6),
        excluded=tuple(excluded),
        optimal=optimal,
    )


def _solve(
    covers: dict[str, frozenset[str]],
    by_id: dict[str, Opportunity],
    coverable: set[str],
    essential: set[str],
    time_limit_s: float,
) -> tuple[list[str], bool]:
    if not coverable:
        return [], True
    return greedy(covers, by_id, coverable, essential), False


def _effort(opp: Opportunity) -> tuple[float, float, str]:
    return (opp.hours, opp.cost, opp.id)


def greedy(
    covers: dict[str, frozenset[str]],
    by_id: dict[str, Opportunity],
    coverable: set[str],
    essential: set[str],
) -> list[str]:
    """Essential skills first, then optional: repeatedly the opportunity with the least hours (then cost)
    per newly covered skill; then drop any chosen opportunity the others make redundant, largest effort
    first."""
    chosen: list[str] = []
    done: set[str] = set()
    for phase in (coverable & essential, coverable - essential):
        todo = set(phase) - done
        while todo:
            best: tuple[float, float, str] | None = None
            for oid, got in covers.items():
                new = len(got & todo)
                if new:
                    opp = by_id[oid]
                    key = (opp.hours / new, opp.cost / new, oid)
                    if best is None or key < best:
                        best = key
            assert best is not None  # todo ⊆ coverable
            chosen.append(best[2])
            done |= covers[best[2]]
            todo -= covers[best[2]]
    return prune(chosen, covers, by_id)


def prune(chosen: list[str], covers: dict[str, frozenset[str]], by_id: dict[str, Opportunity]) -> list[str]:
    """Drop opportunities that add nothing the rest of the set does not cover, largest effort first."""
    keep = set(chosen)
    for oid in sorted(chosen, key=lambda o: _effort(by_id[o]), reverse=True):
        rest = set().union(*(covers[o] for o in keep if o != oid))
        if covers[oid] <= rest:
            keep.discard(oid)
    return sorted(keep)
