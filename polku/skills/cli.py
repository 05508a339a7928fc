"""`polku skills rank` and `polku occupations rank`: one text a line in, one JSON object a line out.

    polku skills rank [--lang LANG] [--top K] [--path {default,lexical}] [--evidence]

Each output line is `{"skills": [{"uri": ..., "label": ..., "score": ...}, ...]}` (best first, K items;
`"occupations"` for `polku occupations rank`); `--evidence` adds the supporting words of each item.
Runs without Django.
"""

from __future__ import annotations

import argparse
import json
import sys

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
    return p


def run(kind: str, argv: list[str]) -> int:
    args = _parser(kind).parse_args(argv)
    if args.lang not in LANGS:
        print(
            f"polku {kind} rank: unknown language {args.lang!r} (loaded: {', '.join(LANGS)})", file=sys.stderr
        )
        return 2
    if args.top < 1:
        print(f"polku {kind} rank: --top must be at least 1", file=sys.stderr)
        return 2
    from polku.skills.ranker import SkillRanker

    ranker = SkillRanker.load(semantic="none" if args.path == "lexical" else None)
    rank = ranker.rank_skills if kind == "skills" else ranker.rank_occupations
    out = sys.stdout
    for line in sys.stdin:
        text = line.rstrip("\n")
        items = []
        for r in rank(text, lang=args.lang, top=args.top):
            item: dict[str, object] = {"uri": r.uri, "label": r.label, "score": r.score}
            if args.evidence:
                item["evidence"] = list(r.evidence)
            items.append(item)
        out.write(json.dumps({kind: items}, ensure_ascii=False) + "\n")
        out.flush()
    return 0


def main(argv: list[str]) -> int:
    return run("skills", argv)
