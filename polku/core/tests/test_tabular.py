"""Reading uploaded CSV and XLSX files into rows of text (polku.core.tabular), and typed dates."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from polku.core.tabular import ImportFileError, cell_text, parse_date, read_csv, read_xlsx


def _workbook(*rows: list) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_csv_with_bom_and_semicolons():
    content = b"\xef\xbb\xbf" + "Etunimi;Kielet\nÄäni;fi:B1, en:C1\n\n".encode()
    assert read_csv(content) == [["Etunimi", "Kielet"], ["Ääni", "fi:B1, en:C1"], []]


def test_csv_with_commas_and_quoted_cells():
    content = 'förnamn,språk\nSara,"sv:native, fi:B2"\n'.encode()
    assert read_csv(content) == [["förnamn", "språk"], ["Sara", "sv:native, fi:B2"]]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"PK\x03\x04rest", "Excel workbook, not CSV"),
        ("first_name;last_name\n".encode("utf-16"), "UTF-8"),
        (b"a,b\n\x00\x01", "could not be read as CSV"),
    ],
)
def test_unreadable_csv_is_refused_with_a_clear_message(content, fragment):
    with pytest.raises(ImportFileError) as error:
        read_csv(content)
    assert fragment in error.value.message


def test_xlsx_cells_of_every_kind_become_text():
    content = _workbook(
        ["name", "entry", "born", "education", "phone", "score"],
        ["Ada", dt.datetime(2025, 3, 1, 14, 0), dt.date(1990, 5, 17), 7, None, 4.5],
    )
    assert read_xlsx(content, max_records=10) == [
        ["name", "entry", "born", "education", "phone", "score"],
        ["Ada", "2025-03-01", "1990-05-17", "7", "", "4.5"],
    ]


def test_xlsx_reading_stops_after_one_record_more_than_the_limit():
    content = _workbook(*[[f"row {n}"] for n in range(10)])
    assert len(read_xlsx(content, max_records=3)) == 4


def test_damaged_xlsx_is_refused():
    with pytest.raises(ImportFileError) as error:
        read_xlsx(b"not a zip", max_records=10)
    assert "Excel workbook" in error.value.message


def test_cell_text():
    assert cell_text(None) == ""
    assert cell_text(3.0) == "3"
    assert cell_text(dt.date(2025, 1, 2)) == "2025-01-02"
    assert cell_text("x") == "x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-01", dt.date(2025, 3, 1)),
        (" 1.3.2025 ", dt.date(2025, 3, 1)),
        ("01.03.2025", dt.date(2025, 3, 1)),
        ("32.1.1990", None),
        ("1 March 2025", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected
