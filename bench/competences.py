"""Benchmark of competence suggestions: CV text extraction and ranking.

    DATABASE_URL=postgres://…/polku_bench POLKU_DEBUG=true \
        nice -n 10 .venv/bin/python bench/competences.py [--repeat 5] [--full-language]

Needs a database with ESCO loaded (`polku migrate`; for the Finnish labels also
`polku esco import polku/esco/tests/fixtures/v1.1.1-fi` or a full download), because the ranker of the
suggestions reads the labels of other languages from it (polku.competences.ranking).

Prints, for a generated two-page CV (English, Finnish) as PDF, DOCX and TXT: extraction time, the
ranker's load time and memory (once per process), the first Finnish text's cost of indexing the
database's Finnish labels (once per process and import), the per-call key check, and the time to rank
the text (skills and occupations) — what one request of the suggestion page costs after the first.
--full-language also indexes all 148,000 English labels as if they were one more language, an estimate of
what a full ESCO language download costs to index (ESCO's fi or ar has fewer alternative labels).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from polku.competences import cv, ranking  # noqa: E402

EN = (
    "Work experience. 2018-2022 warehouse worker at Logistics Ltd: I drove a forklift, received goods, "
    "checked deliveries and kept the inventory in SAP. 2015-2018 cook in a restaurant: prepared meals, "
    "ordered food and cleaned the kitchen. Education: vocational qualification in logistics. Skills: "
    "customer service, Microsoft Excel, first aid, teamwork, Python basics. Languages: Arabic native, "
    "English B2, Finnish B1. "
)
FI = (
    "Työkokemus. 2018–2022 varastotyöntekijä: ajoin trukkia, vastaanotin tavaroita ja tarkistin "
    "toimituksia. 2015–2018 kokki ravintolassa: valmistin aterioita ja siivosin keittiön. Koulutus: "
    "logistiikan perustutkinto. Osaaminen: asiakaspalvelu, Excel, ensiapu, tiimityö. "
)


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for sentence in text.split(". "):
        document.add_paragraph(sentence)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--full-language", action="store_true", help="estimate a full language's cost")
    args = parser.parse_args()
    texts = {"en": EN * 8, "fi": FI * 12}  # about two pages each
    files = {
        (lang, kind): make(text)
        for lang, text in texts.items()
        for kind, make in (("pdf", _pdf), ("docx", _docx), ("txt", lambda t: t.encode()))
    }
    print(f"{'file':<10} {'bytes':>8} {'chars':>7} {'extract (median)':>18}")
    for (lang, kind), data in files.items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            _kind, text = cv.extract_text(data, max_bytes=5 * 1024 * 1024)
            times.append(time.perf_counter() - start)
        print(f"{lang}/{kind:<7} {len(data):>8} {len(text):>7} {_ms(statistics.median(times)):>18}")
    start = time.perf_counter()
    ranking.ranker()
    load = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ranker load: {load:.1f} s, peak RSS {rss:.0f} MB")
    start = time.perf_counter()
    ranking.ranker("fi")
    first = time.perf_counter() - start
    fi = ranking.ranker().skills.native.get("fi")
    labels = len(fi[0].owners) if fi else 0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first Finnish text: {labels} database labels indexed in {_ms(first)}, peak RSS {rss:.0f} MB")
    checks = []
    for _ in range(100):
        start = time.perf_counter()
        ranking.taxonomy_key("fi")
        checks.append(time.perf_counter() - start)
    print(f"key check per call: median {statistics.median(checks) * 1000:.2f} ms")
    if args.full_language:
        r = ranking.ranker()
        rows = [(c.uri, c.label, list(c.labels[1:])) for c in r.esco.skills + r.esco.occupations]
        start = time.perf_counter()
        n = r.add_language("xx", rows)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"a full language (estimate: {sum(n.values())} labels): indexed in {time.perf_counter() - start:.1f} s,"
            f" peak RSS {rss:.0f} MB"
        )
        r.add_language("xx", [])
    for lang, text in texts.items():
        ranking.rank(text[:500], language=lang, skip_skills=set(), skip_occupations=set())  # warm-up
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = ranking.rank(text, language=lang, skip_skills=set(), skip_occupations=set())
            times.append(time.perf_counter() - start)
        best = ", ".join(s.label for s in found.skills[:5])
        print(f"rank {lang} ({len(text)} chars): median {_ms(statistics.median(times))}; top: {best}")


if __name__ == "__main__":
    main()
