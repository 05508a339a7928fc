"""Benchmark of the ESCO skill ranker (polku.skills) on the skill-extraction validation sets.

    nice -n 10 .venv/bin/python bench/skills.py [--eval-dir /work/shared/eval/skills] [--methods ...]

For every English sentence with at least one gold ESCO skill, all 13,896 skills are ranked; reported are
R-Precision@5 and @10 (gold skills in the top K / min(K, gold skills)) and MRR of the first gold skill,
plus throughput (sentences per second of wall time and per CPU second, one core), index load time and peak memory (each method runs in a
process of its own, so RSS is its own). Methods:

- tfidf-baseline: plain TF-IDF (lower-cased word unigrams, smooth idf, cosine) over one document per skill
  made of its preferred and alternative labels;
- polku-lexical: Polku's lexical path alone;
- polku-static: Polku's static-embedding path alone (lexical weight 0);
- polku-default: the default installation, lexical fused with the static embedding (weighted sum, 0.5),
  the static path scoring the best-matching spans of 2, 4 and 8 words of its 500 best candidates;
- polku-default-sentence: the same without spans (the whole sentence's vector only; an ablation);
- polku-static-rrf: the default's two paths, reciprocal-rank fusion (k = 60) instead of the weighted sum;
- polku-minilm / polku-minilm-fused: the optional full all-MiniLM-L6-v2 (needs sentence-transformers and
  a local model folder: --minilm PATH or $POLKU_SKILLS_MODEL), alone and fused. Its concept vectors are
  read from $POLKU_SKILLS_CACHE when `polku skills build-cache` filled it (else encoded: minutes).

RP@5 is also given on the two halves of each set (even and odd sentence positions), to show how much a
figure moves with the sample (61 and 75 sentences: one sentence is worth 1.3 to 1.6 points).

The sentences are read from the evaluation folder at run time; they are not copied into the repository.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import csv
import gzip
import json
import math
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

METHODS = [
    "tfidf-baseline",
    "polku-lexical",
    "polku-static",
    "polku-default",
    "polku-default-sentence",
    "polku-static-rrf",
]
OPTIONAL = ["polku-minilm"]  # also reports polku-minilm-fused, on the same loaded model


def load_sets(eval_dir: Path) -> dict[str, list[tuple[str, set[str]]]]:
    sets = {}
    for path in sorted(eval_dir.glob("*validation*.csv")):
        gold: dict[str, set[str]] = {}
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                gold.setdefault(row["sentence"], set())
                if row["esco_uri"]:
                    gold[row["sentence"]].add(row["esco_uri"])
        sets[path.name.split("_")[0]] = [(s, g) for s, g in gold.items() if g]
    return sets


class TfidfBaseline:
    """Plain TF-IDF over ESCO labels, the reference the targets are measured against."""

    def __init__(self) -> None:
        import numpy as np
        from scipy import sparse

        from polku.skills.index import load_esco

        self.np, self.sparse = np, sparse
        esco = load_esco()
        self.uris = [s.uri for s in esco.skills]
        docs = [" ".join((s.label, *s.alt)) for s in esco.skills]
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, d in enumerate(docs):
            for w, n in Counter(self._words(d)).items():
                rows.append(i)
                cols.append(self.vocab.setdefault(w, len(self.vocab)))
                vals.append(n)
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocab)), dtype=np.float32)
        df = np.bincount(m.indices, minlength=len(self.vocab))
        self.idf = (np.log((1 + len(docs)) / (1 + df)) + 1).astype(np.float32)
        m = sparse.csr_matrix(m.multiply(self.idf))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        self.matrix_t = sparse.csr_matrix(sparse.diags(1 / norms) @ m).T.tocsr()

    @staticmethod
    def _words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    def score_all(self, texts: list[str]):
        np, sparse = self.np, self.sparse
        rows, cols, vals = [], [], []
        for i, t in enumerate(texts):
            for w, n in Counter(self._words(t)).items():
                if w in self.vocab:
                    rows.append(i)
                    cols.append(self.vocab[w])
                    vals.append(n * self.idf[self.vocab[w]])
        q = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self.vocab)), dtype=np.float32)
        norms = np.sqrt(np.asarray(q.multiply(q).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return (sparse.diags(1 / norms) @ q @ self.matrix_t).toarray()


def make(method: str, minilm: str | None):
    from polku.skills.ranker import SkillRanker

    if method == "tfidf-baseline":
        return TfidfBaseline()
    if method == "polku-lexical":
        return SkillRanker.load(semantic="none")
    if method == "polku-static":
        return SkillRanker.load(semantic="static", lexical_weight=0.0)
    if method == "polku-default":
        return SkillRanker.load()
    if method == "polku-default-sentence":
        return SkillRanker.load(span_scales=())
    if method == "polku-static-rrf":
        return SkillRanker.load(fusion="rrf")
    if not minilm:
        raise SystemExit("polku-minilm needs --minilm PATH")
    return SkillRanker.load(semantic=minilm, lexical_weight=0.0 if method == "polku-minilm" else 0.5)


def evaluate_loaded(model, eval_dir: Path, index: dict[str, int]) -> dict:
    import numpy as np

    sets: dict[str, dict] = {}
    for name, items in load_sets(eval_dir).items():
        texts = [s for s, _ in items]
        t1 = time.perf_counter()
        scores = model.score_all(texts)
        elapsed = time.perf_counter() - t1
        rp5 = rp10 = mrr = 0.0
        halves = [0.0, 0.0]
        for k, (row, (_, gold)) in enumerate(zip(scores, items, strict=True)):
            g = [index[u] for u in gold if u in index]
            top = np.argsort(-row, kind="stable")[:10]
            hits = [i in gold_set for i in top] if (gold_set := set(g)) else []
            rp5 += sum(hits[:5]) / min(5, len(g))
            halves[k % 2] += sum(hits[:5]) / min(5, len(g))
            rp10 += sum(hits[:10]) / min(10, len(g))
            best = row[g].max()
            mrr += 1.0 / (1 + int((row > best).sum()))
        n = len(items)
        sets[name] = {
            "n": n,
            "rp5": 100 * rp5 / n,
            "rp5_halves": [100 * halves[0] / len(items[0::2]), 100 * halves[1] / len(items[1::2])],
            "rp10": 100 * rp10 / n,
            "mrr": 100 * mrr / n,
            "per_s": n / elapsed,
        }
    return sets


def evaluate(method: str, eval_dir: Path, minilm: str | None) -> list[dict]:

    t0, c0 = time.perf_counter(), time.process_time()
    model = make(method, minilm)
    if not isinstance(model, TfidfBaseline):
        model.skills.vectors  # noqa: B018  (computed on first use for the transformer: part of loading)
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    load_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    uris = model.uris if isinstance(model, TfidfBaseline) else [s.uri for s in model.esco.skills]
    index = {u: i for i, u in enumerate(uris)}
    # Warm-up (lemmatiser dictionaries, caches) and a throughput figure on text that is not the
    # evaluation's: the first sentence of 2,000 ESCO occupation descriptions.
    from polku.skills.index import DATA_DIR

    with gzip.open(DATA_DIR / "descriptions.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    descriptions = [r["description"].split(". ")[0] for r in rows if "/occupation/" in r["uri"]][:2100]
    model.score_all(descriptions[:100])
    t1, c1 = time.perf_counter(), time.process_time()
    for i in range(100, 2100, 100):
        model.score_all(descriptions[i : i + 100])
    cpu_s = time.process_time() - c1
    out = {
        "method": method,
        "load_s": load_s,
        "load_cpu_s": load_cpu,
        "load_rss_mb": load_rss,
        "sets": {},
        "esco_per_s": 2000 / (time.perf_counter() - t1),
        "esco_per_cpu_s": 2000 / cpu_s,
    }
    out["sets"] = evaluate_loaded(model, eval_dir, index)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if method == "polku-minilm":  # the fused variant on the same loaded model (encoding takes minutes)
        return [out, *evaluate_again(model, "polku-minilm-fused", out, eval_dir)]
    return [out]


def evaluate_again(model, name: str, first: dict, eval_dir: Path) -> list[dict]:
    model.lexical_weight = 0.5
    index = {s.uri: i for i, s in enumerate(model.esco.skills)}
    again = evaluate_loaded(model, eval_dir, index)
    return [{**first, "method": name, "sets": again}]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", default="/work/shared/eval/skills")
    ap.add_argument("--methods", nargs="*", default=None)
    ap.add_argument("--minilm", default=os.environ.get("POLKU_SKILLS_MODEL"))
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(evaluate(args.one, Path(args.eval_dir), args.minilm)))
        return
    methods = args.methods or (METHODS + (OPTIONAL if args.minilm else []))
    results = []
    for m in methods:
        cmd = [sys.executable, __file__, "--one", m, "--eval-dir", args.eval_dir]
        if args.minilm:
            cmd += ["--minilm", args.minilm]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{m}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        results.extend(json.loads(done.stdout.strip().splitlines()[-1]))
    base = {s: r["sets"][s]["rp5"] for r in results if r["method"] == "tfidf-baseline" for s in r["sets"]}
    print(
        "| method | set | sentences | RP@5 | RP@5 halves | RP@10 | MRR | Δ RP@5 vs TF-IDF | sentences/s (set) "
        "| sentences/s (ESCO text) | sentences per CPU s (ESCO text) | load s (CPU s) | RSS after load MB | peak RSS MB |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        for s, v in r["sets"].items():
            delta = v["rp5"] - base[s] if s in base else math.nan
            print(
                f"| {r['method']} | {s} | {v['n']} | {v['rp5']:.1f} | "
                f"{v['rp5_halves'][0]:.1f} / {v['rp5_halves'][1]:.1f} | {v['rp10']:.1f} | {v['mrr']:.1f} | "
                f"{delta:+.1f} | {v['per_s']:.0f} | {r['esco_per_s']:.0f} | {r['esco_per_cpu_s']:.0f} | {r['load_s']:.2f} ({r['load_cpu_s']:.2f}) | "
                f"{r['load_rss_mb']:.0f} | {r['peak_rss_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
