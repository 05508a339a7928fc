"""The catalogue's CSV format (decision 0042): one opportunity a row, the same columns for export and import.

Columns (header names exactly, in any order; `code`, `provider`, `hours` and one title are required):
code, kind, provider, title_fi, title_sv, title_en, description_fi, description_sv, description_en,
languages (`fi:B1|en:B2`), mode, hours, ects, cost, self_paced (yes/no), starts_on, ends_on (ISO dates),
url, skills (ESCO URIs separated by `|`), competences (DigComp/EntreComp codes separated by `|`),
active (yes/no). An export reads back as the same catalogue.

Text cells that a spreadsheet would run as a formula (beginning with =, +, -, @, a tab or a carriage return)
are exported with a leading apostrophe, which the import removes again (polku.core.spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from polku.core.spreadsheet import protect, unprotect
from polku.core.tabular import ImportFileError, parse_date, read_csv

COLUMNS = (
    "code",
    "kind",
    "provider",
    "title_fi",
    "title_sv",
    "title_en",
    "description_fi",
    "description_sv",
    "description_en",
    "languages",
    "mode",
    "hours",
    "ects",
    "cost",
    "self_paced",
    "starts_on",
    "ends_on",
    "url",
    "skills",
    "competences",
    "active",
)
REQUIRED = ("code", "provider", "hours")
MAX_ROWS = 2000
YES = {"yes", "y", "true", "1", "kyllä", "k", "ja", "x"}
NO = {"no", "n", "false", "0", "ei", "nej", ""}


@dataclass
class Row:
    """One data row: its number as a spreadsheet shows it (header = 1), its values and its errors."""

    number: int
    raw: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"row": self.number, "code": self.raw.get("code", ""), "errors": list(self.errors)}


def split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


def read_rows(content: bytes) -> list[Row]:
    """The file's data rows keyed by column; ImportFileError for a file that is not this CSV format."""
    records = read_csv(content)
    header_index = next((i for i, r in enumerate(records) if any(v.strip() for v in r)), None)
    if header_index is None:
        raise ImportFileError(_("The file is empty."))
    headers = [h.strip().lower() for h in records[header_index]]
    unknown = [h for h in headers if h and h not in COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. The columns are described in docs/learning.md.")
            % {"columns": ", ".join(unknown)}
        )
    if len(set(h for h in headers if h)) != len([h for h in headers if h]):
        raise ImportFileError(_("A column appears twice in the header row."))
    missing = [c for c in REQUIRED if c not in headers]
    if not any(c in headers for c in ("title_fi", "title_sv", "title_en")):
        missing.append("title_fi / title_sv / title_en")
    if missing:
        raise ImportFileError(
            _("The header row lacks the required columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    rows = []
    for index in range(header_index + 1, len(records)):
        record = records[index]
        raw = {
            h: (unprotect(record[i].strip()) if i < len(record) else "") for i, h in enumerate(headers) if h
        }
        if not any(raw.values()):
            continue
        rows.append(Row(number=index + 1, raw=raw))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)s rows; split it into smaller files.") % {"max": MAX_ROWS}
            )
    if not rows:
        raise ImportFileError(_("The file has a header row but no opportunities."))
    return rows


def parse_row(row: Row) -> None:
    """Turn a row's text into typed values (row.values); problems of form go to row.errors.

    Checks that need the database (ESCO URIs, competence codes, ownership) are the service's.
    """
    raw, values = row.raw, row.values
    for name in ("code", "kind", "provider", "url", "mode"):
        values[name] = raw.get(name, "")
    values["kind"] = values["kind"] or "course"
    values["mode"] = values["mode"] or "online"
    for name in ("title", "description"):
        for language in ("fi", "sv", "en"):
            values[f"{name}_{language}"] = raw.get(f"{name}_{language}", "")
    values["languages"] = {}
    for part in split(raw.get("languages", "")):
        language, _sep, level = part.partition(":")
        values["languages"][language.strip().lower()] = level.strip().upper() if level.strip() else "A1"
        if level.strip().lower() == "native":
            values["languages"][language.strip().lower()] = "native"
    for name, required in (("hours", True), ("ects", False), ("cost", False)):
        text = raw.get(name, "").replace(",", ".").replace(" ", "")
        if not text:
            values[name] = None
            if required:
                row.errors.append(_("%(column)s: a number is required.") % {"column": name})
            continue
        try:
            values[name] = Decimal(text)
        except InvalidOperation:
            row.errors.append(_("%(column)s: “%(value)s” is not a number.") % {"column": name, "value": text})
    if values.get("cost") is None:
        values["cost"] = Decimal(0)
    for name in ("self_paced", "active"):
        text = raw.get(name, "").strip().lower()
        if (name == "active" and not text) or text in YES:
            values[name] = True
        elif text in NO:
            values[name] = False
        else:
            row.errors.append(_("%(column)s: write yes or no.") % {"column": name})
    for name in ("starts_on", "ends_on"):
        text = raw.get(name, "")
        values[name] = parse_date(text) if text else None
        if text and values[name] is None:
            row.errors.append(
                _("%(column)s: “%(value)s” is not a date such as 2026-03-01.")
                % {"column": name, "value": text}
            )
    values["skills"] = split(raw.get("skills", ""))
    values["competences"] = split(raw.get("competences", ""))


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def write(rows: Iterable[dict[str, Any]]) -> str:
    """CSV text (UTF-8, comma, header row) of opportunities given as dicts of COLUMNS."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([protect(_cell(row.get(c))) for c in COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, dt.date):
        return _date(value)
    if isinstance(value, dict):
        return "|".join(f"{k}:{v}" for k, v in sorted(value.items()))
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    return str(value)
