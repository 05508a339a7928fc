"""Succession matching benchmark: every listing against every successor, both ways, with reasons.

    .venv/bin/python bench/succession.py                     # 500 listings × 5,000 successors
    .venv/bin/python bench/succession.py --listings 50 --successors 500

Prints the seconds of `successors_for` over all listings (top 10 each) and of `listings_for` over the
first 1,000 successors (top 10 each), with pairs scored per second. Random data from a fixed seed: NACE
divisions of 10 sections, 19 regions, 300 skills (a listing wants 3–8, a successor has 5–30), languages
with CEFR levels, capital bands and timelines.
"""

from __future__ import annotations

import argparse
import random
import time

from polku.matching.succession import Listing, Successor, listings_for, successors_for

SECTIONS = {s: [f"{s}{i}" for i in range(1, 6)] for s in "ACFGHIJMNS"}
LEVELS = ("A2", "B1", "B2", "C1", "native")


def _data(listings: int, successors: int, seed: int = 7) -> tuple[list[Listing], list[Successor]]:
    rng = random.Random(seed)
    skills = [f"skill:{i}" for i in range(300)]
    regions = [f"{i:02d}" for i in range(1, 20)]
    out_l = []
    for i in range(listings):
        section = rng.choice(list(SECTIONS))
        out_l.append(
            Listing(
                id=f"l{i}",
                industry=rng.choice(SECTIONS[section]),
                section=section,
                region=rng.choice(regions),
                country="FI",
                skills=frozenset(rng.sample(skills, rng.randint(3, 8))),
                languages={"fi": rng.choice(LEVELS[:3])} if rng.random() < 0.6 else {},
                experience_years=rng.randint(0, 5),
                capital_band=rng.randint(0, 3),
                handover_in_months=rng.randint(0, 24),
            )
        )
    out_s = []
    for i in range(successors):
        section = rng.choice(list(SECTIONS))
        out_s.append(
            Successor(
                id=f"s{i}",
                industries=frozenset(
                    rng.sample(SECTIONS[section], 2) + ([section] if rng.random() < 0.3 else [])
                ),
                regions=frozenset(rng.sample(regions, rng.randint(1, 3))),
                country="FI",
                skills=frozenset(rng.sample(skills, rng.randint(5, 30))),
                languages={"en": "C1", "fi": rng.choice(LEVELS)},
                experience_years=rng.randint(0, 10),
                capital_band=rng.randint(0, 4),
                ready_in_months=rng.choice((0, 12, 24, 36)),
            )
        )
    return out_l, out_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=500)
    parser.add_argument("--successors", type=int, default=5000)
    args = parser.parse_args()
    listings, successors = _data(args.listings, args.successors)
    start = time.perf_counter()
    for listing in listings:
        successors_for(listing, successors, top_k=10)
    forward = time.perf_counter() - start
    sample = successors[:1000]
    start = time.perf_counter()
    for successor in sample:
        listings_for(successor, listings, top_k=10)
    backward = time.perf_counter() - start
    pairs = len(listings) * len(successors)
    print(f"listings × successors: {len(listings)} × {len(successors)}")
    print(f"successors_for, every listing: {forward:.2f} s ({pairs / forward:,.0f} pairs/s)")
    print(
        f"listings_for, {len(sample)} successors: {backward:.2f} s "
        f"({len(sample) * len(listings) / backward:,.0f} pairs/s)"
    )


if __name__ == "__main__":
    main()
