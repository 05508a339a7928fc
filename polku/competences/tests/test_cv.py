"""Text out of uploaded CVs: type by content, encodings, limits."""

import pytest

from polku.competences import cv
from polku.competences.tests.factories import docx_bytes, pdf_bytes
from polku.core.archives import ZipLimits

LIMIT = 1_000_000
ZIP = ZipLimits(max_total=50_000_000, max_part=20_000_000, max_ratio=100, max_parts=1000)


def test_pdf_text_is_extracted():
    kind, text = cv.extract_text(pdf_bytes("I drove a forklift in a warehouse."), max_bytes=LIMIT, limits=ZIP)
    assert kind == "pdf"
    assert "forklift" in text


def test_docx_text_is_extracted_whatever_the_name():
    kind, text = cv.extract_text(
        docx_bytes("Customer service in a shop. Python and SQL"), max_bytes=LIMIT, limits=ZIP
    )
    assert kind == "docx"
    assert "Customer service" in text and "Python" in text


@pytest.mark.parametrize(
    "data",
    [
        "Kävin trukkikurssin ja työskentelin Åbossa.".encode(),
        "Kävin trukkikurssin ja työskentelin Åbossa.".encode("utf-16"),
        "Kävin trukkikurssin ja työskentelin Åbossa.".encode("latin-1"),
        "\ufeffKävin trukkikurssin ja työskentelin Åbossa.".encode(),
    ],
    ids=["utf-8", "utf-16", "latin-1", "utf-8-bom"],
)
def test_plain_text_in_each_encoding(data):
    kind, text = cv.extract_text(data, max_bytes=LIMIT, limits=ZIP)
    assert kind == "txt"
    assert text == "Kävin trukkikurssin ja työskentelin Åbossa."


def test_too_big_is_refused_before_reading():
    with pytest.raises(cv.ExtractionError) as error:
        cv.extract_text(b"a" * 101, max_bytes=100, limits=ZIP)
    assert error.value.problem == cv.Problem.TOO_BIG


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b"PK\x03\x04not really a zip", b"\x00\x01\x02\x03" * 50],
    ids=["png", "broken-zip", "binary"],
)
def test_other_types_are_refused_by_content(data):
    with pytest.raises(cv.ExtractionError) as error:
        cv.extract_text(data, max_bytes=LIMIT, limits=ZIP)
    assert error.value.problem == cv.Problem.UNKNOWN_TYPE


def test_a_pdf_without_text_says_so():
    with pytest.raises(cv.ExtractionError) as error:
        cv.extract_text(pdf_bytes(""), max_bytes=LIMIT, limits=ZIP)
    assert error.value.problem == cv.Problem.NO_TEXT


def test_empty_file():
    with pytest.raises(cv.ExtractionError) as error:
        cv.extract_text(b"", max_bytes=LIMIT, limits=ZIP)
    assert error.value.problem == cv.Problem.EMPTY
