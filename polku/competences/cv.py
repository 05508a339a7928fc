"""Text out of an uploaded CV: PDF (pypdf), DOCX (python-docx) or plain text, the type told by the
content (magic bytes), never by the file name. No Django: bytes in, text or an ExtractionError out.
"""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum

import docx
from pypdf import PdfReader
from pypdf.errors import PdfReadError


class Problem(StrEnum):
    TOO_BIG = "too_big"
    EMPTY = "empty"
    UNKNOWN_TYPE = "unknown_type"
    NO_TEXT = "no_text"  # a PDF without a text layer (scanned), or an empty document
    DAMAGED = "damaged"


class ExtractionError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.value)
        self.problem = problem


PDF, DOCX, TXT = "pdf", "docx", "txt"


def sniff(data: bytes) -> str | None:
    """The file's kind from its first bytes (and, for a ZIP, its members); None when not supported."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return DOCX if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    if decode_text(data) is not None:
        return TXT
    return None


def decode_text(data: bytes) -> str | None:
    """Plain text in UTF-8 (with or without BOM), UTF-16 (with BOM) or Latin-1; None when it is binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    else:
        if b"\x00" in data:
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        return None
    return text


def _pdf_text(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ExtractionError(Problem.DAMAGED) from error


def _docx_text(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ExtractionError(Problem.DAMAGED) from error
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def extract_text(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    """(kind, text) of an uploaded file; ExtractionError when too big, of an unknown type or without text."""
    if len(data) > max_bytes:
        raise ExtractionError(Problem.TOO_BIG)
    if not data:
        raise ExtractionError(Problem.EMPTY)
    kind = sniff(data)
    if kind is None:
        raise ExtractionError(Problem.UNKNOWN_TYPE)
    if kind == PDF:
        text = _pdf_text(data)
    elif kind == DOCX:
        text = _docx_text(data)
    else:
        text = decode_text(data) or ""
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not text:
        raise ExtractionError(Problem.NO_TEXT)
    return kind, text
