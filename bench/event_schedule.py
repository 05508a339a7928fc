"""Event meeting scheduler (polku.matching.schedule): quality against the proven optimum and time at scale.

(a) Small events: 80 people, 300 requested meetings, 6, 8 and 10 slots, 20 tables, three seeds each.
    Prints the greedy, the heuristic (greedy + local improvement, no CP-SAT) and the default method
    (heuristic, then CP-SAT) against the CP-SAT optimum, with times.
(b) 5,000 attendees, 20,000 accepted meetings, 16 slots, 1,000 tables: the whole command
    `polku match schedule FILE` in a subprocess (Python start-up, JSON in and out included), its total
    against the bound it reports (the aggregated LP relaxation), and the greedy in-process beside it.
    `--full-lp` also solves the full LP relaxation with HiGHS (minutes) to show how tight the bound is.
    Then the same with 700 tables, where the tables are a limit as well.

Synthetic but realistic input: two days of slots; 60 % of people free all event, 15 % only on day one,
15 % only on day two, the rest half of the slots; every person misses a slot now and then (8 %).
Meetings have 2 people (90 %), 3 or 4; who is asked follows a skewed popularity (a few people are
wanted by many); priority 1, 2, 3 with weights 5 : 3 : 2.

Run: .venv/bin/python bench/event_schedule.py [--quick] [--full-lp] [--time-limit 5]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from polku.matching import schedule as sc  # noqa: E402


def instance(n_people: int, n_meetings: int, n_slots: int, tables: int, seed: int) -> dict:
    rng = random.Random(seed)
    days = 2 if n_slots >= 8 else 1
    per_day = n_slots // days
    slots = [f"d{d + 1}s{i + 1}" for d in range(days) for i in range(per_day)]
    slots += [f"x{i}" for i in range(n_slots - len(slots))]
    people = []
    for i in range(n_people):
        r = rng.random()
        if days == 2 and r < 0.15:
            available = slots[:per_day]
        elif days == 2 and r < 0.30:
            available = slots[per_day:]
        elif r < 0.40:
            available = rng.sample(slots, max(1, n_slots // 2))
        else:
            available = list(slots)
        available = [s for s in available if rng.random() > 0.08]
        people.append(
            {"id": f"p{i}", "available": available} if len(available) < n_slots else {"id": f"p{i}"}
        )
    popularity = [1.0 / (1 + rank) ** 0.6 for rank in range(n_people)]
    rng.shuffle(popularity)
    cumulative = list(itertools.accumulate(popularity))
    meetings: list[dict] = []
    seen: set[frozenset[int]] = set()
    while len(meetings) < n_meetings:
        size = 2 if rng.random() < 0.9 else (3 if rng.random() < 0.8 else 4)
        asker = rng.randrange(n_people)
        others: set[int] = set()
        while len(others) < size - 1:
            other = rng.choices(range(n_people), cum_weights=cumulative)[0]
            if other != asker:
                others.add(other)
        members = frozenset([asker, *others])
        if members in seen:
            continue
        seen.add(members)
        meetings.append(
            {
                "id": f"m{len(meetings)}",
                "people": [f"p{x}" for x in sorted(members)],
                "priority": rng.choices([1, 2, 3], weights=[5, 3, 2])[0],
            }
        )
    return {"slots": slots, "tables": tables, "people": people, "meetings": meetings}


def machine() -> str:
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    from importlib.metadata import version

    load = os.getloadavg()
    return (
        f"machine: nproc {os.cpu_count()}, {model}, Python {platform.python_version()}, "
        f"OR-tools {version('ortools')}, scipy {version('scipy')}; load average {load[0]:.2f} {load[1]:.2f}"
    )


def small(args: argparse.Namespace) -> None:
    print("(a) 80 people, 300 meetings, 20 tables")
    print(
        f"{'slots':>5} {'seed':>4} | {'greedy':>13} | {'heuristic':>13} | {'default':>19} | "
        f"{'optimum':>7} {'bound':>5}"
    )
    worst = {"greedy": 1.0, "heuristic": 1.0, "default": 1.0}
    for n_slots in (6, 8, 10):
        for seed in (1, 2) if args.quick else (1, 2, 3):
            problem = sc.parse(instance(80, 300, n_slots, 20, seed))
            row = {}
            for method in ("greedy", "heuristic", "auto"):
                started = time.monotonic()
                result = sc.solve(problem, method=method, time_limit=10)
                row[method] = (result, time.monotonic() - started)
            best = row["auto"][0]
            optimum = best.total_priority if best.optimal else None
            reference = optimum or best.upper_bound
            for method, (result, _) in row.items():
                name = "default" if method == "auto" else method
                worst[name] = min(worst[name], result.total_priority / reference)
            g, h, a = row["greedy"], row["heuristic"], row["auto"]
            print(
                f"{n_slots:>5} {seed:>4} | {g[0].total_priority:>4} {100 * g[0].total_priority / reference:5.1f}% "
                f"{g[1]:4.2f}s | {h[0].total_priority:>4} {100 * h[0].total_priority / reference:5.1f}% "
                f"{h[1]:4.2f}s | {a[0].total_priority:>4} {100 * a[0].total_priority / reference:5.1f}% "
                f"{a[1]:4.2f}s {a[0].method:>6} | {optimum if optimum is not None else '-':>7} "
                f"{best.upper_bound:>5}"
            )
    print(
        "worst share of the optimum: "
        + ", ".join(f"{method} {100 * share:.2f} %" for method, share in worst.items())
    )


def full_lp(data: dict) -> float:
    """The LP relaxation of the whole model (every person–slot pair its own constraint), HiGHS."""
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    prep = sc._Prepared(sc.parse(data))
    n_slots, n_people = len(prep.slot_ids), len(prep.person_ids)
    arcs = [(m, s) for m in prep.free for s in prep.open[m]]
    rows: list[int] = []
    cols: list[int] = []
    for j, (m, s) in enumerate(arcs):
        rows.append(m)
        cols.append(j)
        for p in prep.members[m]:
            rows.append(len(prep.meeting_ids) + p * n_slots + s)
            cols.append(j)
        rows.append(len(prep.meeting_ids) + n_people * n_slots + s)
        cols.append(j)
    shape = (len(prep.meeting_ids) + n_people * n_slots + n_slots, len(arcs))
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=shape).tocsr()
    b = np.concatenate([np.ones(len(prep.meeting_ids) + n_people * n_slots), np.array(prep.capacity, float)])
    weight = np.array([prep.priority[m] for m, _ in arcs], dtype=float)
    result = linprog(-weight, A_ub=matrix, b_ub=b, bounds=(0, 1), method="highs-ipm")
    return float(-result.fun)


def large(args: argparse.Namespace, tables: int) -> None:
    print(f"(b) 5,000 attendees, 20,000 meetings, 16 slots, {tables:,} tables")
    started = time.monotonic()
    data = instance(5000, 20_000, 16, tables, 1)
    print(f"instance built in {time.monotonic() - started:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.json"
        path.write_text(json.dumps(data))
        command = [str(Path(sys.executable).with_name("polku")), "match", "schedule", str(path)]
        if args.time_limit is not None:
            command += ["--time-limit", str(args.time_limit)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        elapsed = time.monotonic() - started
    if done.returncode != 0:
        print(done.stderr)
        raise SystemExit(done.returncode)
    out = json.loads(done.stdout)
    started = time.monotonic()
    greedy = sc.greedy(sc.parse(data))
    greedy_time = time.monotonic() - started
    bound = out["upper_bound"]
    codes = {
        code: sum(1 for u in out["unplaced"] if u["code"] == code)
        for code in (sc.NO_COMMON_SLOT, sc.SLOTS_TAKEN, sc.TABLES_FULL)
    }
    print(
        f"polku match schedule (whole process): {elapsed:.2f} s, total priority {out['total_priority']}, "
        f"{len(out['placed'])} placed, method {out['method']}"
    )
    print(
        f"greedy (in-process, parse included):  {greedy_time:.2f} s, total priority {greedy.total_priority}"
    )
    print(f"upper bound ({out['bound_method']}): {bound}")
    print(
        f"share of the bound: schedule {100 * out['total_priority'] / bound:.2f} %, "
        f"greedy {100 * greedy.total_priority / bound:.2f} %; reported gap {out['gap']:.4f}"
    )
    print(f"unplaced by reason: {codes}")
    if args.full_lp:
        started = time.monotonic()
        value = full_lp(data)
        print(
            f"full LP relaxation (HiGHS IPM, {time.monotonic() - started:.0f} s): {value:.2f}; "
            f"schedule {100 * out['total_priority'] / value:.2f} %, greedy {100 * greedy.total_priority / value:.2f} %"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="two seeds per slot count")
    parser.add_argument("--full-lp", action="store_true", help="also solve the full LP relaxation (minutes)")
    parser.add_argument("--time-limit", type=float, default=None, help="passed to polku match schedule")
    parser.add_argument("--only", choices=["small", "large"], default=None)
    args = parser.parse_args()
    print(machine())
    if args.only in (None, "small"):
        small(args)
    if args.only in (None, "large"):
        large(args, 1000)
        if not args.quick:
            large(args, 700)  # the tables are the limit too


if __name__ == "__main__":
    main()
