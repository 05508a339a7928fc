"""Text out of an uploaded CV: PDF (pypdf), DOCX (python-docx) or plain text, the type told by the
content (magic bytes), never by the file name. No Django: bytes in, text or an ExtractionError out.

A DOCX is a ZIP and is checked against the upload limits before python-docx opens it
(polku.core.archives); any failure of a parser on a damaged or hostile file (a truncated XML part, a PDF
stream that expands past pypdf's limits) is the file's problem, DAMAGED, never an error of the page.
Reading stops once `max_chars` of text have been collected.
"""

from __future__ import annotations

import io
import logging
import zipfile
from enum import StrEnum

import docx
from pypdf import PdfReader

from polku.core.archives import ArchiveRefused, Reason, ZipLimits, check_zip

logger = logging.getLogger(__name__)
MAX_PDF_PAGES = 200  # a CV is a few pages; more is not a CV, and each page costs parsing time


class Problem(StrEnum):
    TOO_BIG = "too_big"
    EMPTY = "empty"
    UNKNOWN_TYPE = "unknown_type"
    NO_TEXT = "no_text"  # a PDF without a text layer (scanned), or an empty document
    DAMAGED = "damaged"


class ExtractionError(Exception):
    """`refused` is set when a DOCX passed an upload limit (its message names the limit)."""

    def __init__(self, problem: Problem, *, refused: ArchiveRefused | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.refused = refused


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


def _pdf_text(data: bytes, max_chars: int) -> str:
    parts: list[str] = []
    length = 0
    try:
        reader = PdfReader(io.BytesIO(data))
        for number, page in enumerate(reader.pages):
            if number >= MAX_PDF_PAGES or length > max_chars:
                break
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
    except Exception as error:  # pypdf raises many kinds (its limits, damaged streams, recursion)
        logger.info("a PDF could not be read: %s", type(error).__name__)
        raise ExtractionError(Problem.DAMAGED) from error
    return "\n".join(parts)


def _docx_text(data: bytes, limits: ZipLimits) -> str:
    try:
        check_zip(data, limits)
    except ArchiveRefused as refused:
        problem = Problem.DAMAGED if refused.reason == Reason.DAMAGED else Problem.TOO_BIG
        raise ExtractionError(problem, refused=refused) from refused
    try:
        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" ".join(cell.text for cell in row.cells))
    except Exception as error:  # python-docx and lxml on a damaged part: XML, zip, key and value errors
        logger.info("a DOCX could not be read: %s", type(error).__name__)
        raise ExtractionError(Problem.DAMAGED) from error
    return "\n".join(parts)


def extract_text(
    data: bytes, *, max_bytes: int, limits: ZipLimits, max_chars: int = 1_000_000
) -> tuple[str, str]:
    """(kind, text) of an uploaded file; ExtractionError when too big (the file, or a DOCX unpacked past
    `limits`), of an unknown type, damaged or without text."""
    if len(data) > max_bytes:
        raise ExtractionError(Problem.TOO_BIG)
    if not data:
        raise ExtractionError(Problem.EMPTY)
    kind = sniff(data)
    if kind is None:
        raise ExtractionError(Problem.UNKNOWN_TYPE)
    if kind == PDF:
        text = _pdf_text(data, max_chars)
    elif kind == DOCX:
        text = _docx_text(data, limits)
    else:
        text = decode_text(data) or ""
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not text:
        raise ExtractionError(Problem.NO_TEXT)
    return kind, text
