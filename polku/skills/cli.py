"""`polku skills rank` and `polku occupations rank`: one text a line in, one JSON object a line out.

    polku skills rank [--lang LANG] [--top K] [--path {default,lexical}] [--evidence] [--labels FILE]

Each output line is `{"skills": [{"uri": ..., "label": ..., "score": ...}, ...]}` (best first, K items;
`"occupations"` for `polku occupations rank`); `--evidence` adds the supporting words of each item.
`--labels FILE` adds ESCO's labels in the language `--lang` (JSON lines or CSV, see read_labels), so any
language with labels can be ranked. Runs without Django.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from polku.skills.ranker import SkillRanker
from polku.skills.text import LANGS


def _parser(kind: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"polku {kind}", description=f"Rank ESCO {kind} for texts.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("rank", help="read one text per line on standard input, write JSON lines")
    r.add_argument("--lang", default="en", help=f"language of the texts ({', '.join(LANGS)}; default en)")
    r.add_argument("--top", type=int, default=10, help="items per line (default 10)")
    r.add_argument(
        "--path",
        choices=["default", "lexical"],
        default="default",
        help="default: lexical fused with the semantic path; lexical: the lexical path alone",
    )
    r.add_argument("--evidence", action="store_true", help="add the words of the text that support each item")
    r.add_argument(
        "--labels",
        metavar="FILE",
        help="ESCO labels in the language --lang: JSON lines or CSV with uri, preferred, alternatives",
    )
    if kind == "skills":
        c = sub.add_parser(
            "build-cache",
            help="encode all ESCO concepts with the full model once and keep the vectors in the cache folder",
        )
        c.add_argument("--model", required=True, help="local sentence-transformers model folder")
        c.add_argument("--cache", required=True, help="cache folder (then POLKU_SKILLS_CACHE=<folder>)")
    return p


def build_cache(model: str, cache: str) -> int:
    ranker = SkillRanker.load(semantic=model, cache_dir=cache)
    for pillar in (ranker.skills, ranker.occupations):
        vectors = pillar.vectors
        assert vectors is not None
        print(f"{pillar.name}: {vectors.shape[0]} vectors in {cache}")
    return 0


def read_labels(path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(uri, preferred, alternatives) rows of a labels file: JSON lines (`{"uri": ..., "preferred": ...,
    "alternatives": [...]}`; "label" / "alt" also accepted, alternatives also as one newline-separated
    string) or CSV with a header naming uri, preferred (or label) and alternatives (or alt; separated by
    newlines or "|")."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        first = f.readline()
        f.seek(0)
        if first.lstrip().startswith("{"):
            rows: Iterator[dict] = (json.loads(line) for line in f if line.strip())
        else:
            rows = csv.DictReader(f)
        for row in rows:
            uri = (row.get("uri") or "").strip()
            preferred = (row.get("preferred") or row.get("label") or "").strip()
            alts = row.get("alternatives", row.get("alt")) or []
            if isinstance(alts, str):
                alts = alts.replace("|", "\n").split("\n")
            if uri:
                yield uri, preferred, [a.strip() for a in alts if a and a.strip()]


def input_lines(stream: TextIO, block: int = 1 << 16) -> Iterator[list[str]]:
    """The stream's lines (without their newline), in groups: each group is the complete lines that one
    read of the underlying file returned. A pipe full of lines is ranked many at a time, while a caller
    that writes one line and waits for its answer gets it at once (a read returns what is there)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None or not hasattr(buffer, "read1"):
        for line in stream:
            yield [line.rstrip("\n")]
        return
    decoder = codecs.getincrementaldecoder(stream.encoding or "utf-8")(errors="replace")
    pending = ""
    while True:
        data = buffer.read1(block)
        pending += decoder.decode(data, final=not data)
        *complete, pending = pending.split("\n")
        if complete:
            yield complete
        if not data:
            break
    if pending:
        yield [pending]


def run(kind: str, argv: list[str]) -> int:
    args = _parser(kind).parse_args(argv)
    if args.command == "build-cache":
        return build_cache(args.model, args.cache)
    if args.labels and not Path(args.labels).is_file():
        print(f"polku {kind} rank: no labels file {args.labels}", file=sys.stderr)
        return 2
    if args.labels and args.lang == "en":
        print(f"polku {kind} rank: --labels needs --lang, the language of the labels", file=sys.stderr)
        return 2
    if args.lang not in LANGS and not args.labels:
        print(
            f"polku {kind} rank: unknown language {args.lang!r} (loaded: {', '.join(LANGS)})", file=sys.stderr
        )
        return 2
    if args.top < 1:
        print(f"polku {kind} rank: --top must be at least 1", file=sys.stderr)
        return 2
    ranker = SkillRanker.load(semantic="none" if args.path == "lexical" else None)
    if args.labels:
        try:
            counts = ranker.add_language(args.lang, read_labels(Path(args.labels)))
        except (ValueError, KeyError, csv.Error) as e:
            print(f"polku {kind} rank: cannot read {args.labels}: {e}", file=sys.stderr)
            return 2
        if not any(counts.values()):
            print(f"polku {kind} rank: {args.labels} has no label of a known ESCO concept", file=sys.stderr)
            return 2
    rank_many = ranker.rank_skills_many if kind == "skills" else ranker.rank_occupations_many
    out = sys.stdout
    for texts in input_lines(sys.stdin):
        for ranked in rank_many(texts, lang=args.lang, top=args.top, evidence=args.evidence):
            items = []
            for r in ranked:
                item: dict[str, object] = {"uri": r.uri, "label": r.label, "score": r.score}
                if args.evidence:
                    item["evidence"] = list(r.evidence)
                items.append(item)
            out.write(json.dumps({kind: items}, ensure_ascii=False) + "\n")
        out.flush()
    return 0


def main(argv: list[str]) -> int:
    return run("skills", argv)
