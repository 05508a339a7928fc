"""The PDF font helper (polku.core.pdf): Unicode fonts and text shaping, so Arabic letters join."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont
from pypdf import PdfReader

from polku.core.pdf import (
    font_cache_dir,
    needs_shaping,
    pdf_text,
    shaping_available,
    static_fonts,
    unicode_fonts,
    use_unicode_fonts,
)
from polku.testing.asserts import present

ARABIC_NAME = "أمينة يوسف"
# Positional forms of Arabic letters in Noto Sans Arabic: joined text uses them, unjoined text does not.
POSITIONAL = (".init", ".medi", ".fina")


def _arabic_glyphs(shaping: bool) -> list[str]:
    pdf = FPDF()
    family, clean = use_unicode_fonts(pdf)
    pdf.add_page()
    pdf.set_font(family, size=11)
    text = clean(f"Name: {ARABIC_NAME}") if shaping else f"Name: {ARABIC_NAME}"
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output()
    font = pdf.fonts["noto-arabic"]
    assert isinstance(font, TTFFont)
    return [present(glyph).glyph_name for glyph, _id in font.subset.items()]


def test_the_fonts_and_uharfbuzz_are_installed():
    assert [family for family, _font in unicode_fonts()] == ["noto", "noto-arabic"]
    assert shaping_available()


def test_text_shaping_turns_on_with_the_first_text_that_needs_it():
    pdf = FPDF()
    _family, clean = use_unicode_fonts(pdf)
    assert clean("Työ – Åsa, Ωμέγα, Привет") == "Työ – Åsa, Ωμέγα, Привет"
    assert not pdf.text_shaping  # Latin, Greek and Cyrillic look the same unshaped, and twice as fast
    assert clean(ARABIC_NAME) == ARABIC_NAME
    assert pdf.text_shaping and pdf.text_shaping["use_shaping_engine"]
    pdf.add_page()
    pdf.output()  # fpdf2 closes the font files it opened when it writes the document


def test_needs_shaping():
    assert not needs_shaping("Työ – Åsa Łódź “x” 2026 €")
    assert needs_shaping(ARABIC_NAME) and needs_shaping("שלום") and needs_shaping("हिन्दी")
    assert needs_shaping("e\u0301")  # a combining accent


def test_the_variable_fonts_are_instanced_once_into_static_files():
    fonts = dict(static_fonts())
    assert set(fonts) == {"noto", "noto-arabic"}
    for paths in fonts.values():
        assert set(paths) == {"", "B"}
        for path in paths.values():
            assert Path(path).parent == font_cache_dir() and Path(path).stat().st_size > 100_000
    pdf = FPDF()
    use_unicode_fonts(pdf)
    for key in ("noto", "notoB", "noto-arabic", "noto-arabicB"):
        font = pdf.fonts[key]
        assert isinstance(font, TTFFont)
        assert "fvar" not in font.ttfont  # a static font: nothing is instanced per document
    pdf.add_page()
    pdf.output()


def test_arabic_letters_take_their_joined_forms():
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
