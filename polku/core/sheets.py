"""Writing a table as CSV (UTF-8 with a byte-order mark, semicolons: what Excel in Finnish and Swedish
locales opens as is) or XLSX (openpyxl). Numbers stay numbers; text that a spreadsheet would run as a
formula stays text (polku.core.spreadsheet.protect). No Django: rows in, bytes out. The caller writes a
hidden (suppressed) figure as a word, never as an empty cell or zero.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from polku.core.spreadsheet import protect

Value = str | int | float | None
Row = Sequence[Value]


def _safe(values: Row) -> list[Value]:
    return [protect(v) if isinstance(v, str) else v for v in values]


def table_csv(rows: Sequence[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow(_safe(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_SHEET_TITLE_FORBIDDEN = str.maketrans({char: " " for char in "[]:*?/\\"})


def sheet_title(title: str, fallback: str = "Sheet") -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of [ ] : * ? / \\ (a project name
    such as "Työ: Espoo" would otherwise make the export fail)."""
    return " ".join(title.translate(_SHEET_TITLE_FORBIDDEN).split())[:31].strip().strip("'") or fallback


def table_xlsx(title: str, rows: Sequence[Row], *, bold_rows: Sequence[int] = (0,)) -> bytes:
    """One worksheet named after `title`; the rows at `bold_rows` (0-based) in bold (the header)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title(title)
    for row in rows:
        sheet.append(list(row))
    for index in bold_rows:
        for xl_cell in sheet[index + 1]:
            xl_cell.font = Font(bold=True)
    for sheet_row in sheet.iter_rows():
        for xl_cell in sheet_row:
            if xl_cell.data_type == "f":  # openpyxl reads any string beginning with "=" as a formula
                xl_cell.data_type = "s"
    sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
