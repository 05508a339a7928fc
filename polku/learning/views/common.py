"""What the learning pages share: the language to show, and the status of a page with a form."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import get_language


def page_language() -> str:
    """The two-letter code of the language the page is shown in."""
    return (get_language() or "en")[:2]


def response_status(request: HttpRequest, form_ok: bool = True) -> int:
    """400 for a POST whose form did not validate, else 200."""
    return 400 if request.method == "POST" and not form_ok else 200
