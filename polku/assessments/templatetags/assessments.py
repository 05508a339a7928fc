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


@register.simple_tag
def assessment_summaries(person):  # type: ignore[no-untyped-def]
    """The person's latest self-assessment summary (for `assessments/_profile_section.html`)."""
    from polku.assessments.selectors import latest_summary

    return latest_summary(person)
