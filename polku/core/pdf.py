"""Fonts of Polku's PDFs (fpdf2): one helper for the competence profile and the funder report.

The fonts are Noto Sans and Noto Sans Arabic from the PyPI packages fontpkg-noto-sans and
fontpkg-noto-sans-arabic (Latin, Cyrillic, Greek, Arabic), with Debian's DejaVu Sans as a second choice;
without any, the PDF core font with the letters it lacks simplified (pdf_text). With uharfbuzz installed
(a dependency) text shaping is on: Arabic letters join and right-to-left runs are ordered (fpdf2's
`set_text_shaping`).

Speed (bench/report_pdf.py): fpdf2 instances a variable font each time it is added to a document, which
took about 7 s per PDF. The static instances are made once and kept as files in a cache folder
(`font_cache_dir()`, shared by the processes of one user; written atomically), so a PDF opens plain TTF
files. Shaping with HarfBuzz costs about as much again as writing the text, and Latin, Cyrillic and Greek
text look the same without it, so it is switched on only when a text that needs it (Arabic, Hebrew, Indic
scripts, combining marks) passes through the function `use_unicode_fonts` returns.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools import ttLib
from fontTools.varLib import instancer
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


def font_cache_dir() -> Path:
    """Where the static instances of the variable fonts are kept (one folder per system user)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"polku-fonts-{uid}"


def _static_instance(font: Font, style: str) -> str:
    """The path of `font` instanced at `style`'s axes: made once (about 3 s for Noto Sans), then reused."""
    assert font.variations is not None
    axes = font.variations[style]
    source = Path(font.path)
    stat = source.stat()
    tag = "-".join(f"{axis}{value:g}" for axis, value in sorted(axes.items()))
    target = font_cache_dir() / f"{source.stem.split('[')[0]}-{tag}-{stat.st_size}-{int(stat.st_mtime)}.ttf"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        ttfont = ttLib.TTFont(str(source), recalcTimestamp=False)
        instancer.instantiateVariableFont(ttfont, axes, inplace=True, static=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            ttfont.save(out)
        os.replace(temporary, target)  # atomic: another process never reads half a file
    return str(target)


STYLES = ("", "B")


@cache
def static_fonts() -> tuple[tuple[str, dict[str, str]], ...]:
    """(family, {style: path of a static TTF}) of `unicode_fonts()`, instanced once per process at most."""
    found = []
    for family, font in unicode_fonts():
        paths = {style: _static_instance(font, style) if font.variations else font.path for style in STYLES}
        found.append((family, paths))
    return tuple(found)


_SHAPED_RANGES = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x0FFF), (0x1000, 0x109F), (0xFB1D, 0xFEFC))


def needs_shaping(text: str) -> bool:
    """True when `text` has letters that look wrong unshaped: right-to-left scripts (Hebrew, Arabic,
    Syriac, Thaana), Indic, Thai, Lao, Tibetan, Myanmar, presentation forms, or combining marks."""
    for char in text:
        code = ord(char)
        if code < 0x0300:
            continue
        if any(low <= code <= high for low, high in _SHAPED_RANGES) or unicodedata.combining(char):
            return True
    return False


def use_unicode_fonts(pdf: FPDF) -> tuple[str, Callable[[str], str]]:
    """Register the Unicode fonts on `pdf` (the first as the family, the others as fallbacks). Returns the
    family to `set_font` and the function every text must pass through before it is written: with a
    Unicode font it returns the text as it is and turns text shaping on (when uharfbuzz is there) the
    first time a text needs it, which is before that text is laid out (a table is laid out when its
    block ends); with the core font it is pdf_text."""
    fonts = static_fonts()
    if not fonts:
        return CORE_FAMILY, pdf_text
    for family, paths in fonts:
        for style, path in paths.items():
            pdf.add_font(family, style, path)
    pdf.set_fallback_fonts([family for family, _paths in fonts[1:]])
    shaping = shaping_available()

    def prepare(text: str) -> str:
        if shaping and not pdf.text_shaping and needs_shaping(text):
            pdf.set_text_shaping(use_shaping_engine=True)
        return text

    return fonts[0][0], prepare
