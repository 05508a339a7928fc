"""A Report as XLSX (openpyxl), CSV (UTF-8 with BOM, semicolons) and PDF (fpdf2, the Unicode fonts
and text shaping of polku.core.pdf).

Numbers are written as numbers; a hidden cell is the text "hidden" (translated) and an untracked one
"not tracked yet", so that a spreadsheet never sums a hidden cell as zero. Text that a spreadsheet would
run as a formula (a project name beginning with "=", say) stays text: an XLSX string cell, a CSV cell
with the apostrophe of polku.core.spreadsheet.protect.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font

from polku.core.pdf import use_unicode_fonts
from polku.core.sheets import sheet_title as core_sheet_title
from polku.core.spreadsheet import protect
from polku.dashboards.report import Cell, Report
from polku.suppression import Figure


def cell_value(cell: Cell) -> int | str:
    if cell is None:
        return _("not tracked yet")
    if isinstance(cell, Figure):
        return _("hidden") if cell.value is None else cell.value
    return cell


def sheet_title(title: str) -> str:
    return core_sheet_title(title, fallback="Report")


def report_xlsx(report: Report) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title(report.title)
    sheet.append([report.title])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in report.details:
        sheet.append([label, value])
    for section in report.sections:
        sheet.append([])
        sheet.append([section.title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append(section.headers)
        for label, cells in section.rows:
            sheet.append([label, *(cell_value(c) for c in cells)])
    for row in sheet.iter_rows():
        for xl_cell in row:
            if xl_cell.data_type == "f":  # openpyxl reads any string beginning with "=" as a formula
                xl_cell.data_type = "s"
    sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv_row(values: list[object]) -> list[object]:
    return [protect(v) if isinstance(v, str) else v for v in values]


def report_csv(report: Report) -> bytes:
    """Semicolon-separated with a byte-order mark: what Excel in Finnish and Swedish locales opens as is."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(_csv_row([report.title]))
    for label, value in report.details:
        writer.writerow(_csv_row([label, value]))
    for section in report.sections:
        writer.writerow([])
        writer.writerow(_csv_row([section.title]))
        writer.writerow(_csv_row(list(section.headers)))
        for label, cells in section.rows:
            writer.writerow(_csv_row([label, *(cell_value(c) for c in cells)]))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def report_pdf(report: Report) -> bytes:
    pdf = FPDF(orientation="portrait", format="A4")
    family, clean = use_unicode_fonts(pdf)
    pdf.set_title(clean(report.title))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 10, clean(report.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=10)
    for label, value in report.details:
        pdf.multi_cell(0, 6, clean(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    for section in report.sections:
        pdf.ln(4)
        pdf.set_font(family, "B", 12)
        pdf.cell(0, 8, clean(section.title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, size=9)
        with pdf.table(first_row_as_headings=True) as table:
            table.row([clean(h) for h in section.headers])
            for label, cells in section.rows:
                table.row([clean(label), *(clean(str(cell_value(c))) for c in cells)])
    return bytes(pdf.output())
