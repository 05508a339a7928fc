"""Time the self-assessment delta engine (polku.assessments.progress, no Django).

    python bench/assessments.py [people] [sittings per person]

Builds random DigComp 2.2 sittings (8 % of competences skipped) for `people` people and times
`group_deltas` (what a project's deltas page computes after its two queries) and `person_progress`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from polku.assessments.frameworks import framework
from polku.assessments.progress import Sitting, group_deltas, person_progress


def main() -> None:
    people = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    per_person = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    dc = framework("digcomp")
    rng = random.Random(1)
    t0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    sittings = [
        Sitting(
            person_id=p,
            assessment_id=p * per_person + k,
            taken_at=t0 + dt.timedelta(days=90 * k),
            levels={c.code: rng.randint(1, 8) for c in dc.competences if rng.random() > 0.08},
        )
        for p in range(people)
        for k in range(per_person)
    ]
    start = time.perf_counter()
    result = group_deltas(sittings, dc)
    grouped = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(1000):
        person_progress(sittings[:per_person], dc)
    single = (time.perf_counter() - start) / 1000
    print(f"sittings: {len(sittings)} ({people} people × {per_person})")
    print(f"group_deltas: {grouped * 1000:.0f} ms; people compared: {result.people_repeated}")
    print(f"person_progress (one person): {single * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
