"""Hostile CVs: a DOCX whose document part unpacks far past its size, a truncated DOCX and a PDF whose
stream expands past pypdf's limits are refused with a clear message on the page and in the API, never
a server error. Each file is built here, at a size that keeps the test fast."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from polku.competences import cv
from polku.competences.models import ProfileSkill, SuggestionJob
from polku.competences.tests import factories as cf
from polku.core.archives import Reason, ZipLimits

LIMITS = ZipLimits(max_total=50_000_000, max_part=20_000_000, max_ratio=100, max_parts=1000)


def docx_with_document(document: bytes | None = None, *, repeat: tuple[bytes, int] | None = None) -> bytes:
    """A real DOCX whose word/document.xml is replaced: by `document`, or streamed as `chunk` × `times`."""
    source = zipfile.ZipFile(io.BytesIO(cf.docx_bytes("Forklift driver. Warehouse work")))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, source.read(info))
            elif document is not None:
                z.writestr(info.filename, document)
            else:
                assert repeat is not None
                chunk, times = repeat
                with z.open(info.filename, "w", force_zip64=True) as part:
                    part.write(
                        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    )
                    part.write(b"<w:body><w:p><w:r><w:t>")
                    for _ in range(times):
                        part.write(chunk)
                    part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def truncated_docx() -> bytes:
    whole = zipfile.ZipFile(io.BytesIO(cf.docx_bytes("Forklift driver. Warehouse work")))
    document = whole.read("word/document.xml")
    return docx_with_document(document[: len(document) // 2])


def pdf_with_tounicode_bomb(size: int) -> bytes:
    """A one-page PDF whose font's ToUnicode stream unpacks to `size` bytes from about a thousandth."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf (Forklift driver) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    cmap = DecodedStreamObject()
    cmap.set_data(b"%" + b"A" * size)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/ToUnicode"): writer._add_object(cmap.flate_encode()),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_docx_whose_document_part_unpacks_far_past_its_size_is_refused_before_parsing(monkeypatch):
    # The reported CV: 379 KB holding a 100 MB document part. Here 4 MB in a few kilobytes.
    bomb = docx_with_document(repeat=(b"a" * 65_536, 64))
    assert len(bomb) < 50_000
    monkeypatch.setattr(cv.docx, "Document", lambda *a: pytest.fail("the document was parsed"))
    with pytest.raises(cv.ExtractionError) as error:
        cv.extract_text(bomb, max_bytes=5_000_000, limits=LIMITS)
    assert error.value.problem == cv.Problem.TOO_BIG
    assert error.value.refused is not None and error.value.refused.reason == Reason.RATIO


def test_a_truncated_docx_is_damaged():
    with pytest.raises(cv.ExtractionError) as error:
        cv.extract_text(truncated_docx(), max_bytes=5_000_000, limits=LIMITS)
    assert error.value.problem == cv.Problem.DAMAGED


def test_a_pdf_stream_past_pypdfs_limit_is_damaged():
    # The reported PDF expanded to 400 MB; pypdf's limit is lowered here so the test stays small.
    with (
        pypdf.apply_configuration(zlib_maximum_output_length=500_000),
        pytest.raises(cv.ExtractionError) as error,
    ):
        cv.extract_text(pdf_with_tounicode_bomb(1_000_000), max_bytes=5_000_000, limits=LIMITS)
    assert error.value.problem == cv.Problem.DAMAGED


def _post_cv(client, world, data: bytes):
    client.force_login(world.user_a)
    return client.post(
        reverse("competences:suggest", args=[world.part_a.person_id]),
        {"file": SimpleUploadedFile("cv.docx", data), "language": "en", "upload": "1"},
    )


def test_a_participant_uploading_a_docx_bomb_is_told_the_limit(client, world):
    response = _post_cv(client, world, docx_with_document(repeat=(b"a" * 65_536, 64)))
    assert response.status_code == 400
    assert "times its packed size" in response.content.decode()
    assert not SuggestionJob.objects.exists() and not ProfileSkill.objects.exists()


def test_a_docx_with_a_part_over_the_size_limit_names_the_limit(client, world, settings):
    settings.POLKU_UPLOAD_MAX_PART = 100_000
    big = docx_with_document(("<w:t>" + "Forklift driver, warehouse. " * 5000 + "</w:t>").encode())
    response = _post_cv(client, world, big)
    assert response.status_code == 400
    assert "at most 97.7\xa0KB is accepted for one part" in response.content.decode()


def test_a_truncated_docx_is_a_clear_error_not_a_500(client, world):
    response = _post_cv(client, world, truncated_docx())
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_a_pdf_bomb_through_the_api_is_a_400(client, world):
    client.force_login(world.user_a)
    with pypdf.apply_configuration(zlib_maximum_output_length=500_000):
        response = client.post(
            reverse("api:competences-cv", args=[world.part_a.person_id]),
            {"file": SimpleUploadedFile("cv.pdf", pdf_with_tounicode_bomb(1_000_000)), "language": "en"},
        )
    assert response.status_code == 400
    assert "could not be read" in str(response.json())
