"""Networking rounds (polku.matching.rounds): the social golfer problem and a large online event.

(a) 32 people in groups of 4 (the social golfer problem): for 8, 9 and 10 rounds, the default engine
    (which seeds a clean start from affine geometry where it covers every round) and the search alone
    (geometry=False) from several random seeds, each within `--time-limit` seconds (default 10).
    Prints the repeats reached and the most rounds without a repeat.
(b) 1,000 people in groups of 5 for 6 rounds with 5,000 earlier encounters (random pairs): the whole
    command `polku match rounds FILE` in a subprocess (Python start-up, JSON in and out included);
    then the same with a shared working language (`share`), where the search runs to its time limit
    because the unavoidable mixed pairs cannot be proven minimal.

Run: .venv/bin/python bench/event_rounds.py [--time-limit 10] [--seeds 4]
"""

from __future__ import annotations

import argparse
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

from polku.matching import rounds as ro  # noqa: E402


def machine() -> str:
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import numpy

    load = os.getloadavg()
    return (
        f"machine: nproc {os.cpu_count()}, {model}, Python {platform.python_version()}, numpy {numpy.__version__}; "
        f"load average {load[0]:.2f} {load[1]:.2f}"
    )


def golfers(args: argparse.Namespace) -> None:
    print(f"(a) 32 people in groups of 4, at most {args.time_limit:g} s per run")
    people = [ro.Attendee(f"p{i}") for i in range(32)]
    best_default = best_search = 0
    for rounds in (8, 9, 10):
        problem = ro.RoundsProblem(people, 4, rounds)
        started = time.monotonic()
        result = ro.plan_rounds(problem, time_limit=args.time_limit)
        elapsed = time.monotonic() - started
        print(f"  {rounds:>2} rounds, default engine:  {result.repeats:>2} repeats in {elapsed:5.2f} s")
        if result.repeats == 0:
            best_default = max(best_default, rounds)
    for rounds in (7, 8, 9):
        problem = ro.RoundsProblem(people, 4, rounds)
        outcomes = []
        for seed in range(args.seeds):
            started = time.monotonic()
            result = ro.plan_rounds(problem, time_limit=args.time_limit, seed=seed, geometry=False)
            outcomes.append((result.repeats, time.monotonic() - started))
        solved = [t for r, t in outcomes if r == 0]
        print(
            f"  {rounds:>2} rounds, search alone:    repeats per seed {[r for r, _ in outcomes]}, "
            f"solved {len(solved)}/{len(outcomes)}"
            + (f" (in {', '.join(f'{t:.1f}' for t in solved)} s)" if solved else "")
        )
        if solved:
            best_search = max(best_search, rounds)
    print(
        f"  most rounds without a repeat: default engine {best_default}, search alone {best_search} (known maximum 10)"
    )


def event(n: int, k: int, rounds: int, encounters: int, share: bool) -> dict:
    rng = random.Random(1)
    languages = ["fi", "en", "sv", "fi", "en"]
    people = [{"id": f"p{i}", "attributes": {"language": rng.choice(languages)}} for i in range(n)]
    met: set[tuple[int, int]] = set()
    while len(met) < encounters:
        a, b = rng.sample(range(n), 2)
        met.add((min(a, b), max(a, b)))
    data = {
        "people": people,
        "group_size": k,
        "rounds": rounds,
        "history": [[f"p{a}", f"p{b}"] for a, b in sorted(met)],
    }
    if share:
        data["share"] = ["language"]
    return data


def large() -> None:
    print("(b) 1,000 people, groups of 5, 6 rounds, 5,000 earlier encounters")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for share in (False, True):
        data = event(1000, 5, 6, 5000, share)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "rounds.json"
            path.write_text(json.dumps(data))
            command = [str(Path(sys.executable).with_name("polku")), "match", "rounds", str(path)]
            started = time.monotonic()
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            elapsed = time.monotonic() - started
        if done.returncode != 0:
            print(done.stderr)
            raise SystemExit(done.returncode)
        out = json.loads(done.stdout)
        what = "share language" if share else "no attribute to share"
        print(
            f"  {what}: polku match rounds (whole process) {elapsed:.2f} s, repeats {out['repeats']}, "
            f"mixed pairs {out['mixed']} ({', '.join(str(r['mixed']) for r in out['per_round'])} per round)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--only", choices=["golfers", "large"], default=None)
    args = parser.parse_args()
    print(machine())
    if args.only in (None, "golfers"):
        golfers(args)
    if args.only in (None, "large"):
        large()


if __name__ == "__main__":
    main()
