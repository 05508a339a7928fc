"""What the learning pages share: the language to show."""

from __future__ import annotations

from django.utils.translation import get_language


def page_language() -> str:
    """The two-letter code of the language the page is shown in."""
    return (get_language() or "en")[:2]
