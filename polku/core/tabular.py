"""Reading an uploaded table (CSV or XLSX) into rows of text, and reading the dates people type into them.

Shared by every upload that takes a spreadsheet (the participant import, the learning catalogue and MOOC
completion files); what the columns mean is each caller's business. No models and no forms here: bytes in,
lists of strings out, and `ImportFileError` with a message in the user's language when the file as a whole
cannot be used.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from polku.core import uploads
from polku.core.archives import ArchiveRefused, Reason, check_xlsx


class ImportFileError(Exception):
    """The file as a whole cannot be used; `message` is translated for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_csv(content: bytes) -> list[list[str]]:
    """The records of a CSV file: UTF-8 with or without a BOM, comma or semicolon (whichever the first line
    has more of). An Excel workbook, another encoding or a binary file is refused with a clear message."""
    if content.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            _("This file is an Excel workbook, not CSV. Save it with the ending .xlsx, or save it as CSV.")
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not in UTF-8. In Excel, choose “Save as” and the type “CSV UTF-8 (comma delimited)”."
            )
        ) from error
    if "\x00" in text:
        raise ImportFileError(_("The file could not be read as CSV."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise ImportFileError(_("The file could not be read as CSV: %(error)s") % {"error": error}) from error


def read_xlsx(content: bytes, *, max_records: int) -> list[list[str]]:
    """The records of the first sheet of an XLSX workbook, every cell as text (dates as ISO dates, whole
    numbers without ".0"). Reading stops after `max_records` + 1 records, so the caller can tell the file
    is too long without reading all of it. The workbook is checked first against the upload limits
    (unpacked sizes, compression ratio, cells per sheet, characters per cell; polku.core.uploads)."""
    try:
        check_xlsx(content, uploads.zip_limits(), uploads.sheet_limits())
    except ArchiveRefused as refused:
        if refused.reason == Reason.DAMAGED:
            raise ImportFileError(_("The file could not be read as an Excel workbook (.xlsx).")) from refused
        raise ImportFileError(uploads.refusal_message(refused)) from refused
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on damaged files (zip, XML, key errors)
        raise ImportFileError(_("The file could not be read as an Excel workbook (.xlsx).")) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportFileError(_("The workbook has no sheets."))
        records: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            records.append([cell_text(value) for value in values])
            if len(records) > max_records:
                break
        return records
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(_("The file could not be read as an Excel workbook (.xlsx).")) from error
    finally:
        workbook.close()


def cell_text(value: Any) -> str:
    """A spreadsheet cell's value as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_date(text: str) -> dt.date | None:
    """ISO dates (2025-03-01) and Finnish ones (1.3.2025); None if the text is neither."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.date(*time.strptime(text, pattern)[:3])  # a calendar date, no time or zone
        except ValueError:
            continue
    return None
