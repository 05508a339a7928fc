import csv
import io

from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from polku.core.pdf import pdf_text
from polku.dashboards.report import Report, Section
from polku.suppression import Figure
from polku.testing import factories as f


def _download(client, user, project, fmt, **params):
    client.force_login(user)
    response = client.get(reverse("dashboards:report_download", args=[project.code, fmt]), params)
    assert response.status_code == 200
    assert f'.{fmt}"' in response["Content-Disposition"]
    return response.content


def _crowd(world, n=7):
    for _ in range(n):
        f.ParticipationFactory(partner=world.a)


def test_xlsx_has_project_details_and_numbers_as_numbers(client, world):
    _crowd(world)
    world.project.name = "Työllisyyspolku"
    world.project.save()
    book = load_workbook(io.BytesIO(_download(client, world.lead, world.project, "xlsx")))
    sheet = book.active
    rows = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["Project"][0] == "Työllisyyspolku"
    assert rows["Project code"][0] == "S29999"
    assert "Small numbers" in rows
    assert rows["Registered"][0] == 9  # 7 + the world's two participants, a number, not text
    assert rows["University of B"][1] == "hidden"  # one person
    assert rows["City of A"][1] == "hidden"  # else the total would give B away
    assert rows["Competences mapped"][0] == 0  # counted, and nobody has confirmed skills yet
    codes = [r[1] for r in sheet.iter_rows(values_only=True) if r and len(r) > 1]
    assert "EECO01" in codes  # the indicator table of polku.reporting comes first


def test_csv_is_utf8_with_bom_and_semicolons(client, world):
    _crowd(world)
    content = _download(client, world.coord_a, world.project, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    by_label = {r[0]: r[1:] for r in rows if r}
    assert by_label["City of A"][1] == "8"
    assert "University of B" not in by_label  # a coordinator's report covers their own partner only


def test_pdf_text_extracts_in_finnish(client, world):
    _crowd(world)
    world.project.name = "Työllisyys ja yrittäjyys – Åbo"
    world.project.save()
    client.cookies["django_language"] = "fi"
    with translation.override("fi"):
        content = _download(client, world.lead, world.project, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Työllisyys ja yrittäjyys – Åbo" in text  # the Unicode font keeps the dash (polku.core.pdf)
    assert "S29999" in text
    assert "City of A" in text


def test_pdf_text_keeps_nordic_letters():
    assert pdf_text("Työ – Åsa “x” Łódź") == 'Työ - Åsa "x" ?ódź'.replace("ź", "z")


def test_pdf_report_shapes_arabic_in_a_title(client, world):
    _crowd(world)
    world.project.name = "مشروع العمل"
    world.project.save()
    content = _download(client, world.lead, world.project, "pdf")
    assert content.startswith(b"%PDF")
    assert b"NotoSansArabic" in content  # the Arabic font is embedded (the core font printed "?")


def test_report_page_and_unknown_format(client, world):
    client.force_login(world.evaluator)
    response = client.get(reverse("dashboards:report", args=[world.project.code]), {"from": "2025-01-01"})
    assert response.status_code == 200
    assert b"report.xlsx?from=2025-01-01" in response.content
    response = client.get(reverse("dashboards:report_download", args=[world.project.code, "doc"]))
    assert response.status_code == 404


def _formula_report():
    return Report(
        title='=HYPERLINK("http://x")',
        details=[("Project", "+Espoo"), ("Partner", "@City")],
        sections=[Section(title="-Outcomes", headers=["", "=1+1"], rows=[("=SUM(A1)", [Figure(-3), 7])])],
        note="",
    )


def test_xlsx_keeps_formula_like_text_as_text_and_numbers_as_numbers():
    from polku.dashboards.exports import report_xlsx

    sheet = load_workbook(io.BytesIO(report_xlsx(_formula_report()))).active
    cells = {
        cell.value: cell.data_type for row in sheet.iter_rows() for cell in row if cell.value is not None
    }
    assert cells['=HYPERLINK("http://x")'] == "s"
    assert cells["=SUM(A1)"] == "s"
    assert cells["=1+1"] == "s"
    assert cells[-3] == "n"
    assert "f" not in cells.values()


def test_csv_prefixes_formula_like_text_and_leaves_numbers():
    from polku.dashboards.exports import report_csv

    rows = list(csv.reader(io.StringIO(report_csv(_formula_report()).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ['\'=HYPERLINK("http://x")']
    assert ["Project", "'+Espoo"] in rows
    assert ["'=SUM(A1)", "-3", "7"] in rows


def test_sheet_title_drops_characters_excel_forbids():
    from polku.dashboards.exports import sheet_title

    assert sheet_title("Työ: Espoo [2025/26]") == "Työ Espoo 2025 26"
    assert sheet_title("?*:") == "Report"
    assert len(sheet_title("x" * 40)) == 31
