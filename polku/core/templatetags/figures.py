"""Template filters for published figures (polku.suppression.Figure), for every app that shows them: a hidden
count reads as a dash with a spoken explanation; a report cell may be a figure, a number or text."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from polku.suppression import Figure

register = template.Library()


@register.filter
def figure(value: Figure | None) -> SafeString:
    if value is None:
        return format_html('<span class="help">{}</span>', _("not tracked yet"))
    if value.hidden:
        return format_html(
            '<abbr title="{title}">–</abbr><span class="visually-hidden"> {title}</span>',
            title=_("hidden (small numbers)"),
        )
    return format_html("{}", value.value)


@register.filter
def get(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.filter
def cell(value: Any) -> SafeString:
    """A report cell: a Figure (or None, not tracked) as `figure`, plain numbers and text as they are."""
    if value is None or isinstance(value, Figure):
        return figure(value)
    return format_html("{}", value)
