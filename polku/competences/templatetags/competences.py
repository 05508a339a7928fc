"""Template filters of the competence profile: language names in the reader's language."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry
from django import template
from django.utils.translation import get_language

from polku.competences.forms import SKILL_LABELS

register = template.Library()


@cache
def _names(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)


@register.filter
def language_name(code: str) -> str:
    """ "fi" → "suomi" / "finska" / "Finnish" (pycountry's ISO 639 names), the code when unknown."""
    found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    if found is None:
        return code
    name = _names((get_language() or "en")[:2]).gettext(found.name)
    return name[:1].upper() + name[1:]


@register.filter
def skill_levels(language_skill) -> str:
    return (
        ", ".join(
            f"{label} {getattr(language_skill, name)}"
            for name, label in SKILL_LABELS.items()
            if getattr(language_skill, name)
        )
        or "–"
    )
