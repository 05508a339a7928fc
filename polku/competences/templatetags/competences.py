"""Template filters of the competence profile: language names in the reader's language."""

from __future__ import annotations

from django import template

from polku.competences.forms import SKILL_LABELS
from polku.core.names import language_name as _language_name

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """ "fi" → "suomi" / "finska" / "Finnish" (polku.core.names), the code when unknown."""
    return _language_name(code)


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
