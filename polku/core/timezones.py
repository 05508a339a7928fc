"""Time zones as people read them: "Sweden – Stockholm" / "Sverige – Stockholm" / "Ruotsi – Tukholma" (Babel's
CLDR names of the country and the city in the reader's language) instead of the IANA name "Europe/Stockholm",
which stays the stored value."""

from __future__ import annotations

import zoneinfo
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location
from django.utils.translation import get_language


def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@cache
def zone_label(name: str, language: str | None = None) -> str:
    """The zone as its country and city in `language` (the active language when not given): "Finland –
    Helsinki"; a zone of no country keeps its own name."""
    locale = _locale(language or get_language())
    try:
        city = str(get_timezone_location(get_timezone(name), locale=locale, return_city=True))
    except (LookupError, ValueError):
        city = name.split("/")[-1].replace("_", " ")
    territory = get_global("zone_territories").get(name)
    country = locale.territories.get(territory) if territory and territory != "001" else None
    if not country:
        return city
    return country if country == city else f"{country} – {city}"


@cache
def _choices(language: str) -> list[tuple[str, str]]:
    aliases = get_global("zone_aliases")  # old names of a zone ("Europe/Kiev"): one entry per zone
    names = [
        n
        for n in zoneinfo.available_timezones()
        if "/" in n and n not in aliases and not n.startswith(("Etc/", "SystemV/", "US/"))
    ]
    labelled = [(name, zone_label(name, language)) for name in names]
    return sorted(labelled, key=lambda item: item[1].casefold())


def zone_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every IANA zone with a readable label in the reader's language, sorted by the label."""
    return _choices(language or get_language() or "en")
