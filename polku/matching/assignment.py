"""Assignment with capacities: weighted bipartite b-matching of mentees (left) to mentors (right).

Each person has a capacity (how many partners they take), only the listed pairs may be matched, some
pairs are forbidden and some required. One objective per run:

- ``"total"``: the largest total score; among equal totals, the most pairs.
- ``"count"``: the most pairs; among those, the largest total score.
- ``"maxmin"``: the most pairs; among those, the largest possible score of the worst matched pair; among
  those, the largest total score.

All three are solved exactly as minimum-cost flows with OR-tools (``SimpleMinCostFlow``; ``SimpleMaxFlow``
for the feasibility checks of ``"maxmin"``): source → mentee (capacity = the mentee's capacity) → mentor
(capacity 1 per listed pair, cost = −score) → sink (capacity = the mentor's capacity). Flow costs are
integers, so scores are rounded to 10⁻⁶ before solving: the result is optimal for the rounded scores, and
the reported total is the sum of the scores as given. Required pairs are assigned first and the two
people's capacities reduced by one each; the rest is solved on what remains, which is exact because every
feasible answer contains the required pairs.

``gap`` is 0.0 for a proven optimum. It is the relative distance to an upper bound when the answer is not
proven optimal: with ``method="greedy"`` (a heuristic, for comparison), or when ``time_limit`` stops the
threshold search of ``"maxmin"`` early (the answer then has the maximum count and the best total for the
minimum it reached; the gap is on that minimum).

See docs/matching.md for the guarantees and the command line, and docs/decisions/0010 for the solver.
"""

from __future__ import annotations

import heapq
import math
import time
from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from polku.matching.errors import InvalidInput

Objective = Literal["total", "count", "maxmin"]
Method = Literal["exact", "greedy"]
OBJECTIVES: tuple[str, ...] = get_args(Objective)

SCALE = 1_000_000  # scores are solved as integers: round(score × SCALE)
MAX_ABS_SCORE = 1000.0
MAX_CAPACITY = 1_000_000


@dataclass(frozen=True)
class Side:
    """A mentee (left) or a mentor (right)."""

    id: str
    capacity: int  # >= 0


@dataclass(frozen=True)
class AssignmentProblem:
    left: list[Side]
    right: list[Side]
    scores: list[tuple[str, str, float]]  # (left_id, right_id, score); only listed pairs are allowed
    forbidden: frozenset[tuple[str, str]] = frozenset()
    required: frozenset[tuple[str, str]] = frozenset()
    objective: Objective = "total"


@dataclass(frozen=True)
class AssignmentResult:
    pairs: list[tuple[str, str]]  # sorted
    total: float
    matched: int
    gap: float  # 0.0 when proven optimal; relative gap otherwise
    min_score: float | None  # the worst matched pair's score


# --------------------------------------------------------------------------------------------------
# Checking a problem


@dataclass(frozen=True)
class _Prepared:
    """A checked problem as arrays: the optional arcs (listed, not forbidden, not required) and the
    capacities left after the required pairs."""

    left_ids: list[str]
    right_ids: list[str]
    left_cap: np.ndarray  # residual capacity per left index
    right_cap: np.ndarray
    arc_left: np.ndarray  # per optional arc: left index
    arc_right: np.ndarray  # per optional arc: right index
    arc_score: np.ndarray  # float scores as given
    arc_q: np.ndarray  # int64 rounded scores (score × SCALE)
    required: list[tuple[int, int, float]]  # (left index, right index, score)
    objective: str


def _finite(number: float) -> bool:
    try:
        return math.isfinite(number)
    except OverflowError:  # an int too large for a float
        return False


def _check_sides(sides: list[Side], name: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for side in sides:
        if not isinstance(side.id, str) or not side.id:
            raise InvalidInput(f"{name}: every id must be a non-empty string, got {side.id!r}")
        cap = side.capacity
        if isinstance(cap, bool) or not isinstance(cap, int):
            raise InvalidInput(f"{name} {side.id!r}: capacity must be a whole number, got {cap!r}")
        if cap < 0:
            raise InvalidInput(f"{name} {side.id!r}: capacity must not be negative, got {cap}")
        if cap > MAX_CAPACITY:
            raise InvalidInput(f"{name} {side.id!r}: capacity {cap} is impossible (at most {MAX_CAPACITY})")
        if side.id in index:
            raise InvalidInput(f"{name}: duplicate id {side.id!r}")
        index[side.id] = len(index)
    return index


def _prepare(problem: AssignmentProblem) -> _Prepared:
    if problem.objective not in OBJECTIVES:
        raise InvalidInput(f"unknown objective {problem.objective!r}; use one of {', '.join(OBJECTIVES)}")
    left = _check_sides(problem.left, "left")
    right = _check_sides(problem.right, "right")
    left_cap = np.array([s.capacity for s in problem.left], dtype=np.int64)
    right_cap = np.array([s.capacity for s in problem.right], dtype=np.int64)

    listed: dict[tuple[str, str], float] = {}
    for entry in problem.scores:
        lid, rid, score = entry
        if lid not in left:
            raise InvalidInput(f"scores: unknown left id {lid!r} in pair ({lid!r}, {rid!r})")
        if rid not in right:
            raise InvalidInput(f"scores: unknown right id {rid!r} in pair ({lid!r}, {rid!r})")
        if isinstance(score, bool) or not isinstance(score, int | float) or not _finite(score):
            raise InvalidInput(
                f"scores: the score of ({lid!r}, {rid!r}) must be a finite number, got {score!r}"
            )
        if abs(score) > MAX_ABS_SCORE:
            raise InvalidInput(
                f"scores: the score of ({lid!r}, {rid!r}) is {score}; scores must lie between "
                f"{-MAX_ABS_SCORE:g} and {MAX_ABS_SCORE:g}"
            )
        if (lid, rid) in listed:
            raise InvalidInput(f"scores: the pair ({lid!r}, {rid!r}) is listed twice")
        listed[(lid, rid)] = float(score)

    # A forbidden pair naming someone unknown cannot be matched anyway: it is ignored (see notes()).
    forbidden = {pair for pair in problem.forbidden if pair in listed}

    required: list[tuple[int, int, float]] = []
    for lid, rid in sorted(problem.required):
        if lid not in left:
            raise InvalidInput(f"required: unknown left id {lid!r} in pair ({lid!r}, {rid!r})")
        if rid not in right:
            raise InvalidInput(f"required: unknown right id {rid!r} in pair ({lid!r}, {rid!r})")
        if (lid, rid) in problem.forbidden:
            raise InvalidInput(f"required: the pair ({lid!r}, {rid!r}) is also forbidden")
        if (lid, rid) not in listed:
            raise InvalidInput(f"required: the pair ({lid!r}, {rid!r}) is not listed in scores")
        li, ri = left[lid], right[rid]
        left_cap[li] -= 1
        right_cap[ri] -= 1
        if left_cap[li] < 0:
            raise InvalidInput(
                f"required: left {lid!r} has {problem.left[li].capacity} place(s) but more required pairs"
            )
        if right_cap[ri] < 0:
            raise InvalidInput(
                f"required: right {rid!r} has {problem.right[ri].capacity} place(s) but more required pairs"
            )
        required.append((li, ri, listed[(lid, rid)]))
    required_set = set(problem.required)

    optional = [(pair, s) for pair, s in listed.items() if pair not in forbidden and pair not in required_set]
    arc_left = np.fromiter((left[p[0]] for p, _ in optional), dtype=np.int64, count=len(optional))
    arc_right = np.fromiter((right[p[1]] for p, _ in optional), dtype=np.int64, count=len(optional))
    arc_score = np.fromiter((s for _, s in optional), dtype=np.float64, count=len(optional))
    arc_q = np.rint(arc_score * SCALE).astype(np.int64)
    return _Prepared(
        left_ids=[s.id for s in problem.left],
        right_ids=[s.id for s in problem.right],
        left_cap=left_cap,
        right_cap=right_cap,
        arc_left=arc_left,
        arc_right=arc_right,
        arc_score=arc_score,
        arc_q=arc_q,
        required=required,
        objective=problem.objective,
    )


# --------------------------------------------------------------------------------------------------
# Flows


def _graph(prep: _Prepared, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    """Tails, heads and capacities of the flow network: source 0, left 1..nL, right nL+1..nL+nR, sink.
    The first len(arcs) arcs are the pair arcs (in the order of the mask)."""
    n_left, n_right = len(prep.left_ids), len(prep.right_ids)
    source, sink = 0, n_left + n_right + 1
    arc_left = prep.arc_left if mask is None else prep.arc_left[mask]
    arc_right = prep.arc_right if mask is None else prep.arc_right[mask]
    left_nodes = np.arange(1, n_left + 1, dtype=np.int64)
    right_nodes = np.arange(n_left + 1, n_left + n_right + 1, dtype=np.int64)
    tails = np.concatenate([arc_left + 1, np.full(n_left, source), right_nodes])
    heads = np.concatenate([arc_right + n_left + 1, left_nodes, np.full(n_right, sink)])
    caps = np.concatenate([np.ones(len(arc_left), dtype=np.int64), prep.left_cap, prep.right_cap])
    return tails, heads, caps, source, sink


def _max_flow(prep: _Prepared, mask: np.ndarray | None = None) -> int:
    tails, heads, caps, source, sink = _graph(prep, mask)
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(tails, heads, caps)
    status = solver.solve(source, sink)
    if status != solver.OPTIMAL:  # pragma: no cover - capacities are checked, so this is a bug
        raise RuntimeError(f"max flow failed with status {status}")
    return int(solver.optimal_flow())


def _min_cost_flow(prep: _Prepared, mask: np.ndarray | None, *, maximise_count: bool) -> np.ndarray:
    """Indices (into the optional arcs) of the pairs of an optimal flow.

    maximise_count=False: the flow of any size with the least cost, cost = −(q·T + 1), so that the
    largest total comes first and, among equal totals, the most pairs (T exceeds any pair count).
    maximise_count=True: the largest flow, and among those the least cost, cost = −q.
    """
    index = np.arange(len(prep.arc_q)) if mask is None else np.flatnonzero(mask)
    q = prep.arc_q[index]
    tails, heads, caps, source, sink = _graph(prep, mask)
    n_arcs = len(index)
    most_pairs = int(min(prep.left_cap.sum(), prep.right_cap.sum(), n_arcs))
    n_nodes = len(prep.left_ids) + len(prep.right_ids) + 2
    solver = min_cost_flow.SimpleMinCostFlow()
    if maximise_count:
        costs = -q
    else:
        tie = most_pairs + 1
        largest = int(np.abs(q).max(initial=0))
        # OR-tools multiplies costs by the node count while scaling, and the total cost must fit too:
        # keep both well inside int64 (only absurdly large instances drop the tie-break).
        biggest = largest * tie + 1
        fits = biggest * (n_nodes + 1) < 2**62 and biggest * max(most_pairs, 1) < 2**62
        costs = -(q * tie + 1) if fits else -q
    all_costs = np.concatenate([costs, np.zeros(len(tails) - n_arcs, dtype=np.int64)])
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, all_costs)
    if maximise_count:
        supply = int(prep.left_cap.sum())
        solver.set_node_supply(source, supply)
        solver.set_node_supply(sink, -int(prep.right_cap.sum()))
        status = solver.solve_max_flow_with_min_cost()
    else:
        # A bypass arc source → sink lets the flow use only the pairs that lower the cost.
        solver.add_arc_with_capacity_and_unit_cost(source, sink, most_pairs, 0)
        solver.set_node_supply(source, most_pairs)
        solver.set_node_supply(sink, -most_pairs)
        status = solver.solve()
    if status != solver.OPTIMAL:  # pragma: no cover - inputs are checked, so this is a bug
        raise RuntimeError(f"min cost flow failed with status {status}")
    flows = solver.flows(np.arange(n_arcs, dtype=np.int64)) if n_arcs else np.zeros(0, dtype=np.int64)
    return index[flows > 0]


# --------------------------------------------------------------------------------------------------
# Solving


def _result(prep: _Prepared, chosen: np.ndarray, gap: float) -> AssignmentResult:
    pairs = [(prep.left_ids[li], prep.right_ids[ri]) for li, ri, _ in prep.required]
    scores = [s for _, _, s in prep.required]
    for i in chosen.tolist():
        pairs.append((prep.left_ids[int(prep.arc_left[i])], prep.right_ids[int(prep.arc_right[i])]))
        scores.append(float(prep.arc_score[i]))
    return AssignmentResult(
        pairs=sorted(pairs),
        total=round(math.fsum(scores), 9),
        matched=len(pairs),
        gap=round(max(gap, 0.0), 9),
        min_score=min(scores) if scores else None,
    )


def _relative_gap(bound: float, value: float) -> float:
    if bound <= value:
        return 0.0
    return (bound - value) / max(abs(bound), 1e-12)


def _solve_maxmin(prep: _Prepared, deadline: float | None) -> tuple[np.ndarray, float]:
    """Largest count; then the largest threshold t such that the pairs scoring at least t still reach
    that count; then the best total on those pairs. Returns (chosen arcs, gap on the minimum)."""
    if len(prep.arc_q) == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    count = _max_flow(prep)
    if count == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    thresholds = np.unique(prep.arc_q)  # ascending
    lo, hi = 0, len(thresholds)  # thresholds[lo] reaches the count; thresholds[hi:] are proven not to
    stopped = False
    while hi - lo > 1:
        if deadline is not None and time.monotonic() > deadline:
            stopped = True
            break
        mid = (lo + hi) // 2
        if _max_flow(prep, prep.arc_q >= thresholds[mid]) == count:
            lo = mid
        else:
            hi = mid
    threshold, bound = int(thresholds[lo]), int(thresholds[hi - 1])
    if prep.required:
        # The worst required pair bounds the minimum anyway; pairs down to it cost nothing in the minimum
        # and may raise the total.
        worst_required = min(round(s * SCALE) for _, _, s in prep.required)
        threshold, bound = min(threshold, worst_required), min(bound, worst_required)
    gap = _relative_gap(float(bound), float(threshold)) if stopped else 0.0
    chosen = _min_cost_flow(prep, prep.arc_q >= threshold, maximise_count=True)
    return chosen, gap


def _greedy(prep: _Prepared) -> np.ndarray:
    """Best score first, while both people have room; for "total" only pairs with a positive score."""
    left_room = prep.left_cap.copy()
    right_room = prep.right_cap.copy()
    chosen: list[int] = []
    order = np.argsort(-prep.arc_score, kind="stable")
    for i in order.tolist():
        if prep.objective == "total" and prep.arc_score[i] <= 0:
            break
        li, ri = int(prep.arc_left[i]), int(prep.arc_right[i])
        if left_room[li] > 0 and right_room[ri] > 0:
            left_room[li] -= 1
            right_room[ri] -= 1
            chosen.append(i)
    return np.array(chosen, dtype=np.int64)


def _top_sum(groups: np.ndarray, values: np.ndarray, caps: np.ndarray) -> float:
    """Sum over each person of their `cap` best positive values."""
    by_person: dict[int, list[float]] = {}
    for g, v in zip(groups.tolist(), values.tolist(), strict=True):
        if v > 0:
            by_person.setdefault(g, []).append(v)
    return math.fsum(
        math.fsum(heapq.nlargest(int(caps[g]), vs)) for g, vs in by_person.items() if caps[g] > 0
    )


def upper_bounds(prep: _Prepared) -> tuple[float, int]:
    """Cheap bounds on the optional part: (total score, number of pairs). Each person can at best take
    their `capacity` best pairs; take the smaller of the two sides' sums."""
    total = min(
        _top_sum(prep.arc_left, prep.arc_score, prep.left_cap),
        _top_sum(prep.arc_right, prep.arc_score, prep.right_cap),
    )
    degree_left = np.bincount(prep.arc_left, minlength=len(prep.left_ids))
    degree_right = np.bincount(prep.arc_right, minlength=len(prep.right_ids))
    count = min(
        int(np.minimum(degree_left, prep.left_cap).sum()), int(np.minimum(degree_right, prep.right_cap).sum())
    )
    return total, count


def solve(
    problem: AssignmentProblem, *, time_limit: float | None = None, method: Method = "exact"
) -> AssignmentResult:
    """Solve the problem; InvalidInput (with what to change) when it is malformed or impossible.

    method="exact" (the default) proves optimality (gap 0.0), except when `time_limit` (seconds) stops
    the threshold search of "maxmin"; "total" and "count" are one solver call and do not look at it.
    method="greedy" is the best-score-first heuristic, for comparison; its gap is measured against
    upper_bounds() on the objective's first measure (total for "total", pairs for "count" and "maxmin").
    """
    deadline = None if time_limit is None else time.monotonic() + time_limit
    prep = _prepare(problem)
    required_total = math.fsum(s for _, _, s in prep.required)
    if method == "greedy":
        chosen = _greedy(prep)
        bound_total, bound_count = upper_bounds(prep)
        result = _result(prep, chosen, 0.0)
        if problem.objective == "total":
            gap = _relative_gap(bound_total + required_total, result.total)
        else:
            gap = _relative_gap(float(bound_count + len(prep.required)), float(result.matched))
        return _result(prep, chosen, gap)
    if method != "exact":
        raise InvalidInput(f"unknown method {method!r}; use exact or greedy")
    if len(prep.arc_q) == 0:
        return _result(prep, np.zeros(0, dtype=np.int64), 0.0)
    if problem.objective == "total":
        return _result(prep, _min_cost_flow(prep, None, maximise_count=False), 0.0)
    if problem.objective == "count":
        return _result(prep, _min_cost_flow(prep, None, maximise_count=True), 0.0)
    chosen, gap = _solve_maxmin(prep, deadline)
    return _result(prep, chosen, gap)


# --------------------------------------------------------------------------------------------------
# JSON


def _ids_pair(value: Any, where: str) -> tuple[str, str]:
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(x, str) and x for x in value)
    ):
        raise InvalidInput(
            f"{where}: each entry must be a pair of two ids, [left_id, right_id]; got {value!r}"
        )
    return value[0], value[1]


def _sides(data: dict, key: str) -> list[Side]:
    raw = data.get(key)
    if not isinstance(raw, list):
        raise InvalidInput(f'"{key}" must be a list of {{"id": ..., "capacity": ...}} objects')
    sides = []
    for item in raw:
        if not isinstance(item, dict) or "id" not in item:
            raise InvalidInput(f'{key}: each entry must be an object with "id" and "capacity"; got {item!r}')
        unknown = set(item) - {"id", "capacity"}
        if unknown:
            raise InvalidInput(
                f"{key} {item['id']!r}: unknown field(s) {', '.join(sorted(map(str, unknown)))}"
            )
        if "capacity" not in item:
            raise InvalidInput(f"{key} {item['id']!r}: capacity is missing")
        sides.append(Side(id=item["id"], capacity=item["capacity"]))
    _check_sides(sides, key)
    return sides


def parse(data: Any) -> AssignmentProblem:
    """The CLI's JSON shape → AssignmentProblem; InvalidInput with a clear message when malformed.

    {"left": [{"id": "a", "capacity": 1}], "right": [{"id": "m", "capacity": 2}],
     "scores": [["a", "m", 0.8]], "forbidden": [["a", "x"]], "required": [], "objective": "total"}
    """
    if not isinstance(data, dict):
        raise InvalidInput("the input must be a JSON object with left, right and scores")
    unknown = set(data) - {"left", "right", "scores", "forbidden", "required", "objective"}
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    left = _sides(data, "left")
    right = _sides(data, "right")
    raw_scores = data.get("scores")
    if not isinstance(raw_scores, list):
        raise InvalidInput('"scores" must be a list of [left_id, right_id, score] entries')
    scores: list[tuple[str, str, float]] = []
    for entry in raw_scores:
        if not isinstance(entry, list) or len(entry) != 3:
            raise InvalidInput(f"scores: each entry must be [left_id, right_id, score]; got {entry!r}")
        lid, rid = _ids_pair(entry[:2], "scores")
        scores.append((lid, rid, entry[2]))
    pair_lists: dict[str, frozenset[tuple[str, str]]] = {}
    for key in ("forbidden", "required"):
        raw = data.get(key, [])
        if not isinstance(raw, list):
            raise InvalidInput(f'"{key}" must be a list of [left_id, right_id] pairs')
        pairs = [_ids_pair(p, key) for p in raw]
        if len(set(pairs)) != len(pairs):
            raise InvalidInput(f"{key}: a pair is listed twice")
        pair_lists[key] = frozenset(pairs)
    objective = data.get("objective", "total")
    if objective not in OBJECTIVES:
        raise InvalidInput(f"unknown objective {objective!r}; use one of {', '.join(OBJECTIVES)}")
    problem = AssignmentProblem(
        left=left,
        right=right,
        scores=scores,
        forbidden=pair_lists["forbidden"],
        required=pair_lists["required"],
        objective=objective,
    )
    _prepare(problem)  # every remaining check (ids, scores, required pairs and capacities)
    return problem


def notes(problem: AssignmentProblem) -> list[str]:
    """Things worth telling whoever wrote the input, which do not stop the solve."""
    left = {s.id for s in problem.left}
    right = {s.id for s in problem.right}
    return [
        f"forbidden pair ({lid!r}, {rid!r}) names an unknown id; it cannot be matched anyway"
        for lid, rid in sorted(problem.forbidden)
        if lid not in left or rid not in right
    ]


def result_json(result: AssignmentResult) -> dict:
    return {
        "pairs": [[lid, rid] for lid, rid in result.pairs],
        "total": result.total,
        "matched": result.matched,
        "gap": result.gap,
    }


def run_json(data: Any, *, time_limit: float | None = None) -> dict:
    """parse + solve → {"pairs": [[l, r]], "total", "matched", "gap"}."""
    return result_json(solve(parse(data), time_limit=time_limit))
