"""The PDF font helper (polku.core.pdf): Unicode fonts and text shaping, so Arabic letters join."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.fonts import TTFFont
from pypdf import PdfReader

from polku.core.pdf import pdf_text, shaping_available, unicode_fonts, use_unicode_fonts
from polku.testing.asserts import present

ARABIC_NAME = "أمينة يوسف"
# Positional forms of Arabic letters in Noto Sans Arabic: joined text uses them, unjoined text does not.
POSITIONAL = (".init", ".medi", ".fina")


def _arabic_glyphs(shaping: bool) -> list[str]:
    pdf = FPDF()
    family, _clean = use_unicode_fonts(pdf)
    if not shaping:
        pdf.text_shaping = None
    pdf.add_page()
    pdf.set_font(family, size=11)
    pdf.multi_cell(0, 6, f"Name: {ARABIC_NAME}", new_x="LMARGIN", new_y="NEXT")
    pdf.output()
    font = pdf.fonts["noto-arabic"]
    assert isinstance(font, TTFFont)
    return [present(glyph).glyph_name for glyph, _id in font.subset.items()]


def test_the_fonts_and_uharfbuzz_are_installed():
    assert [family for family, _font in unicode_fonts()] == ["noto", "noto-arabic"]
    assert shaping_available()


def test_text_shaping_is_on_and_arabic_letters_take_their_joined_forms():
    pdf = FPDF()
    use_unicode_fonts(pdf)
    assert pdf.text_shaping and pdf.text_shaping["use_shaping_engine"]
    pdf.add_page()
    pdf.output()  # fpdf2 closes the font files it opened when it writes the document
    shaped = _arabic_glyphs(shaping=True)
    assert any(name.endswith(POSITIONAL) for name in shaped)
    assert {"uni0645.init", "uni0633.init"} <= set(shaped)  # م and س starting their words, joined
    # without shaping, the same text uses the isolated letters only (what printed before)
    assert not any(name.endswith(POSITIONAL) for name in _arabic_glyphs(shaping=False))


def test_a_shaped_pdf_keeps_latin_text_extractable():
    pdf = FPDF()
    family, clean = use_unicode_fonts(pdf)
    pdf.add_page()
    pdf.set_font(family, size=11)
    pdf.multi_cell(0, 6, clean(f"Työ – Åsa {ARABIC_NAME} Python"), new_x="LMARGIN", new_y="NEXT")
    text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
    assert "Työ – Åsa" in text and "Python" in text


def test_core_font_text_keeps_nordic_letters():
    assert pdf_text("Työ – Åsa “x” Łódź") == 'Työ - Åsa "x" ?ódź'.replace("ź", "z")
