import datetime as dt
import io

import pytest
from openpyxl import Workbook

from polku.core.tabular import ImportFileError
from polku.imports.parsing import check_rows, parse_languages, read_table
from polku.testing.asserts import present

TODAY = dt.date(2025, 6, 1)


def _csv(text: str, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_semicolon_csv_with_bom_and_finnish_headers():
    table = read_table(
        content=_csv(
            "Etunimi;Sukunimi;Sähköposti;Aloituspäivä;Syntymäaika;Kielet;Lisätieto\n"
            "Ääni;Öljynen;a@example.org;1.3.2025;17.5.1990;fi:B1, en:C1;x\n\n;;;;;;\n",
            bom=True,
        ),
        filename="Lista.CSV",
    )
    assert table.columns == ["first_name", "last_name", "email", "entry_date", "date_of_birth", "languages"]
    assert table.ignored == ["Lisätieto"]
    assert table.rows == [
        (
            2,
            {
                "first_name": "Ääni",
                "last_name": "Öljynen",
                "email": "a@example.org",
                "entry_date": "1.3.2025",
                "date_of_birth": "17.5.1990",
                "languages": "fi:B1, en:C1",
            },
        )
    ]


def test_comma_csv_with_swedish_headers_and_quoted_cells():
    table = read_table(
        content=_csv(
            "förnamn,efternamn,e-post,startdatum,födelsedatum,språkkunskaper\n"
            'Sara,Lind,s@example.org,2025-03-01,1990-01-01,"sv:native, fi:B2"\n'
        ),
        filename="x.csv",
    )
    assert table.rows[0][1]["languages"] == "sv:native, fi:B2"


def test_xlsx_workbook_is_read_by_its_header_row():
    # How each kind of cell becomes text is polku.core.tabular's (polku/core/tests/test_tabular.py).
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Etunimi", "last_name", "email", "entry_date", "date_of_birth"])
    sheet.append(["Ada", "Li", "ada@example.org", dt.datetime(2025, 3, 1), dt.date(1990, 5, 17)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(content=buffer.getvalue(), filename="list.xlsx")
    assert table.rows == [
        (
            2,
            {
                "first_name": "Ada",
                "last_name": "Li",
                "email": "ada@example.org",
                "entry_date": "2025-03-01",
                "date_of_birth": "1990-05-17",
            },
        )
    ]


@pytest.mark.parametrize(
    ("content", "filename", "fragment"),
    [
        (b"first_name,last_name\n", "list.pdf", "CSV file"),
        (b"not a zip", "list.xlsx", "Excel workbook"),
        (b"first_name,last_name,email\nA,B,c@example.org\n", "list.csv", "entry_date, date_of_birth"),
        (b"first_name,last_name,email,entry_date,date_of_birth\n", "list.csv", "no participants"),
        (b"", "list.csv", "empty"),
        (b"email,e-mail,first_name,last_name,entry_date,date_of_birth\n", "list.csv", "twice"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(content, filename, fragment):
    with pytest.raises(ImportFileError) as error:
        read_table(content=content, filename=filename)
    assert fragment in error.value.message


def test_parse_languages():
    assert parse_languages("fi:B1, en:c1; ar native") == ([("fi", "B1"), ("en", "C1"), ("ar", "native")], [])
    pairs, errors = parse_languages("fi:B1, english")
    assert pairs == [("fi", "B1")] and len(errors) == 1


def _row(**values):
    base = {
        "first_name": "Ada",
        "last_name": "Li",
        "email": "ada@example.org",
        "entry_date": "2025-03-01",
        "date_of_birth": "1990-05-17",
    }
    base.update(values)
    return base


def test_rows_are_checked_with_forms_and_domain_rules(world):
    rows = [
        (2, _row(gender="Woman", homeless="kyllä", languages="fi:B1, en:C1", preferred_language="suomi")),
        (3, _row(email="bad", gender="robot", languages="xx:B1, fi", entry_date="2030-01-01")),
        (
            4,
            _row(
                email="c@example.org",
                labour_status="employed",
                unemployed_since="1.1.2024",
                date_of_birth="32.1.1990",
            ),
        ),
        (5, _row(email="d@example.org", disability="yes", education="9")),
    ]
    checked = check_rows(project=world.project, rows=rows, emails_in_project=set(), today=TODAY)
    first = checked[0]
    assert first.errors == {}
    registration = present(first.registration)
    assert registration.person["preferred_language"] == "fi"
    assert registration.entry["gender"] == "woman" and registration.entry["homeless"] == "yes"
    assert registration.languages == [("fi", "B1"), ("en", "C1")]
    assert registration.consents == [] and registration.entry_date == dt.date(2025, 3, 1)
    assert set(checked[1].errors) == {"email", "gender", "languages", "entry_date"}
    assert checked[1].registration is None
    assert set(checked[2].errors) == {"unemployed_since", "date_of_birth"}
    assert set(checked[3].errors) == {"disability", "education"}


def test_default_preferred_language_is_the_projects_first(world):
    checked = check_rows(project=world.project, rows=[(2, _row())], emails_in_project=set(), today=TODAY)
    assert present(checked[0].registration).person["preferred_language"] == "fi"


def test_duplicate_emails_in_file_and_in_project(world):
    rows = [
        (2, _row(email="Same@example.org")),
        (3, _row(email="same@example.org")),
        (4, _row(email="x@example.org")),
        (5, _row(email="ok@example.org")),
    ]
    checked = check_rows(project=world.project, rows=rows, emails_in_project={"x@example.org"}, today=TODAY)
    assert "row 3" in checked[0].errors["email"][0] and "row 2" in checked[1].errors["email"][0]
    assert "already a participant" in checked[2].errors["email"][0]
    assert checked[3].errors == {} and checked[3].registration is not None
