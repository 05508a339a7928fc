"""Matching engine benchmark: exact assignment against scipy, a greedy baseline and mentor-match's
three-pass Hungarian method.

    .venv/bin/python bench/matching.py                 # every instance and method
    .venv/bin/python bench/matching.py --quick         # small instances only
    .venv/bin/python bench/matching.py --scoring       # scoring.score_all only

Prints one table row per (instance, method): total score, pairs matched, seconds (the solve call,
including the checks of the input), peak MB (maximum resident set of a forked process that holds the
instance and runs the method). Scores are uniform random in [0, 1) from a fixed seed.

Baselines:
- greedy: best score first while both people have room (polku.matching.assignment, method="greedy").
- mentor-match 3×Hungarian: a reimplementation with scipy of the PyPI package mentor-match
  (github.com/jonodrew/mentor-match-package, matching/process.py: process_data reduces
  match_and_assign_participants over a list of weightings, by default three). Each pass builds the full
  mentor × mentee score grid of the people still able to match, marks disallowed pairs (already matched
  together, or not allowed) with score 0, solves it as a one-to-one assignment with the Hungarian method
  (the package uses munkres with cost = maxsize − score; here scipy.optimize.linear_sum_assignment with
  maximize=True, the same optimum), and keeps the assigned pairs that are allowed. So each pass gives a
  person at most one new partner and nobody gets more than three; here a person also stops at their
  capacity. The package itself (7.0.1, with munkres 3.0.0) would install, but it scores pairs from its
  own civil-service CSV fields (grade, department, profession) inside its Match class, so it cannot take
  the given scores without rewriting it; its pure-Python munkres (O(n³) on the grid padded to
  5,000 × 5,000) was not timed at that size. Same method, same optimum per pass, given scores: hence the reimplementation.
- scipy LSA (expanded): on small instances with mentees of capacity 1, the mentors are expanded to one
  column per place and scipy's linear_sum_assignment gives the optimum total, which the exact solver must
  equal.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from polku.matching import assignment as a


def instance(n_left, n_right, *, left_caps, right_caps, candidates, seed):
    rng = random.Random(seed)
    left = [a.Side(f"l{i}", rng.randint(*left_caps)) for i in range(n_left)]
    right = [a.Side(f"r{j}", rng.randint(*right_caps)) for j in range(n_right)]
    scores = []
    for side in left:
        for j in rng.sample(range(n_right), min(candidates, n_right)):
            scores.append((side.id, right[j].id, rng.random()))
    return left, right, scores


def problem(inst, objective="total"):
    left, right, scores = inst
    return a.AssignmentProblem(left=left, right=right, scores=scores, objective=objective)


def mentor_match_three_passes(inst, passes=3):
    """mentor-match's repeated Hungarian assignment (see the module docstring)."""
    left, right, scores = inst
    li = {s.id: i for i, s in enumerate(left)}
    ri = {s.id: j for j, s in enumerate(right)}
    grid = np.zeros((len(right), len(left)))  # mentors × mentees, as in the package
    allowed = np.zeros((len(right), len(left)), dtype=bool)
    for lid, rid, s in scores:
        grid[ri[rid], li[lid]] = s
        allowed[ri[rid], li[lid]] = True
    left_room = np.array([s.capacity for s in left])
    right_room = np.array([s.capacity for s in right])
    pairs = []
    for _ in range(passes):
        rows = np.flatnonzero((right_room > 0) & allowed[:, left_room > 0].any(axis=1))
        cols = np.flatnonzero((left_room > 0) & allowed[right_room > 0].any(axis=0))
        if len(rows) == 0 or len(cols) == 0:
            break
        sub = np.where(allowed[np.ix_(rows, cols)], grid[np.ix_(rows, cols)], 0.0)
        r, c = linear_sum_assignment(sub, maximize=True)
        for rr, cc in zip(rows[r], cols[c], strict=True):
            if allowed[rr, cc]:
                pairs.append((left[cc].id, right[rr].id, grid[rr, cc]))
                allowed[rr, cc] = False  # never the same pair twice
                left_room[cc] -= 1
                right_room[rr] -= 1
    return sum(p[2] for p in pairs), len(pairs)


def lsa_expanded(inst):
    left, right, scores = inst
    assert all(s.capacity == 1 for s in left)
    s = {(x, y): v for x, y, v in scores}
    cols = [y.id for y in right for _ in range(y.capacity)]
    matrix = np.array([[s.get((x.id, y), 0.0) for y in cols] for x in left])
    r, c = linear_sum_assignment(matrix, maximize=True)
    picked = matrix[r, c]
    return float(picked.sum()), int((picked > 0).sum())


METHODS = {
    "exact total": lambda inst: _ours(inst, "total"),
    "exact count": lambda inst: _ours(inst, "count"),
    "exact maxmin": lambda inst: _ours(inst, "maxmin"),
    "greedy": lambda inst: _ours(inst, "total", method="greedy"),
    "mentor-match 3×Hungarian": mentor_match_three_passes,
    "scipy LSA (expanded)": lsa_expanded,
}


def _ours(inst, objective, method="exact"):
    result = a.solve(problem(inst, objective), method=method)
    return result.total, result.matched, result.gap, result.min_score


def _run(name, inst, queue):
    start = time.perf_counter()
    out = METHODS[name](inst)
    seconds = time.perf_counter() - start
    queue.put((out, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def measure(name, inst):
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(name, inst, queue))
    proc.start()
    out = queue.get()
    proc.join()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small instances only")
    parser.add_argument("--skip-hungarian-large", action="store_true", help="skip the slow dense baseline")
    args = parser.parse_args()

    instances = [
        ("small 300×60, mentees cap 1, mentors cap 1–5, 20 cand.",
         instance(300, 60, left_caps=(1, 1), right_caps=(1, 5), candidates=20, seed=1),
         ["exact total", "exact count", "exact maxmin", "greedy", "mentor-match 3×Hungarian", "scipy LSA (expanded)"]),
        ("medium 1,000×200, cap 1–5 both, 50 cand.",
         instance(1000, 200, left_caps=(1, 5), right_caps=(1, 5), candidates=50, seed=2),
         ["exact total", "exact count", "exact maxmin", "greedy", "mentor-match 3×Hungarian"]),
    ]  # fmt: skip
    if not args.quick:
        large = ["exact total", "exact count", "exact maxmin", "greedy"]
        if not args.skip_hungarian_large:
            large.append("mentor-match 3×Hungarian")
        instances.append(
            (
                "large 5,000×1,000, cap 1–5 both, 50 cand.",
                instance(5000, 1000, left_caps=(1, 5), right_caps=(1, 5), candidates=50, seed=3),
                large,
            )
        )
        instances.append(
            (
                "scarce 5,000×1,000, mentees cap 1, mentors 1–5, 8 cand.",
                instance(5000, 1000, left_caps=(1, 1), right_caps=(1, 5), candidates=8, seed=4),
                [*large, "scipy LSA (expanded)"],
            )
        )
    print(f"# python {platform.python_version()}, {platform.machine()}, numpy {np.__version__}")
    print(
        f"| {'instance':<54} | {'method':<26} | {'total':>10} | {'matched':>7} | {'gap':>6} | {'s':>7} | {'peak MB':>7} |"
    )
    print(f"|{'-' * 56}|{'-' * 28}|{'-' * 12}|{'-' * 9}|{'-' * 8}|{'-' * 9}|{'-' * 9}|")
    for label, inst, methods in instances:
        for name in methods:
            out, seconds, peak = measure(name, inst)
            total, matched = out[0], out[1]
            gap = f"{out[2]:.3f}" if len(out) > 2 else ""
            print(
                f"| {label:<54} | {name:<26} | {total:>10.3f} | {matched:>7} | {gap:>6} | {seconds:>7.2f} | {peak:>7.0f} |",
                flush=True,
            )


def bench_scoring(n_left=1000, n_right=200, top_k=50, seed=5):
    """score_all on random profiles: every pair scored, the explanation built for the top_k per mentee."""
    from polku.matching import scoring as sc

    rng = random.Random(seed)
    skills = [f"skill-{i}" for i in range(60)]
    goals = ["career", "network", "sparring", "entrepreneurship", "studies"]
    slots = ["mon-evening", "tue-evening", "wed-day", "thu-evening", "weekend"]

    def person(prefix, i):
        return sc.Candidate(
            f"{prefix}{i}",
            languages={"en": rng.choice(["B1", "B2", "C1"]), "fi": rng.choice(["A1", "A2", "B1", "native"])},
            skills=frozenset(rng.sample(skills, 6)),
            industries=frozenset(rng.sample(["ict", "health", "finance", "logistics"], 1)),
            goals=frozenset(rng.sample(goals, 2)),
            availability=frozenset(rng.sample(slots, 2)),
            location=rng.choice(["Espoo", "Helsinki", "Vantaa", None]),
            utc_offset=rng.choice([2, 3, None]),
            employer=rng.choice(["Org A", "Org B", "Org C", None]),
        )

    mentees = [person("l", i) for i in range(n_left)]
    mentors = [person("r", j) for j in range(n_right)]
    start = time.perf_counter()
    pairs = sc.score_all(mentees, mentors, top_k=top_k)
    seconds = time.perf_counter() - start
    print(
        f"# scoring: score_all {n_left:,}×{n_right:,} ({n_left * n_right:,} pairs), top {top_k}: "
        f"{len(pairs):,} explained pairs in {seconds:.2f} s"
    )


if __name__ == "__main__":
    if "--scoring" in sys.argv:
        bench_scoring()
        sys.exit()
    main()
