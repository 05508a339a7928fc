"""Countries and languages by their names in the reader's language (Babel's CLDR data), never by code:
"Ruotsi" / "Sverige" / "Sweden" for SE. The ISO code stays the stored value."""

from __future__ import annotations

from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language


def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or get_language() or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def country_name(code: str, language: str | None = None) -> str:
    """The country of an ISO 3166 alpha-2 code in `language` (the active one when not given); the code
    itself only for a code CLDR does not know."""
    if not code:
        return ""
    name = _locale(language).territories.get(code.upper())
    if name:
        return str(name)
    country = pycountry.countries.get(alpha_2=code.upper())
    return country.name if country else code


@cache
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    rows = [(c.alpha_2, country_name(c.alpha_2, language)) for c in pycountry.countries]
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every country as (code, name in the reader's language), by name, after an empty choice."""
    return [("", "—"), *_country_choices(language or get_language() or "en")]
