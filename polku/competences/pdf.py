"""The competence profile as a PDF (fpdf2), in a Unicode font so that ä, ö, å and Arabic or Cyrillic
names print as written, Arabic joined (fonts and text shaping: polku.core.pdf).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from polku.competences.forms import SKILL_LABELS
from polku.core.pdf import use_unicode_fonts

if TYPE_CHECKING:
    from polku.competences.selectors import Profile
    from polku.participants.models import Person


class _Writer:
    def __init__(self) -> None:
        self.pdf = FPDF(orientation="portrait", format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.family, self.clean = use_unicode_fonts(self.pdf)
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


def profile_pdf_filename(person: Person) -> str:
    return f"competences-{person.pk}.pdf"


def _skill_labels() -> list[tuple[str, str]]:
    return [(name, str(label)) for name, label in SKILL_LABELS.items()]
