"""Checks an uploaded ZIP archive (XLSX, DOCX, an ESCO download) before anything parses it.

A few hundred kilobytes of ZIP can unpack to gigabytes (one 400 MB string in a workbook's shared
strings, a 100 MB document part in a CV), and a parser given such a file holds all of it in memory.
`check_zip` reads only the central directory: the number of parts, each part's declared unpacked size,
their sum and each part's compression ratio. Python's zipfile never returns more than a part's declared
size (more data fails its CRC check), so the declared sizes bound what any later parser can read.
`check_xlsx` then streams the workbook's sheets and shared strings through a pull parser, counting
cells and measuring each cell's text, and stops at the first limit passed; it keeps almost nothing in
memory. No Django here: limits come in as arguments (polku.core.uploads reads them from the settings and
words the refusal for the user).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

RATIO_FLOOR = 1024 * 1024  # parts smaller than this unpacked are never refused for their ratio
CHUNK = 64 * 1024


class Reason(StrEnum):
    DAMAGED = "damaged"
    TOO_MANY_PARTS = "too_many_parts"
    TOO_LARGE = "too_large"  # the sum of the unpacked parts
    PART_TOO_LARGE = "part_too_large"
    RATIO = "ratio"
    TOO_MANY_CELLS = "too_many_cells"
    CELL_TOO_LONG = "cell_too_long"


@dataclass(frozen=True)
class ZipLimits:
    max_total: int  # bytes of all parts unpacked
    max_part: int  # bytes of one part unpacked
    max_ratio: int  # unpacked / packed size of one part (over RATIO_FLOOR)
    max_parts: int


@dataclass(frozen=True)
class SheetLimits:
    max_cells: int  # per sheet, and shared strings
    max_cell_chars: int


class ArchiveRefused(Exception):
    """The archive passes a limit (or is no readable ZIP). `str()` is a plain English sentence for logs
    and the command line; pages word it from `reason`, `limit` and `found`."""

    def __init__(self, reason: Reason, *, limit: int = 0, found: int = 0, part: str = "") -> None:
        self.reason, self.limit, self.found, self.part = reason, limit, found, part
        super().__init__(_DESCRIPTIONS[reason].format(limit=limit, found=found, part=part or "?"))


_DESCRIPTIONS = {
    Reason.DAMAGED: "not a readable ZIP archive ({part})",
    Reason.TOO_MANY_PARTS: "the archive holds {found} parts, more than the limit of {limit}",
    Reason.TOO_LARGE: "the archive unpacks to {found} bytes, more than the limit of {limit}",
    Reason.PART_TOO_LARGE: "the part {part} unpacks to {found} bytes, more than the limit of {limit}",
    Reason.RATIO: "the part {part} unpacks to {found} times its packed size, more than the limit of {limit}",
    Reason.TOO_MANY_CELLS: "the part {part} holds more than {limit} cells",
    Reason.CELL_TOO_LONG: "a cell in {part} holds {found} characters, more than the limit of {limit}",
}


def _open(source: bytes | BinaryIO | Path) -> zipfile.ZipFile:
    try:
        if isinstance(source, bytes):
            return zipfile.ZipFile(io.BytesIO(source))
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise ArchiveRefused(Reason.DAMAGED, part=str(error)) from error


def check_members(archive: zipfile.ZipFile, limits: ZipLimits) -> list[zipfile.ZipInfo]:
    """Refuse an open archive whose central directory passes a limit; its parts otherwise."""
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise ArchiveRefused(Reason.TOO_MANY_PARTS, limit=limits.max_parts, found=len(infos))
    total = 0
    for info in infos:
        if info.file_size > limits.max_part:
            raise ArchiveRefused(
                Reason.PART_TOO_LARGE, limit=limits.max_part, found=info.file_size, part=info.filename
            )
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise ArchiveRefused(Reason.RATIO, limit=limits.max_ratio, found=ratio, part=info.filename)
        total += info.file_size
        if total > limits.max_total:
            raise ArchiveRefused(Reason.TOO_LARGE, limit=limits.max_total, found=total)
    return infos


def check_zip(source: bytes | BinaryIO | Path, limits: ZipLimits) -> list[zipfile.ZipInfo]:
    """The parts of the archive, after checking its central directory against `limits`."""
    with _open(source) as archive:
        return check_members(archive, limits)


def check_xlsx(content: bytes, limits: ZipLimits, sheet: SheetLimits) -> None:
    """Refuse a workbook that passes a ZIP limit, has more cells in a sheet (or more shared strings)
    than `sheet.max_cells`, or a cell longer than `sheet.max_cell_chars`."""
    with _open(content) as archive:
        infos = check_members(archive, limits)
        for info in infos:
            name = info.filename.lower()
            if name == "xl/sharedstrings.xml":
                _check_part(archive, info, sheet, item="si")
            elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _check_part(archive, info, sheet, item="c")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: SheetLimits, *, item: str) -> None:
    """Stream one part: count its `item` elements (cells, or shared strings) and measure their text."""
    count = 0
    for elem in _ended(archive, info):
        tag = _local(elem.tag)
        if tag != item:
            continue
        count += 1
        if count > limits.max_cells:
            raise ArchiveRefused(Reason.TOO_MANY_CELLS, limit=limits.max_cells, part=info.filename)
        length = sum(len(text) for text in elem.itertext())
        if length > limits.max_cell_chars:
            where = elem.get("r") or info.filename
            raise ArchiveRefused(Reason.CELL_TOO_LONG, limit=limits.max_cell_chars, found=length, part=where)


def _ended(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[Element]:
    """Each element of a part as it ends; an element is dropped from its parent once it has been seen,
    so memory stays flat however many cells a sheet has."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    stack: list[Element] = []
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                parser.feed(chunk)
                # Only "start" and "end" events were asked for, and each carries an element.
                for event, elem in cast(Iterator[tuple[str, Element]], parser.read_events()):
                    if event == "start":
                        stack.append(elem)
                        continue
                    stack.pop()
                    yield elem
                    if stack and _local(elem.tag) in ("c", "si", "row"):
                        stack[-1].remove(elem)
            parser.close()
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise ArchiveRefused(Reason.DAMAGED, part=f"{info.filename}: {error}") from error
