from __future__ import annotations

from django import template

from polku.core.names import country_name as _country_name
from polku.core.names import language_name as _language_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """`{{ partner.country|country_name }}`: "Ruotsi" for SE in Finnish."""
    return _country_name(code)


@register.filter
def language_name(code: str) -> str:
    """`{{ skill.language|language_name }}`: "persia" for fa in Finnish, "Dari" for prs."""
    return _language_name(code)
