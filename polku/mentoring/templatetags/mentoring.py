"""Small filters of the mentoring pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from polku.core.names import language_name
from polku.mentoring.models import Kind

register = template.Library()


@register.filter
def get(mapping: dict, key: str) -> Any:
    return mapping.get(key, key)


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(float(value) * 100)} %"


def _field(part: Any, name: str) -> Any:
    return part.get(name) if isinstance(part, dict) else getattr(part, name, None)


def _words(part: Any, items: Any) -> str:
    """The items of a reason in words: languages by name, kinds of mentoring by label, who asked whom."""
    criterion = _field(part, "criterion")
    items = list(items or [])
    if criterion == "language":
        words = [language_name(code) for code in items]
    elif criterion == "goals":
        kinds = dict(Kind.choices)
        words = [str(kinds.get(item, item)) for item in items]
    elif criterion == "wishes":
        asked = {
            "left asked": gettext("the mentee asked for this mentor"),
            "right asked": gettext("the mentor asked for this mentee"),
        }
        words = [asked.get(item, item) for item in items]
    elif criterion == "location":
        words = [
            gettext("%(hours)s hours apart") % {"hours": item.split()[0]}
            if item.endswith(" h apart")
            else item
            for item in items
        ]
    else:
        words = [str(item) for item in items]
    return ", ".join(words)


@register.filter
def matched_words(part: Any) -> str:
    return _words(part, _field(part, "matched"))


@register.filter
def missing_words(part: Any) -> str:
    return _words(part, _field(part, "missing"))
