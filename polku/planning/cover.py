"""Weighted set cover for the recommendation: exact with OR-tools CP-SAT, greedy as the fallback.

The problem (decision 0041): candidates `covers[id]` (the targeted gap skills each eligible opportunity
covers) with an effort (hours, cost). Lexicographic objective:

1. the most essential skills covered, 2. then the most optional ones, 3. then the least total hours,
4. then the least total cost, 5. then the smallest sum of id ranks (ids sorted), so ties are reproducible.

Without an hours budget, 1 and 2 simply mean "every coverable skill", so only the covering constraints
remain. With `max_hours`, coverage competes with effort and stages 1–2 are solved first.

CP-SAT solves on integers: hours and cost are rounded to hundredths. Each stage is solved to optimality
and fixed before the next (one search worker and a fixed seed, so the same input gives the same answer);
the stages share the time limit. Only stages 1–3 decide `optimal` ("proven least effort for the covered
set"); if a later stage runs out of time, the solution of the stage before stands.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import Any

from polku.planning.model import Opportunity

SCALE = 100  # hours and euros as integers: hundredths


def _effort(opp: Opportunity) -> tuple[float, float, str]:
    return (opp.hours, opp.cost, opp.id)


def dedupe(
    covers: Mapping[str, frozenset[str]], by_id: Mapping[str, Opportunity]
) -> dict[str, frozenset[str]]:
    """Of opportunities covering exactly the same skills, only the one with the least (hours, cost, id)
    can be in an optimal set."""
    best: dict[frozenset[str], str] = {}
    for oid, got in covers.items():
        seen = best.get(got)
        if seen is None or _effort(by_id[oid]) < _effort(by_id[seen]):
            best[got] = oid
    return {oid: got for got, oid in best.items()}


def undominated(
    covers: Mapping[str, frozenset[str]], by_id: Mapping[str, Opportunity]
) -> dict[str, frozenset[str]]:
    """Drop an opportunity when another covers at least the same skills with no more hours and no more
    cost (and less of one of them, or a smaller id): swapping it for that one never makes a set worse by
    the lexicographic objective, so an optimum without it exists. Only opportunities covering the first
    skill (the rarest one) of the dropped one need to be compared with it."""
    covers = dedupe(covers, by_id)
    holders: dict[str, list[str]] = {}
    for oid, got in covers.items():
        for skill in got:
            holders.setdefault(skill, []).append(oid)
    keep: dict[str, frozenset[str]] = {}
    for oid, got in covers.items():
        mine = by_id[oid]
        rarest = min(got, key=lambda s: (len(holders[s]), s))
        dominated = False
        for other in holders[rarest]:
            if other == oid:
                continue
            them = by_id[other]
            if (
                them.hours <= mine.hours
                and them.cost <= mine.cost
                and (them.hours, them.cost, them.id) < (mine.hours, mine.cost, mine.id)
                and got <= covers[other]
            ):
                dominated = True
                break
        if not dominated:
            keep[oid] = got
    return keep


def greedy(
    covers: Mapping[str, frozenset[str]],
    by_id: Mapping[str, Opportunity],
    essential: set[str],
    max_hours: float | None = None,
) -> list[str]:
    """Essential skills first, then optional ones: repeatedly the opportunity with the least hours (then
    cost, then id) per newly covered skill, among those that still fit `max_hours`; then the chosen
    opportunities that the others make redundant are dropped, largest effort first."""
    coverable = set().union(*covers.values()) if covers else set()
    chosen: list[str] = []
    done: set[str] = set()
    spent = 0.0
    for phase in (coverable & essential, coverable - essential):
        todo = set(phase) - done
        while todo:
            best: tuple[float, float, str] | None = None
            for oid, got in covers.items():
                new = len(got & todo)
                if not new or oid in chosen:
                    continue
                opp = by_id[oid]
                if max_hours is not None and spent + opp.hours > max_hours + 1e-9:
                    continue
                key = (opp.hours / new, opp.cost / new, oid)
                if best is None or key < best:
                    best = key
            if best is None:
                break
            chosen.append(best[2])
            spent += by_id[best[2]].hours
            done |= covers[best[2]]
            todo -= covers[best[2]]
    return prune(chosen, covers, by_id)


def prune(
    chosen: list[str], covers: Mapping[str, frozenset[str]], by_id: Mapping[str, Opportunity]
) -> list[str]:
    """Drop opportunities that add nothing the rest of the set does not cover, largest effort first."""
    keep = set(chosen)
    for oid in sorted(chosen, key=lambda o: _effort(by_id[o]), reverse=True):
        rest: set[str] = set()
        for other in keep:
            if other != oid:
                rest |= covers[other]
        if covers[oid] <= rest:
            keep.discard(oid)
    return sorted(keep)


def score(
    chosen: list[str],
    covers: Mapping[str, frozenset[str]],
    by_id: Mapping[str, Opportunity],
    essential: set[str],
) -> tuple[int, int, int, int]:
    """The objective as a comparable key (smaller is better): −essential, −optional, hours, cost."""
    got: set[str] = set()
    for oid in chosen:
        got |= covers[oid]
    return (
        -len(got & essential),
        -len(got - essential),
        sum(round(by_id[o].hours * SCALE) for o in chosen),
        sum(round(by_id[o].cost * SCALE) for o in chosen),
    )


def exact(
    covers: Mapping[str, frozenset[str]],
    by_id: Mapping[str, Opportunity],
    essential: set[str],
    *,
    time_limit_s: float,
    max_hours: float | None = None,
    hint: list[str] | None = None,
) -> tuple[list[str], bool] | None:
    """The lexicographic optimum with CP-SAT: (chosen ids, proven optimal through stage 3), or None if no
    solution was found in time or OR-tools is not installed."""
    try:
        from ortools.sat.python import cp_model
    except ImportError:  # pragma: no cover - ortools is a dependency; the greedy still answers
        return None

    deadline = time.monotonic() + time_limit_s
    ids = sorted(covers)
    model = cp_model.CpModel()
    x = {oid: model.new_bool_var(f"x{i}") for i, oid in enumerate(ids)}
    skills = sorted(set().union(*covers.values()))
    by_skill: dict[str, list[str]] = {s: [] for s in skills}
    for oid in ids:
        for s in covers[oid]:
            by_skill[s].append(oid)
    hours = {oid: round(by_id[oid].hours * SCALE) for oid in ids}
    cost = {oid: round(by_id[oid].cost * SCALE) for oid in ids}
    chosen_vars = [x[o] for o in ids]
    weighted = cp_model.LinearExpr.weighted_sum
    hours_expr = weighted(chosen_vars, [hours[o] for o in ids])
    cost_expr = weighted(chosen_vars, [cost[o] for o in ids])
    rank_expr = weighted(chosen_vars, list(range(1, len(ids) + 1)))

    stages: list[tuple[str, Any]] = []
    if max_hours is None:
        for s in skills:
            model.add_bool_or([x[o] for o in by_skill[s]])
    else:
        y = {s: model.new_bool_var(f"y{i}") for i, s in enumerate(skills)}
        for s in skills:
            model.add_bool_or([x[o] for o in by_skill[s]]).only_enforce_if(y[s])
        model.add(hours_expr <= math.floor(max_hours * SCALE + 1e-6))
        stages.append(("max", cp_model.LinearExpr.sum([y[s] for s in skills if s in essential])))
        stages.append(("max", cp_model.LinearExpr.sum([y[s] for s in skills if s not in essential])))
    stages += [("min", hours_expr), ("min", cost_expr), ("min", rank_expr)]
    decisive = len(stages) - 2  # coverage and hours decide `optimal`; cost and id ranks only break ties

    if hint:
        chosen_hint = set(hint)
        for oid in ids:
            model.add_hint(x[oid], oid in chosen_hint)

    solution: list[str] | None = None
    optimal = True
    for n, (sense, expr) in enumerate(stages):
        left = deadline - time.monotonic()
        if left <= 0:
            if n < decisive:
                optimal = False
            break
        if sense == "max":
            model.maximize(expr)
        else:
            model.minimize(expr)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = left
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 1
        # the LP relaxation makes set cover easy: 0.1 s instead of over 10 s on the benchmark's hardest case
        solver.parameters.linearization_level = 2
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if n < decisive:
                optimal = False
            break
        solution = [oid for oid in ids if solver.boolean_value(x[oid])]
        if status != cp_model.OPTIMAL:
            if n < decisive:
                optimal = False
            break
        value = round(solver.objective_value)
        model.add(expr == value)
        model.clear_hints()
        for oid in ids:
            model.add_hint(x[oid], oid in solution)
    if solution is None:
        return None
    return prune(solution, covers, by_id), optimal
