"""Fonts of Polku's PDFs (fpdf2): one helper for the competence profile and the funder report.

The fonts are Noto Sans and Noto Sans Arabic from the PyPI packages fontpkg-noto-sans and
fontpkg-noto-sans-arabic (Latin, Cyrillic, Greek, Arabic), with Debian's DejaVu Sans as a second choice;
without any, the PDF core font with the letters it lacks simplified (pdf_text). With uharfbuzz installed
(a dependency) text shaping is on: Arabic letters join and right-to-left runs are ordered (fpdf2's
`set_text_shaping`).
"""

from __future__ import annotations

import importlib
import importlib.util
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fpdf import FPDF

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CORE_FAMILY = "helvetica"

_REPLACEMENTS = {"–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "’": "'", "‘": "'", "…": "...", "€": "EUR"}


def pdf_text(text: str) -> str:
    """Text the PDF core fonts (Latin-1) can show: Finnish and Swedish letters as they are, a few
    typographic marks replaced, other letters without their accents, the rest as "?"."""
    out = []
    for char in text:
        char = _REPLACEMENTS.get(char, char)
        try:
            char.encode("latin-1")
        except UnicodeEncodeError:
            char = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1") or "?"
        out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class Font:
    path: str
    variations: dict[str, dict[str, float]] | None = None  # per style, for a variable font


@cache
def unicode_fonts() -> list[tuple[str, Font]]:
    """(family, font) of the Unicode fonts found: Noto Sans and Noto Sans Arabic from their PyPI packages
    (variable fonts, instanced at weight 400 and 700), else Debian's DejaVu Sans; empty when neither."""
    found: list[tuple[str, Font]] = []
    styles = {"": {"wght": 400.0, "wdth": 100.0}, "B": {"wght": 700.0, "wdth": 100.0}}
    for family, module in (("noto", "fontpkg_noto_sans"), ("noto-arabic", "fontpkg_noto_sans_arabic")):
        try:
            package = importlib.import_module(module)
        except ImportError:
            continue
        if package.__file__ is None:  # a namespace package has no folder of its own to look in
            continue
        files = sorted((Path(package.__file__).parent / "files").glob("*[[]wdth,wght[]].ttf"))
        files = [f for f in files if "Italic" not in f.name]
        if files:
            found.append((family, Font(str(files[0]), styles)))
    if not found and Path(DEJAVU).exists():
        found.append(("dejavu", Font(DEJAVU)))
    return found


@cache
def shaping_available() -> bool:
    return importlib.util.find_spec("uharfbuzz") is not None


def use_unicode_fonts(pdf: FPDF) -> tuple[str, Callable[[str], str]]:
    """Register the Unicode fonts on `pdf` (the first as the family, the others as fallbacks) and turn
    text shaping on when uharfbuzz is there. Returns the family to `set_font` and the function that
    prepares text for it (identity with a Unicode font, pdf_text with the core font)."""
    fonts = unicode_fonts()
    if not fonts:
        return CORE_FAMILY, pdf_text
    for family, font in fonts:
        for style in ("", "B"):
            variations = font.variations[style] if font.variations else None
            pdf.add_font(family, style, font.path, variations=variations)
    pdf.set_fallback_fonts([family for family, _font in fonts[1:]])
    if shaping_available():
        pdf.set_text_shaping(use_shaping_engine=True)
    return fonts[0][0], lambda text: text
