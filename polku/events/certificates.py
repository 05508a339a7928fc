"""Attendance certificates as PDF (fpdf2, Unicode fonts from polku.core.pdf so that every name prints as
written), only for registrations marked attended."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

from polku.core.errors import ApplicationError
from polku.core.pdf import use_unicode_fonts
from polku.events.models import Registration


def certificate_pdf(registration: Registration) -> bytes:
    """A one-page certificate that the holder attended the event; refused unless they did."""
    if registration.attendance != Registration.Attendance.ATTENDED:
        raise ApplicationError(_("A certificate is only given to those who attended the event."))
    event = registration.event
    activity = event.activity
    pdf = FPDF(orientation="portrait", format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    family, clean = use_unicode_fonts(pdf)
    pdf.add_page()
    pdf.set_title(clean(_("Certificate of attendance")))
    pdf.ln(30)
    pdf.set_font(family, "B", 24)
    pdf.multi_cell(0, 14, clean(_("Certificate of attendance")), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font(family, "B", 18)
    pdf.multi_cell(0, 10, clean(registration.name), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(family, "", 12)
    pdf.multi_cell(0, 8, clean(_("attended the event")), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "B", 14)
    pdf.multi_cell(0, 9, clean(event.title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 12)
    start = event.starts_at.astimezone(event.zone)
    end = event.ends_at.astimezone(event.zone)
    when = f"{formats.date_format(start, 'DATE_FORMAT')} {start:%H:%M}–{end:%H:%M}"
    pdf.multi_cell(0, 8, clean(when), align="C", new_x="LMARGIN", new_y="NEXT")
    if event.venue:
        pdf.multi_cell(0, 8, clean(event.venue), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(16)
    organiser = activity.partner.organisation.name if activity.partner else ""
    lines = [_("Project: %(name)s") % {"name": activity.project.name}]
    if organiser:
        lines.append(_("Organised by %(name)s") % {"name": organiser})
    for line in lines:
        pdf.multi_cell(0, 7, clean(line), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def certificate_filename(registration: Registration) -> str:
    event = registration.event
    return f"certificate-{event.starts_at.astimezone(event.zone):%Y%m%d}.pdf"
