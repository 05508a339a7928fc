"""The lists a business idea, a listing and a successor profile choose from, shipped as data files in
`data/`: the industries of NACE Rev. 2 (in Finland TOL 2008; its sections and divisions, each with its
Finnish, Swedish and English name) and Finland's regions (maakunnat). People see the names in their
language, never the codes; the codes are what is stored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class Named:
    code: str
    names: dict[str, str]
    section: str = ""  # an industry division's section letter; "" for a section and for regions

    def name(self, language: str | None = None) -> str:
        lang = (language or get_language() or "en")[:2]
        return self.names.get(lang) or self.names["en"]


def _read(filename: str) -> dict[str, Named]:
    with open(DATA / filename, encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Named(
                row["code"], {lang: row[lang] for lang in LANGUAGES}, row.get("section", "") or ""
            )
            for row in csv.DictReader(handle)
        }


@cache
def industries() -> dict[str, Named]:
    """Every NACE Rev. 2 section ("I") and division ("56"), in the file's order."""
    return _read("nace_rev2.csv")


@cache
def fi_regions() -> dict[str, Named]:
    return _read("fi_regions.csv")


def divisions() -> list[Named]:
    return [row for row in industries().values() if row.section]


def industry_name(code: str, language: str | None = None) -> str:
    row = industries().get(code)
    return row.name(language) if row else ""


def section_of(code: str) -> str:
    row = industries().get(code)
    return (row.section or row.code) if row else ""


def region_name(code: str, language: str | None = None) -> str:
    row = fi_regions().get(code)
    return row.name(language) if row else ""


def industry_choices(language: str | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Divisions grouped under their sections, for a <select> with <optgroup>s, by name."""
    rows = industries()
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for section in (r for r in rows.values() if not r.section):
        members = [(d.code, d.name(language)) for d in rows.values() if d.section == section.code]
        groups.append((section.name(language), members))
    return groups


def region_choices(language: str | None = None) -> list[tuple[str, str]]:
    return sorted(((r.code, r.name(language)) for r in fi_regions().values()), key=lambda c: c[1])
