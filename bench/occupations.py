"""Benchmark of the occupation ranking of polku.skills on a small hand-labelled set shipped in the repo.

    nice -n 10 .venv/bin/python bench/occupations.py [--data bench/data/occupations_eval.jsonl] [--top 50]

`bench/data/occupations_eval.jsonl`: 60 short CV-like texts (50 English, 6 Finnish, 4 Swedish) written for
Polku, each labelled with 1–3 ESCO v1.1.1 occupations (URIs of the shipped data; the script checks that
they exist). Every method of SkillRanker.rank_occupations() runs on the same loaded ranker in the same
run; reported are R-Precision@5 (gold occupations in the top 5 / min(5, gold)), MRR of the first gold
occupation (0 when none is in the first --top), overall and per language, and the seconds per text.
The line "mixed text" shows where text 1 (warehouse work with a forklift, customer service, Python and
SQL) puts "forklift operator" and "service manager".

The weights of the "titles" method were chosen on this set (decision 0048): its figures are not held out.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from polku.skills.ranker import OCCUPATION_METHODS, SkillRanker  # noqa: E402

DATA = ROOT / "bench" / "data" / "occupations_eval.jsonl"
FORKLIFT_OPERATOR = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"
SERVICE_MANAGER = "http://data.europa.eu/esco/occupation/bcc2c1db-f969-4355-bebf-4878ff6c2a94"


def load(path: Path, known: set[str]) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for item in items:
        missing = [u for u in item["occupations"] if u not in known]
        if missing or not 1 <= len(item["occupations"]) <= 3:
            raise SystemExit(f"item {item['id']}: unknown or too many occupations {missing}")
    return items


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--top", type=int, default=50, help="ranked occupations read per text (MRR depth)")
    args = parser.parse_args()
    started = time.perf_counter()
    ranker = SkillRanker.load()
    print(f"ranker {ranker.path} loaded in {time.perf_counter() - started:.1f} s")
    items = load(args.data, set(ranker.occupations.index))
    langs = sorted({i["lang"] for i in items}, key=lambda x: (x != "en", x))
    counts = ", ".join(f"{sum(i['lang'] == lang for i in items)} {lang}" for lang in langs)
    print(f"{len(items)} texts ({counts}), {sum(len(i['occupations']) for i in items)} gold occupations\n")
    header = f"{'method':10s} {'RP@5':>6s} {'MRR':>6s}" + "".join(
        f" {'RP@5 ' + x:>8s} {'MRR ' + x:>7s}" for x in langs
    )
    print(header + f" {'s/text':>7s}")
    mixed: dict[str, tuple[int | None, int | None]] = {}
    for method in OCCUPATION_METHODS:  # warm the caches (lemmas, title heads) before timing
        for item in items[:10]:
            ranker.rank_occupations(item["text"], lang=item["lang"], top=args.top, method=method)
    for method in OCCUPATION_METHODS:
        by_lang: dict[str, list[tuple[float, float]]] = defaultdict(list)
        t0 = time.perf_counter()
        for item in items:
            ranked = [
                r.uri
                for r in ranker.rank_occupations(item["text"], lang=item["lang"], top=args.top, method=method)
            ]
            gold = set(item["occupations"])
            rp = len(gold & set(ranked[:5])) / min(5, len(gold))
            first = next((k for k, uri in enumerate(ranked) if uri in gold), None)
            by_lang[item["lang"]].append((rp, 0.0 if first is None else 1.0 / (first + 1)))
            if item["id"] == 1:
                pos = {
                    u: ranked.index(u) + 1 if u in ranked else None
                    for u in (FORKLIFT_OPERATOR, SERVICE_MANAGER)
                }
                mixed[method] = (pos[FORKLIFT_OPERATOR], pos[SERVICE_MANAGER])
        seconds = (time.perf_counter() - t0) / len(items)
        every = [x for rows in by_lang.values() for x in rows]

        def mean(rows: list[tuple[float, float]], k: int) -> float:
            return 100 * sum(r[k] for r in rows) / max(1, len(rows))

        line = f"{method:10s} {mean(every, 0):6.1f} {mean(every, 1):6.1f}"
        line += "".join(f" {mean(by_lang[x], 0):8.1f} {mean(by_lang[x], 1):7.1f}" for x in langs)
        print(line + f" {seconds:7.3f}")
    print()
    for method, (forklift, manager) in mixed.items():
        print(f"mixed text, {method}: forklift operator #{forklift}, service manager #{manager}")


if __name__ == "__main__":
    main()
