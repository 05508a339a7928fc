"""The QR code of a registration: an inline SVG (segno) of the organiser's check-in address with the
registration's code, which a phone camera on the check-in page reads. Accessible: `role="img"` with a
label, and the code is also printed under it for typing."""

from __future__ import annotations

import io
import re

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from polku.events.models import Registration


def check_in_url(registration: Registration) -> str:
    """The check-in page of the registration's event with its code: what the QR code holds."""
    path = reverse("events:check_in", args=[registration.event_id])
    return f"{settings.POLKU_SITE_URL}{path}?code={registration.code}"


def qr_svg(registration: Registration, *, scale: int = 5) -> SafeString:
    """The QR code as an inline SVG element, labelled for screen readers."""
    code = segno.make(check_in_url(registration), error="m")
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, scale=scale, border=2, svgclass="qr-code")
    svg = buffer.getvalue().decode()
    label = escape(_("QR code for checking in to %(title)s") % {"title": registration.event.title})
    svg = re.sub(r"^<svg ", f'<svg role="img" aria-label="{label}" ', svg, count=1)
    return mark_safe(svg)  # noqa: S308 - segno's own markup, with the label escaped above
