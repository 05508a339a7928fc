"""Countries and languages by their names in the reader's language (Babel's CLDR data), never by code:
"Ruotsi" / "Sverige" / "Sweden" for SE. The ISO code stays the stored value."""

from __future__ import annotations

import gettext
from functools import cache
from typing import Any

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


# --- languages ---------------------------------------------------------------------------------------------
# A language is stored by its ISO 639 code: the two-letter ISO 639-1 code where there is one ("fi", "fa",
# "ti"), else the three-letter ISO 639-3 code ("prs" for Dari). Matching compares these codes, so one
# language has one code everywhere. Names come from CLDR through Babel (in the reader's language), then
# from pycountry's ISO 639-3 translations.

# Languages CLDR has no name for but people in Polku's programmes speak (CLDR writes Dari as "fa_AF").
EXTRA_LANGUAGES = ("prs", "kmr", "fse", "swl")
# Other names people write for a language, in any of Polku's languages (the names CLDR and ISO 639 give are
# found without this table).
LANGUAGE_ALIASES = {
    "farsi": "fa",
    "persian": "fa",
    "dari": "prs",
    "dari persian": "prs",
    "darin kieli": "prs",
    "kurmanji": "kmr",
    "kurmandschi": "kmr",
    "sorani": "ckb",
    "tigrinja": "ti",
    "tigrinya": "ti",
    "filipino": "fil",
    "tagalog": "tl",
}


def canonical_language(code: str) -> str | None:
    """The stored code of an ISO 639 code in either form ("fin" → "fi", "prs" → "prs"); None if unknown."""
    code = (code or "").strip().lower().replace("_", "-").split("-")[0]
    if not code.isalpha() or len(code) not in (2, 3):
        return None
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    if found is None and len(code) == 3:
        found = pycountry.languages.get(bibliographic=code)  # "per", "ger", "fre"
    if found is None:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3


@cache
def _iso639_names(language: str) -> Any:
    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def language_name(code: str, language: str | None = None) -> str:
    """The language of an ISO 639 code in `language` (the active one when not given): "fi" → "suomi" /
    "finska" / "Finnish", "prs" → "Dari"; the code itself only for a code ISO 639 does not know."""
    if not code:
        return ""
    stored = canonical_language(code)
    if stored is None:
        return code
    locale = _locale(language)
    name = locale.languages.get(stored)
    if not name:
        found = pycountry.languages.get(alpha_2=stored) if len(stored) == 2 else None
        found = found or pycountry.languages.get(alpha_3=stored)
        name = _iso639_names(locale.language).gettext(found.name) if found else stored
    return name[:1].upper() + name[1:]


@cache
def _language_choices(language: str) -> tuple[tuple[str, str], ...]:
    codes = {canonical_language(str(code)) for code in Locale.parse("en").languages if str(code).isalpha()}
    codes |= set(EXTRA_LANGUAGES)
    rows = {(code, language_name(code, language)) for code in codes if code}
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


def language_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every language with a name as (code, name in the reader's language), by name."""
    return list(_language_choices(language or get_language() or "en"))


@cache
def _language_index() -> dict[str, str]:
    """Lower-cased names in fi, sv and en (CLDR, ISO 639 and the aliases) → code."""
    index: dict[str, str] = {}
    for lang in ("en", "sv", "fi"):
        for code, name in _language_choices(lang):
            index.setdefault(name.casefold(), code)
    return index | LANGUAGE_ALIASES


def resolve_language(text: str) -> str | None:
    """The code of a language written by its name (in Finnish, Swedish or English, or a common other name:
    "Farsi", "Dari") or by its ISO 639 code; None when it is neither. A name wins over a code, so "Dari" is
    never read as the code "dar"."""
    words = " ".join((text or "").split()).casefold()
    if not words:
        return None
    found = _language_index().get(words)
    if found:
        return found
    code = canonical_language(words) if len(words) in (2, 3) else None
    return code if code and code in dict(_language_choices("en")) else None


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for lang in ("en", "sv", "fi"):
        for code, name in _country_choices(lang):
            index.setdefault(name.casefold(), code)
    for country in pycountry.countries:
        index.setdefault(country.name.casefold(), country.alpha_2)
        if hasattr(country, "common_name"):
            index.setdefault(country.common_name.casefold(), country.alpha_2)
    return index


def resolve_country(text: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country written by its name (Finnish, Swedish or English) or code."""
    words = " ".join((text or "").split()).casefold()
    if not words:
        return None
    found = _country_index().get(words)
    if found:
        return found
    if len(words) in (2, 3):
        country = (
            pycountry.countries.get(alpha_2=words.upper())
            if len(words) == 2
            else pycountry.countries.get(alpha_3=words.upper())
        )
        return country.alpha_2 if country else None
    return None


# Codes that the old free-text language field made from the first three letters of a name: "Dari" → "dar"
# (Dargwa), "Farsi" → "far" (Fataleka), "Tigrinya" → "tig" (Tigre), and Persian's other ISO codes.
MISREAD_LANGUAGE_CODES = {"dar": "prs", "far": "fa", "fas": "fa", "per": "fa", "tig": "ti"}


def repair_language_code(code: str) -> tuple[str, bool]:
    """A stored language code made right: (the code to keep, whether it is certain). Known misreadings of
    names become the language meant; three-letter codes of languages with a two-letter code become that
    ("fin" → "fi"); a code of a language outside the list ("kli" from "Klingon") is kept but uncertain."""
    raw = (code or "").strip().lower()
    if raw in MISREAD_LANGUAGE_CODES:
        return MISREAD_LANGUAGE_CODES[raw], True
    stored = canonical_language(raw)
    if stored is None:
        return raw, False
    return stored, stored in dict(_language_choices("en"))
