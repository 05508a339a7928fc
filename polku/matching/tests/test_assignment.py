"""Assignment: optimality against brute force and scipy, constraints never broken, invalid input."""

import itertools
import math
import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from polku.matching import assignment as a
from polku.matching.errors import InvalidInput


def problem(left, right, scores, objective="total", forbidden=(), required=()):
    return a.AssignmentProblem(
        left=[a.Side(i, c) for i, c in left],
        right=[a.Side(i, c) for i, c in right],
        scores=list(scores),
        forbidden=frozenset(forbidden),
        required=frozenset(required),
        objective=objective,
    )


def feasible(p: a.AssignmentProblem, pairs) -> bool:
    listed = {(lid, rid) for lid, rid, _ in p.scores}
    lcap = {s.id: s.capacity for s in p.left}
    rcap = {s.id: s.capacity for s in p.right}
    if len(set(pairs)) != len(pairs) or not set(pairs) <= listed or set(pairs) & p.forbidden:
        return False
    if not p.required <= set(pairs):
        return False
    lc, rc = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    return all(lc[k] <= lcap[k] for k in lc) and all(rc[k] <= rcap[k] for k in rc)


def key(p, pairs):
    """The objective as a tuple to maximise (scores rounded as the solver rounds them)."""
    score = {(lid, rid): round(s * a.SCALE) for lid, rid, s in p.scores}
    qs = [score[x] for x in pairs]
    if p.objective == "total":
        return (sum(qs), len(qs))
    if p.objective == "count":
        return (len(qs), sum(qs))
    return (len(qs), min(qs) if qs else 0, sum(qs))


def brute_force(p):
    arcs = [(lid, rid) for lid, rid, _ in p.scores]
    best = None
    for n in range(len(arcs) + 1):
        for subset in itertools.combinations(arcs, n):
            if feasible(p, list(subset)):
                k = key(p, list(subset))
                if best is None or k > best:
                    best = k
    return best


@st.composite
def small_problems(draw):
    n_left = draw(st.integers(1, 4))
    n_right = draw(st.integers(1, 3))
    left = [(f"l{i}", draw(st.integers(0, 2))) for i in range(n_left)]
    right = [(f"r{j}", draw(st.integers(0, 3))) for j in range(n_right)]
    all_pairs = [(x, y) for x, _ in left for y, _ in right]
    listed = draw(st.lists(st.sampled_from(all_pairs), unique=True, max_size=9))
    values = st.one_of(st.sampled_from([0.0, 0.25, 0.5, 1.0]), st.floats(-1, 1, allow_nan=False))
    scores = [(x, y, draw(values)) for x, y in listed]
    forbidden = draw(st.lists(st.sampled_from(all_pairs), unique=True, max_size=3))
    objective = draw(st.sampled_from(a.OBJECTIVES))
    return problem(left, right, scores, objective, forbidden)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems(), st.data())
def test_exact_equals_brute_force_and_breaks_no_constraint(p, data):
    # Some required pairs, drawn from the allowed ones; skip draws that are impossible.
    allowed = sorted({(x, y) for x, y, _ in p.scores} - p.forbidden)
    required = data.draw(st.lists(st.sampled_from(allowed), unique=True, max_size=2)) if allowed else []
    p = problem(
        [(s.id, s.capacity) for s in p.left],
        [(s.id, s.capacity) for s in p.right],
        p.scores,
        p.objective,
        p.forbidden,
        required,
    )
    if not feasible(p, required):
        with pytest.raises(InvalidInput, match="required"):
            a.solve(p)
        return
    result = a.solve(p)
    assert feasible(p, result.pairs)
    assert result.pairs == sorted(result.pairs)
    assert result.matched == len(result.pairs)
    assert result.gap == 0.0
    assert key(p, result.pairs) == brute_force(p)
    scores = {(x, y): s for x, y, s in p.scores}
    assert result.total == pytest.approx(math.fsum(scores[x] for x in result.pairs), abs=1e-9)
    if result.pairs:
        assert result.min_score == min(scores[x] for x in result.pairs)
    greedy = a.solve(p, method="greedy")
    assert feasible(p, greedy.pairs)
    assert 0.0 <= greedy.gap <= 1.0 or p.objective == "total"


def lsa_optimum(p):
    """scipy's optimum on the expanded matrix: one column per mentor place. Exact for mentees of capacity
    1 (a pair cannot repeat); unlisted pairs score 0, which the maximum never needs."""
    s = {(x, y): v for x, y, v in p.scores}
    cols = [y.id for y in p.right for _ in range(y.capacity)]
    matrix = np.array([[max(s.get((x.id, y), 0.0), 0.0) for y in cols] for x in p.left])
    r, c = linear_sum_assignment(matrix, maximize=True)
    return float(matrix[r, c].sum())


@pytest.mark.parametrize("seed", range(10))
def test_total_equals_scipy_on_expanded_instances(seed):
    rng = random.Random(seed)
    left = [(f"l{i}", 1) for i in range(rng.randint(2, 30))]
    right = [(f"r{j}", rng.randint(1, 5)) for j in range(rng.randint(2, 8))]
    scores = [(x, y, round(rng.random(), 4)) for x, _ in left for y, _ in right if rng.random() < 0.6]
    p = problem(left, right, scores)
    assert a.solve(p).total == pytest.approx(lsa_optimum(p), abs=1e-5)


def test_objectives_differ_as_documented():
    # a-m is the one great pair; taking it leaves b unmatched.
    p = problem(
        [("a", 1), ("b", 1)],
        [("m", 1), ("n", 1)],
        [("a", "m", 1.0), ("a", "n", 0.2), ("b", "m", 0.3)],
    )
    assert a.solve(p).pairs == [("a", "m")]
    count = a.solve(problem(*_args(p), objective="count"))
    assert count.pairs == [("a", "n"), ("b", "m")] and count.total == 0.5
    # maxmin: two pairs are possible only as a-n, b-m (min 0.2).
    mm = a.solve(problem(*_args(p), objective="maxmin"))
    assert mm.pairs == [("a", "n"), ("b", "m")] and mm.min_score == 0.2


def _args(
    p: a.AssignmentProblem,
) -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, str, float]]]:
    return ([(s.id, s.capacity) for s in p.left], [(s.id, s.capacity) for s in p.right], p.scores)


def test_maxmin_raises_the_worst_pair_then_the_total():
    left = [("a", 1), ("b", 1), ("c", 1)]
    right = [("m", 1), ("n", 1), ("o", 1)]
    # total: a-m + b-n (1.1, worst 0.1); maxmin: a-n + b-m (1.0, worst 0.5); c-o either way.
    scores = [
        ("a", "m", 1.0),
        ("b", "n", 0.1),
        ("a", "n", 0.5),
        ("b", "m", 0.5),
        ("c", "o", 0.7),
        ("c", "n", 0.6),
    ]
    total = a.solve(problem(left, right, scores, "total"))
    mm = a.solve(problem(left, right, scores, "maxmin"))
    assert total.pairs == [("a", "m"), ("b", "n"), ("c", "o")]
    assert mm.pairs == [("a", "n"), ("b", "m"), ("c", "o")]
    assert total.min_score is not None and mm.min_score == 0.5 > total.min_score


def test_required_pairs_are_kept_even_when_worse():
    p = problem([("a", 1)], [("m", 1), ("n", 1)], [("a", "m", 0.9), ("a", "n", 0.1)], required=[("a", "n")])
    for objective in a.OBJECTIVES:
        assert a.solve(problem(*_args(p), objective=objective, required=[("a", "n")])).pairs == [("a", "n")]


def test_maxmin_with_a_low_required_pair_maximises_the_total():
    # The required pair fixes the minimum at 0.1, so the rest should maximise the total.
    left, right = [("a", 1), ("b", 1), ("c", 1)], [("m", 1), ("n", 1), ("o", 1)]
    scores = [("a", "m", 0.1), ("b", "n", 0.5), ("b", "o", 0.9), ("c", "n", 0.6), ("c", "o", 0.55)]
    mm = a.solve(problem(left, right, scores, "maxmin", required=[("a", "m")]))
    assert mm.pairs == [("a", "m"), ("b", "o"), ("c", "n")] and mm.min_score == 0.1


def test_forbidden_and_unlisted_pairs_are_never_matched():
    p = problem([("a", 2), ("b", 2)], [("m", 2)], [("a", "m", 1.0), ("b", "m", 0.5)], forbidden=[("a", "m")])
    for objective in a.OBJECTIVES:
        assert a.solve(problem(*_args(p), objective=objective, forbidden=[("a", "m")])).pairs == [("b", "m")]


def test_zero_and_negative_scores():
    p = problem([("a", 1), ("b", 1)], [("m", 2)], [("a", "m", 0.0), ("b", "m", -0.5)])
    assert a.solve(p).pairs == [("a", "m")]  # a zero pair costs nothing; a negative one lowers the total
    assert a.solve(problem(*_args(p), objective="count")).matched == 2


def test_maxmin_time_limit_reports_a_gap():
    rng = random.Random(3)
    left = [(f"l{i}", rng.randint(1, 3)) for i in range(60)]
    right = [(f"r{j}", rng.randint(1, 3)) for j in range(30)]
    scores = [(x, f"r{j}", rng.random()) for x, _ in left for j in rng.sample(range(30), 8)]
    exact = a.solve(problem(left, right, scores, "maxmin"))
    stopped = a.solve(problem(left, right, scores, "maxmin"), time_limit=0.0)
    assert stopped.matched == exact.matched
    assert stopped.min_score is not None and exact.min_score is not None
    assert stopped.min_score <= exact.min_score
    assert stopped.gap > 0.0
    assert exact.gap == 0.0


def test_greedy_gap_against_the_bound():
    rng = random.Random(5)
    left = [(f"l{i}", rng.randint(1, 3)) for i in range(80)]
    right = [(f"r{j}", rng.randint(1, 4)) for j in range(20)]
    scores = [(x, f"r{j}", rng.random()) for x, _ in left for j in rng.sample(range(20), 6)]
    exact = a.solve(problem(left, right, scores))
    greedy = a.solve(problem(left, right, scores), method="greedy")
    assert greedy.total <= exact.total + 1e-9
    # The bound is at least the optimum, so the reported gap is at least the true gap.
    assert greedy.gap >= (exact.total - greedy.total) / exact.total - 1e-9


def test_run_json_contract():
    data = {
        "left": [{"id": "a", "capacity": 1}],
        "right": [{"id": "m", "capacity": 2}],
        "scores": [["a", "m", 0.8]],
        "forbidden": [["a", "x"]],
        "required": [],
        "objective": "total",
    }
    assert a.run_json(data) == {"pairs": [["a", "m"]], "total": 0.8, "matched": 1, "gap": 0.0}
    assert a.notes(a.parse(data)) == [
        "forbidden pair ('a', 'x') names an unknown id; it cannot be matched anyway"
    ]


BASE = {
    "left": [{"id": "a", "capacity": 1}],
    "right": [{"id": "m", "capacity": 1}],
    "scores": [["a", "m", 0.5]],
}

INVALID = [
    ({**BASE, "scores": [["a", "zz", 0.5]]}, "unknown right id 'zz'"),
    ({**BASE, "scores": [["q", "m", 0.5]]}, "unknown left id 'q'"),
    ({**BASE, "left": [{"id": "a", "capacity": 1}, {"id": "a", "capacity": 2}]}, "duplicate id 'a'"),
    ({**BASE, "left": [{"id": "a", "capacity": -1}]}, "must not be negative"),
    ({**BASE, "left": [{"id": "a", "capacity": 1.5}]}, "whole number"),
    ({**BASE, "left": [{"id": "a", "capacity": True}]}, "whole number"),
    ({**BASE, "left": [{"id": "a", "capacity": 10**9}]}, "impossible"),
    ({**BASE, "left": [{"id": "a"}]}, "capacity is missing"),
    ({**BASE, "required": [["a", "m"]], "forbidden": [["a", "m"]]}, "also forbidden"),
    ({**BASE, "required": [["a", "zz"]]}, "unknown right id 'zz'"),
    (
        {**BASE, "right": [{"id": "m", "capacity": 1}, {"id": "n", "capacity": 1}], "required": [["a", "n"]]},
        "not listed in scores",
    ),
    (
        {
            **BASE,
            "right": [{"id": "m", "capacity": 1}, {"id": "n", "capacity": 1}],
            "scores": [["a", "m", 0.5], ["a", "n", 0.5]],
            "required": [["a", "m"], ["a", "n"]],
        },
        "more required pairs",
    ),
    ({**BASE, "objective": "best"}, "unknown objective 'best'"),
    ({**BASE, "scores": [["a", "m", 0.5], ["a", "m", 0.6]]}, "listed twice"),
    ({**BASE, "scores": [["a", "m", "high"]]}, "finite number"),
    ({**BASE, "scores": [["a", "m", 1e9]]}, "between"),
    ({**BASE, "scores": [["a", "m", 10**400]]}, "finite number"),
    ({**BASE, "scores": [["a", "m", float("nan")]]}, "finite number"),
    ({**BASE, "scores": [["a", "m"]]}, r"\[left_id, right_id, score\]"),
    ({**BASE, "forbidden": "a,m"}, "must be a list"),
    ({**BASE, "forbidden": [["a"]]}, "pair of two ids"),
    ({**BASE, "colour": 1}, "unknown field"),
    ({"right": [], "scores": []}, '"left" must be a list'),
    ([1, 2], "JSON object"),
]


@pytest.mark.parametrize(("data", "message"), INVALID)
def test_invalid_input_is_a_clear_error(data, message):
    with pytest.raises(InvalidInput, match=message):
        a.run_json(data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.just(10**400)
    | st.floats(allow_nan=True)
    | st.sampled_from(["a", "m", ""]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "capacity", "x"]), children, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "left": json_values,
            "right": json_values,
            "scores": json_values,
            "forbidden": json_values,
            "required": json_values,
            "objective": json_values,
        },
    )
)
def test_any_json_gives_a_result_or_invalid_input(data):
    try:
        out = a.run_json(data)
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert set(out) == {"pairs", "total", "matched", "gap"}


@st.composite
def medium_problems(draw):
    seed = draw(st.integers(0, 10**6))
    rng = random.Random(seed)
    n_left, n_right = rng.randint(1, 60), rng.randint(1, 20)
    left = [(f"l{i}", rng.randint(0, 3)) for i in range(n_left)]
    right = [(f"r{j}", rng.randint(0, 5)) for j in range(n_right)]
    scores = [
        (x, f"r{j}", rng.choice([0.0, 0.5, 1.0, rng.random()]))
        for x, _ in left
        for j in rng.sample(range(n_right), min(n_right, 6))
    ]
    forbidden = [(x, y) for x, y, _ in scores if rng.random() < 0.1]
    return problem(left, right, scores, draw(st.sampled_from(a.OBJECTIVES)), forbidden)


@settings(max_examples=60, deadline=None)
@given(medium_problems())
def test_larger_instances_keep_every_constraint_and_objectives_are_consistent(p):
    result = a.solve(p)
    assert feasible(p, result.pairs)
    others = {o: a.solve(problem(*_args(p), objective=o, forbidden=p.forbidden)) for o in a.OBJECTIVES}
    # count and maxmin reach the largest number of pairs; total reaches the largest total.
    assert others["count"].matched == others["maxmin"].matched >= others["total"].matched
    assert others["total"].total >= max(others["count"].total, others["maxmin"].total) - 1e-5
    if others["maxmin"].matched:
        low, high = others["count"].min_score, others["maxmin"].min_score
        assert low is not None and high is not None and high >= low - 1e-6


def test_extreme_scores_keep_the_tie_break():
    p = problem(
        [("a", 1), ("b", 1), ("c", 1)],
        [("m", 1), ("n", 2)],
        [("a", "m", 1000.0), ("b", "m", 999.999999), ("b", "n", 0.0), ("c", "n", -1000.0)],
    )
    result = a.solve(p)
    assert result.pairs == [("a", "m"), ("b", "n")]  # the zero pair fills a free place
    assert result.total == 1000.0
    assert key(p, result.pairs) == brute_force(p)
