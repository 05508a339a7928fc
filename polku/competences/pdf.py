"""The competence profile as a PDF (fpdf2), in a Unicode font so that ä, ö, å and Arabic or Cyrillic
names print as written.

The fonts are Noto Sans and Noto Sans Arabic from the PyPI packages fontpkg-noto-sans and
fontpkg-noto-sans-arabic (dependencies; Latin, Cyrillic, Greek, Arabic), with Debian's DejaVu Sans as a
second choice; without any, the PDF core font with the letters it lacks simplified
(polku.dashboards.exports.pdf_text). Arabic letters print without joining (text shaping needs uharfbuzz).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from polku.dashboards.exports import pdf_text

if TYPE_CHECKING:
    from polku.competences.selectors import Profile

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


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
        files = sorted((Path(package.__file__).parent / "files").glob("*[[]wdth,wght[]].ttf"))
        files = [f for f in files if "Italic" not in f.name]
        if files:
            found.append((family, Font(str(files[0]), styles)))
    if not found and Path(DEJAVU).exists():
        found.append(("dejavu", Font(DEJAVU)))
    return found


class _Writer:
    def __init__(self) -> None:
        self.pdf = FPDF(orientation="portrait", format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        fonts = unicode_fonts()
        if fonts:
            for family, font in fonts:
                for style in ("", "B"):
                    variations = font.variations[style] if font.variations else None
                    self.pdf.add_font(family, style, font.path, variations=variations)
            self.pdf.set_fallback_fonts([family for family, _font in fonts[1:]])
            self.family, self.clean = fonts[0][0], (lambda text: text)
        else:
            self.family, self.clean = "helvetica", pdf_text
        self.pdf.add_page()

    def heading(self, text: str, size: int = 13) -> None:
        self.pdf.ln(3)
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, 8, self.clean(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font(self.family, size=10)

    def line(self, text: str, bold: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", 10)
        self.pdf.multi_cell(0, 6, self.clean(text), new_x="LMARGIN", new_y="NEXT")


def profile_pdf(profile: Profile) -> bytes:
    w = _Writer()
    person = profile.person
    w.pdf.set_title(w.clean(_("Competence profile: %(name)s") % {"name": person.full_name}))
    w.heading(_("Competence profile"), 16)
    w.line(person.full_name, bold=True)
    w.line(_("Printed on %(date)s") % {"date": timezone.localdate().isoformat()})
    w.heading(_("Skills"))
    if profile.confirmed:
        for row in profile.confirmed:
            w.line(f"• {row.label}")
    else:
        w.line(_("No confirmed skills yet."))
    w.heading(_("Languages"))
    if profile.languages:
        for lang in profile.languages:
            details = ", ".join(
                f"{label} {getattr(lang, name)}" for name, label in _skill_labels() if getattr(lang, name)
            )
            w.line(f"{lang.language}: {lang.get_level_display()}" + (f" ({details})" if details else ""))
    else:
        w.line(_("No languages recorded."))
    w.heading(_("Education"))
    if profile.educations:
        for edu in profile.educations:
            parts = [
                edu.title or edu.get_level_display(),
                edu.institution,
                edu.country,
                str(edu.year_completed or ""),
            ]
            w.line(" – ".join(p for p in parts if p))
            if edu.title:
                w.line(
                    f"   {edu.get_level_display()}"
                    + (f", {edu.get_isced_field_display()}" if edu.isced_field else "")
                )
    else:
        w.line(_("No education recorded."))
    w.heading(_("Work experience"))
    if profile.occupations:
        for occ in profile.occupations:
            years = "–".join(str(y) for y in (occ.held.start_year, occ.held.end_year) if y)
            parts = [occ.label, occ.held.employer, occ.held.country, years]
            w.line(" – ".join(p for p in parts if p))
    else:
        w.line(_("No work experience recorded."))
    w.pdf.ln(4)
    w.pdf.set_font(w.family, size=8)
    w.pdf.multi_cell(
        0,
        5,
        w.clean(_("Skills and occupations: ESCO classification, © European Union, CC BY 4.0.")),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(w.pdf.output())


def _skill_labels() -> list[tuple[str, str]]:
    from polku.competences.forms import SKILL_LABELS

    return [(name, str(label)) for name, label in SKILL_LABELS.items()]
