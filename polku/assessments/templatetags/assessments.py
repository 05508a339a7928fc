"""`{{ text|local }}`: a framework text (polku.assessments.frameworks.Text) in the page's language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from polku.assessments.frameworks import Text

register = template.Library()


@register.filter
def local(text: Text | None) -> str:
    if text is None:
        return ""
    return text.get(get_language())
