"""Group formation at scale: 1,000 people into groups of 6.

Prints the time of `form_groups` with its defaults (10 restarts, 3 s limit), its objective against the
best of 50 restarts (no time limit that matters) and against random valid splits, and the bound.
Run: .venv/bin/python bench/groups.py [--people 1000] [--size 6] [--seed 1]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time

from polku.matching.groups import GroupProblem, Member, evaluate, form_groups

ORIGINS = ["SY", "UA", "IQ", "SO", "RU", "EE", "IN", "CN", "VN", "AF", "IR", "TR", "NG", "BR", "PH"]
FIELDS = ["ICT", "health", "business", "engineering", "education", "arts", "law", "science"]


def people(n: int, rng: random.Random) -> list[Member]:
    out = []
    for i in range(n):
        langs = {"en": rng.choice(["B1", "B2", "C1", "A2"]), "fi": rng.choice(["A1", "A2", "B1"])}
        if langs["en"] == "A2":
            langs["fi"] = "B1"  # everyone has some working language
        out.append(
            Member(
                f"p{i}",
                {
                    "origin": rng.choices(ORIGINS, weights=range(len(ORIGINS), 0, -1))[0],
                    "field": rng.choice(FIELDS),
                    "gender": rng.choice(["woman", "man", "woman", "man", "unknown"]),
                    "partner": rng.choice(["1", "2"]),
                },
                langs,
            )
        )
    return out


def random_split(n_ids: list[str], size: int, rng: random.Random) -> list[list[str]]:
    ids = n_ids[:]
    rng.shuffle(ids)
    g = len(ids) // size
    return [ids[i::g] for i in range(g)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--size", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    members = people(args.people, rng)
    history = [(f"p{i}", f"p{i + 1}") for i in range(0, args.people - 1, 3)]
    problem = GroupProblem(members, args.size, "B1", history=history)

    started = time.monotonic()
    result = form_groups(problem)
    elapsed = time.monotonic() - started
    started = time.monotonic()
    best = form_groups(problem, restarts=50, time_limit=10_000)
    elapsed_best = time.monotonic() - started
    randoms = [
        evaluate(problem, random_split([m.id for m in members], args.size, rng)).objective for _ in range(20)
    ]
    mean_random = statistics.mean(randoms)

    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(
        f"{args.people} people, groups of {args.size} or {args.size + 1}, B1 shared language, {len(history)} history pairs"
    )
    print(
        f"form_groups (defaults):   {elapsed:.2f} s, objective {result.objective:.2f}, groups {len(result.groups)}"
    )
    print(f"best of 50 restarts:      {elapsed_best:.1f} s, objective {best.objective:.2f}")
    print(f"bound:                    {result.bound:.2f}")
    print(f"gap to best of 50:        {100 * (best.objective - result.objective) / best.objective:.3f} %")
    print(f"gap to bound:             {100 * (result.bound - result.objective) / result.bound:.3f} %")
    print(
        f"random splits (mean of 20, language ignored): {mean_random:.2f}; ratio {result.objective / mean_random:.3f}"
    )
    print(f"violations in result:     {sum(len(s.violations) for s in result.stats)}")


if __name__ == "__main__":
    main()
