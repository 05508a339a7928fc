from __future__ import annotations

from django import template

from polku.core.forms import SummaryItem, error_summary

register = template.Library()


@register.simple_tag
def error_summary_items(forms) -> list[SummaryItem]:
    """`{% error_summary_items forms as summary %}` for pages that pass their forms, not a summary."""
    return error_summary(*(forms or ()))
