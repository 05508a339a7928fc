"""Planning engine benchmark on the shipped ESCO v1.1.1 data.

    .venv/bin/python bench/planning.py                   # 200 learners, 2,000 opportunities
    .venv/bin/python bench/planning.py --learners 50     # quicker

Targets: real ESCO occupations (seeded sample of `--targets` occupations with at least 15 skills).
Catalogue: `--opportunities` synthetic opportunities built from real ESCO skills — 80 % take 2–8 skills
of one target occupation (a course for the field), 20 % of any occupation; hours 8–40 per skill,
cost 0 (half of them) or 50–2,000 €, one or two teaching languages (fi, sv, en at A2–C1), a mode, and
10 % ended. Learners: a random target, a profile of 3–15 skills (two thirds from the target's own skills,
the rest from elsewhere), Finnish A1–C2, English B1–native, sometimes Swedish, a preferred mode or
none, sometimes a cost limit. All from one seed.

Measures per learner: the gap analysis (seconds), the recommendation with CP-SAT (seconds, optimal or
not) and with the greedy alone (seconds), and total hours of both. Times are wall clock on a shared
machine, after one warm-up call (OR-tools import, the taxonomy's ancestor cache).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from polku.planning import Learner, Opportunity, analyse_gap, recommend
from polku.planning.esco import esco_taxonomy, occupation_targets
from polku.skills.index import load_esco

TODAY = date(2026, 12, 3)
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


def catalogue(rng: random.Random, esco, targets: list[str], n: int) -> list[Opportunity]:
    all_occ = [o.uri for i, o in enumerate(esco.occupations) if len(esco.occupation_skills[i]) >= 5]
    out = []
    for i in range(n):
        occ = rng.choice(targets) if rng.random() < 0.8 else rng.choice(all_occ)
        skills = [t.uri for t in occupation_targets(esco, occ)]
        built = rng.sample(skills, min(len(skills), rng.randint(2, 8)))
        langs = rng.sample(("fi", "sv", "en"), rng.choice((1, 1, 2)))
        ends = TODAY - timedelta(days=rng.randint(1, 300)) if rng.random() < 0.1 else None
        out.append(
            Opportunity(
                id=f"opp-{i:04d}",
                skills=frozenset(built),
                hours=float(sum(rng.randint(8, 40) for _ in built)),
                cost=0.0 if rng.random() < 0.5 else float(rng.randint(50, 2000)),
                languages={lang: rng.choice(LEVELS[1:5]) for lang in langs},
                mode=rng.choice(("online", "onsite", "blended")),
                starts=TODAY + timedelta(days=rng.randint(0, 200)),
                ends=ends,
            )
        )
    return out


def learner(rng: random.Random) -> Learner:
    languages = {"fi": rng.choice(LEVELS), "en": rng.choice((*LEVELS[2:], "native"))}
    if rng.random() < 0.3:
        languages["sv"] = rng.choice(LEVELS)
    return Learner(
        languages=languages,
        mode=rng.choice((None, "online", "onsite")),
        today=TODAY,
        max_cost=rng.choice((None, None, 500.0, 1500.0)),
    )


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--opportunities", type=int, default=2000)
    parser.add_argument("--targets", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument(
        "--empty-profiles", action="store_true", help="learners with no skills: the whole target is the gap"
    )
    parser.add_argument("--max-hours", type=float, default=None, help="an hours budget for every learner")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    started = time.perf_counter()
    esco = load_esco()
    taxonomy = esco_taxonomy()
    load_s = time.perf_counter() - started
    eligible = sorted(o.uri for i, o in enumerate(esco.occupations) if len(esco.occupation_skills[i]) >= 15)
    targets = rng.sample(eligible, args.targets)
    opportunities = catalogue(rng, esco, targets, args.opportunities)
    all_skills = [s.uri for s in esco.skills]

    rows = []
    warm = True
    for _ in range(args.learners + 1):
        occ = rng.choice(targets)
        target = occupation_targets(esco, occ)
        own = [t.uri for t in target]
        k = rng.randint(3, 15)
        have = rng.sample(own, min(len(own), (2 * k) // 3)) + rng.sample(all_skills, k - (2 * k) // 3)
        if args.empty_profiles:
            have = []
        person = learner(rng)

        t0 = time.perf_counter()
        gap = analyse_gap(target=target, have=have, taxonomy=taxonomy)
        t1 = time.perf_counter()
        exact = recommend(
            gap=gap,
            opportunities=opportunities,
            learner=person,
            taxonomy=taxonomy,
            time_limit_s=args.time_limit,
            max_hours=args.max_hours,
        )
        t2 = time.perf_counter()
        greedy = recommend(
            gap=gap,
            opportunities=opportunities,
            learner=person,
            taxonomy=taxonomy,
            method="greedy",
            max_hours=args.max_hours,
        )
        t3 = time.perf_counter()
        if warm:  # the first call imports OR-tools and fills the taxonomy's ancestor cache
            warm = False
            continue
        if args.max_hours is None:
            assert set(exact.uncovered) == set(greedy.uncovered)
        rows.append(
            {
                "target": len(target),
                "gap": len(gap.missing),
                "chosen": len(exact.chosen),
                "candidates": args.opportunities - len(exact.excluded),
                "gap_s": t1 - t0,
                "exact_s": t2 - t1,
                "greedy_s": t3 - t2,
                "optimal": exact.optimal,
                "exact_h": exact.total_hours,
                "exact_cov": len(gap.missing) - len(exact.uncovered),
                "greedy_cov": len(gap.missing) - len(greedy.uncovered),
                "greedy_h": greedy.total_hours,
            }
        )

    def line(name: str, key: str, unit: float = 1000.0) -> str:
        values = [r[key] * unit for r in rows]
        return f"| {name} | {statistics.median(values):.1f} | {pct(values, 0.95):.1f} | {max(values):.1f} |"

    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores,")
    print(f"load average at the end {os.getloadavg()[0]:.1f}; ESCO + taxonomy load {load_s:.1f} s")
    print(
        f"{len(rows)} learners, {args.opportunities} opportunities, {args.targets} target occupations, "
        f"seed {args.seed}, time limit {args.time_limit} s"
        + (", empty profiles" if args.empty_profiles else "")
        + (f", budget {args.max_hours:g} h" if args.max_hours is not None else "")
    )
    print()
    print("| step | median ms | p95 ms | max ms |")
    print("| --- | ---: | ---: | ---: |")
    print(line("gap analysis", "gap_s"))
    print(line("recommendation (CP-SAT)", "exact_s"))
    print(line("recommendation (greedy only)", "greedy_s"))
    print()
    exact_h = sum(r["exact_h"] for r in rows)
    greedy_h = sum(r["greedy_h"] for r in rows)
    worse = [r for r in rows if r["greedy_h"] > r["exact_h"] + 1e-9]
    better = [r for r in rows if r["greedy_h"] < r["exact_h"] - 1e-9]
    print(f"solved optimally: {sum(r['optimal'] for r in rows)} / {len(rows)}")
    print(
        f"target skills: median {statistics.median(r['target'] for r in rows)}, gap median "
        f"{statistics.median(r['gap'] for r in rows)}, candidates (eligible, covering) median "
        f"{statistics.median(r['candidates'] for r in rows)}, chosen median {statistics.median(r['chosen'] for r in rows)}"
    )
    print(
        f"total hours over all learners: exact {exact_h:,.0f}, greedy {greedy_h:,.0f} "
        f"(+{100 * (greedy_h - exact_h) / exact_h:.2f} %); greedy worse for {len(worse)} learners, "
        f"better for {len(better)}"
    )
    if args.max_hours is not None:
        print(
            f"gap skills covered within the budget: exact {sum(r['exact_cov'] for r in rows)}, "
            f"greedy {sum(r['greedy_cov'] for r in rows)}"
        )
    if worse:
        gaps = [100 * (r["greedy_h"] - r["exact_h"]) / r["exact_h"] for r in worse]
        print(f"where greedy is worse: median +{statistics.median(gaps):.1f} %, max +{max(gaps):.1f} %")


if __name__ == "__main__":
    main()
