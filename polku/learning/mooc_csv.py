"""Reading a MOOC platform's completion export: who (e-mail), which course, when, with what grade.

Two common layouts are recognised by their headers, and any other file can be read with a mapping of
column names ({"email": "Learner mail", "course": "Course", "completed_on": "Done", "grade": "Score"}):

- a Moodle "course completion" report: `Email address`, `Course short name` (or `Course`),
  `Date completed` (or `Time completed`), `Grade`;
- mooc.fi and similar: `email`, `course_id` (or `course_slug` / `course_url`), `completion_date`, `grade`.

A course is matched to the catalogue by the opportunity's code, its web address, or the last part of
that address (a course slug), compared case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from polku.core.tabular import ImportFileError, parse_date, read_csv

FIELDS = ("email", "course", "completed_on", "grade")
ALIASES: dict[str, tuple[str, ...]] = {
    "email": ("email", "e-mail", "email address", "user email", "mail", "sähköposti", "e-post"),
    "course": (
        "course",
        "course id",
        "course_id",
        "course short name",
        "course_slug",
        "course slug",
        "course url",
        "course_url",
        "url",
        "kurssi",
        "kurs",
    ),
    "completed_on": (
        "completion date",
        "completion_date",
        "completed",
        "completed_at",
        "date completed",
        "time completed",
        "completed on",
        "suorituspäivä",
        "slutförd",
    ),
    "grade": ("grade", "score", "arvosana", "betyg", "final grade"),
}
REQUIRED = ("email", "course", "completed_on")


def _key(header: str) -> str:
    return " ".join(header.strip().lower().replace("\ufeff", "").split())


def read(content: bytes, *, mapping: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Rows as {row, email, course, completed_on (date or None), grade}."""
    records = read_csv(content)
    header_index = next((i for i, r in enumerate(records) if any(v.strip() for v in r)), None)
    if header_index is None:
        raise ImportFileError(_("The file is empty."))
    headers = [_key(h) for h in records[header_index]]
    positions: dict[str, int] = {}
    for name in FIELDS:
        wanted = [_key(mapping[name])] if mapping and mapping.get(name) else list(ALIASES[name])
        for alias in wanted:
            if alias in headers:
                positions[name] = headers.index(alias)
                break
    missing = [n for n in REQUIRED if n not in positions]
    if missing:
        raise ImportFileError(
            _("The file lacks columns for: %(columns)s. Name the columns in the mapping fields.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for index in range(header_index + 1, len(records)):
        record = records[index]
        values = {n: (record[p].strip() if p < len(record) else "") for n, p in positions.items()}
        if not any(values.values()):
            continue
        rows.append(
            {
                "row": index + 1,
                "email": values.get("email", ""),
                "course": values.get("course", ""),
                "completed_on": _date(values.get("completed_on", "")),
                "grade": values.get("grade", ""),
            }
        )
    if not rows:
        raise ImportFileError(_("The file has a header row but no completions."))
    return rows


def _date(text: str) -> Any:
    """ISO or Finnish dates, also with a time after them (2026-05-03 14:00, "3 May 2026" is not read)."""
    text = text.strip()
    match = re.match(r"(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})", text)
    return parse_date(match.group(1)) if match else None


def course_key(text: str) -> str:
    return text.strip().lower().rstrip("/")


def course_index(opportunities: Iterable[Any]) -> dict[str, int]:
    """Course key → opportunity id: its code, its URL and the URL's last path part."""
    index: dict[str, int] = {}
    for opportunity in opportunities:
        index.setdefault(course_key(opportunity.code), opportunity.pk)
        if opportunity.url:
            url = course_key(opportunity.url)
            index.setdefault(url, opportunity.pk)
            index.setdefault(url.rsplit("/", 1)[-1], opportunity.pk)
    return index
