"""Spreadsheet formula injection (CSV injection): a cell that begins with =, +, -, @, a tab or a carriage
return is run as a formula by Excel, LibreOffice and Google Sheets when a user opens an exported file.

`protect` prefixes such a cell with an apostrophe, which spreadsheets read as "this cell is text" and do not
show; `unprotect` removes that apostrophe again when a file is imported, so an exported value reads back
as it was. The rule is reversible for every string: a value that itself begins with apostrophes followed
by one of the characters gets one more apostrophe on export, and loses one on import.
(OWASP, "CSV Injection".) No Django import: plain text in and out.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS)


def protect(text: str) -> str:
    """The text as a cell a spreadsheet shows but never evaluates."""
    if text.startswith(FORMULA_STARTS) or (text.startswith("'") and _needs_quote(text)):
        return "'" + text
    return text


def unprotect(text: str) -> str:
    """The value `protect` was given (also for a cell written by hand as '=text)."""
    if text.startswith("'") and _needs_quote(text):
        return text[1:]
    return text
