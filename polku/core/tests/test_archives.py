"""Uploaded archives are checked before parsing: each hostile file is built here, at a size that keeps the
test fast (a limit lowered where the real attack would take hundreds of megabytes)."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from openpyxl import Workbook

from polku.core import archives, tabular, uploads
from polku.core.archives import ArchiveRefused, Reason, SheetLimits, ZipLimits

LIMITS = ZipLimits(max_total=50_000_000, max_part=20_000_000, max_ratio=100, max_parts=1000)
SHEET = SheetLimits(max_cells=1000, max_cell_chars=100)


def zip_of(parts: dict[str, bytes], *, repeat: dict[str, tuple[bytes, int]] | None = None) -> bytes:
    """A deflated ZIP; `repeat` writes a part as `chunk` × `times`, streamed, so nothing large is held."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for name, (chunk, times) in (repeat or {}).items():
            with z.open(name, "w", force_zip64=True) as part:
                for _ in range(times):
                    part.write(chunk)
    return buffer.getvalue()


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(content: bytes, name: str, data: bytes) -> bytes:
    """The archive with one part's content replaced."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for info in source.infolist():
            z.writestr(info.filename, data if info.filename == name else source.read(info))
    return buffer.getvalue()


def refused(call, *args) -> ArchiveRefused:
    with pytest.raises(ArchiveRefused) as error:
        call(*args)
    return error.value


def test_a_part_declaring_more_than_the_part_limit_is_refused_from_the_directory_alone():
    bomb = zip_of({}, repeat={"xl/sharedStrings.xml": (b"A" * 1_000_000, 21)})  # 21 MB in about 20 KB
    assert len(bomb) < 100_000
    error = refused(archives.check_zip, bomb, LIMITS)
    assert error.reason == Reason.PART_TOO_LARGE and error.limit == 20_000_000 and error.found == 21_000_000


def test_a_highly_compressed_part_is_refused_for_its_ratio():
    bomb = zip_of({}, repeat={"word/document.xml": (b"<w:t>" + b"a" * 65_531, 32)})  # 2 MB in a few KB
    error = refused(archives.check_zip, bomb, LIMITS)
    assert error.reason == Reason.RATIO and error.found > 100 and error.part == "word/document.xml"


def test_ordinary_and_small_parts_pass_whatever_their_ratio():
    archive = zip_of({"small.xml": b"<a/>" * 10_000, "noise.bin": os.urandom(2_000_000)})
    assert [info.filename for info in archives.check_zip(archive, LIMITS)] == ["small.xml", "noise.bin"]


def test_the_total_and_the_number_of_parts_are_limited():
    archive = zip_of({f"part{i}.bin": os.urandom(1000) for i in range(5)})
    assert (
        refused(archives.check_zip, archive, ZipLimits(10**9, 10**9, 100, 4)).reason == Reason.TOO_MANY_PARTS
    )
    error = refused(archives.check_zip, archive, ZipLimits(4500, 10**9, 100, 10))
    assert error.reason == Reason.TOO_LARGE and error.limit == 4500


def test_not_a_zip_is_damaged():
    assert refused(archives.check_zip, b"PK\x03\x04 and then nothing", LIMITS).reason == Reason.DAMAGED


def test_a_sheet_with_too_many_cells_is_refused_while_streaming():
    book = workbook([[f"{r}-{c}" for c in range(40)] for r in range(30)])  # 1,200 cells
    error = refused(archives.check_xlsx, book, LIMITS, SHEET)
    assert error.reason == Reason.TOO_MANY_CELLS and error.limit == 1000


def test_a_long_cell_is_refused_in_shared_strings_and_inline():
    book = workbook([["name"], ["x" * 101]])
    error = refused(archives.check_xlsx, book, LIMITS, SHEET)
    assert error.reason == Reason.CELL_TOO_LONG and error.found == 101
    inline = with_part(
        workbook([["a"]]),
        "xl/worksheets/sheet1.xml",
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="B7" t="inlineStr"><is><t>'
        + b"y" * 150
        + b"</t></is></c></row></sheetData></worksheet>",
    )
    error = refused(archives.check_xlsx, inline, LIMITS, SHEET)
    assert error.reason == Reason.CELL_TOO_LONG and error.part == "B7"


def test_an_ordinary_workbook_passes():
    archives.check_xlsx(workbook([["first_name", "email"], ["Ada", "ada@example.org"]]), LIMITS, SHEET)


def test_read_xlsx_refuses_before_openpyxl_opens_the_file(settings, monkeypatch):
    settings.POLKU_SHEET_MAX_CELLS = 100
    monkeypatch.setattr(tabular, "load_workbook", lambda *a, **k: pytest.fail("the workbook was opened"))
    with pytest.raises(tabular.ImportFileError) as error:
        tabular.read_xlsx(workbook([[c for c in range(20)] for _ in range(10)]), max_records=10)
    assert "more than 100 cells" in error.value.message


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            ArchiveRefused(Reason.PART_TOO_LARGE, limit=20 * 1024 * 1024, found=400 * 1024 * 1024),
            ["400.0\xa0MB", "20.0\xa0MB"],
        ),
        (
            ArchiveRefused(Reason.TOO_LARGE, limit=50 * 1024 * 1024, found=60 * 1024 * 1024),
            ["60.0\xa0MB", "50.0\xa0MB"],
        ),
        (ArchiveRefused(Reason.RATIO, limit=100, found=1000), ["1,000 times", "100 times"]),
        (ArchiveRefused(Reason.TOO_MANY_PARTS, limit=1000, found=5000), ["5,000", "1,000"]),
        (ArchiveRefused(Reason.TOO_MANY_CELLS, limit=150000), ["150,000 cells"]),
        (
            ArchiveRefused(Reason.CELL_TOO_LONG, limit=1000, found=104_000_000),
            ["104,000,000", "1,000 characters"],
        ),
    ],
)
def test_each_refusal_names_its_limit(error, words):
    message = uploads.refusal_message(error)
    for word in words:
        assert word in message, message
