"""Test data of competence profiles: ESCO concepts with the real URIs the ranker returns, small CV files."""

from __future__ import annotations

import io

from polku.esco.models import Concept
from polku.esco.tests import factories as ef

ESCO = "http://data.europa.eu/esco/"
FORKLIFT = ESCO + "skill/28cb374e-6261-4133-8371-f9a5470145da"
CUSTOMER_SERVICE = ESCO + "skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc"
PYTHON = ESCO + "skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
SQL = ESCO + "skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"
COMMUNICATE = ESCO + "skill/0da516ee-e70e-4384-be13-f5ff80be8127"
FORKLIFT_OPERATOR = ESCO + "occupation/eeac6251-1974-42f5-91ed-513c6c883755"
CUSTOMER_SERVICE_REP = ESCO + "occupation/" + "a8d8ca0f-5b0b-4a35-b4a9-a2ea06dfcfa5"

ENGLISH_TEXT = (
    "I worked three years in a warehouse driving a forklift. I also did customer service in a shop "
    "and I can program in Python and SQL."
)
FINNISH_TEXT = "Olen ajanut trukkia varastossa kolme vuotta. Tein myös asiakaspalvelua kaupassa."


def ranker_concepts() -> dict[str, Concept]:
    """The concepts the English and Finnish texts above should find, under their real ESCO URIs."""
    forklift = ef.skill("operate forklift", uri=FORKLIFT, fi="ajaa trukkia", sv="köra truck")
    return {
        FORKLIFT: forklift,
        CUSTOMER_SERVICE: ef.skill("customer service", uri=CUSTOMER_SERVICE, fi="asiakaspalvelu"),
        PYTHON: ef.skill("Python (computer programming)", uri=PYTHON),
        SQL: ef.skill("SQL", uri=SQL),
        COMMUNICATE: ef.skill("communicate with customers", uri=COMMUNICATE),
        FORKLIFT_OPERATOR: ef.occupation(
            "forklift operator", uri=FORKLIFT_OPERATOR, essential=(forklift,), fi="trukinkuljettaja"
        ),
    }


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split(". "):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
