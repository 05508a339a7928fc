"""Sections other apps add to the competence profile page (self-assessments, learning plans, …).

An app registers a section once, e.g. in its AppConfig.ready():

    from polku.competences.sections import register_section

    register_section(
        "assessments",
        template="assessments/_profile_section.html",
        context=lambda person, access, request: {"results": latest_results(person)},
        order=20,
    )

The profile page (and its print view) includes `template` with the context the function returns, below
the skills, languages, education and work; a function returning None leaves the section out for that
person or reader. The function is responsible for its own access checks and audit entries.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionContext = Callable[[Any, Any, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class SectionSpec:
    name: str
    template: str
    context: SectionContext
    order: int = 100


@dataclass(frozen=True)
class ProfileSection:
    name: str
    template: str
    context: dict[str, Any]


_sections: dict[str, SectionSpec] = {}
_lock = threading.Lock()


def register_section(name: str, *, template: str, context: SectionContext, order: int = 100) -> None:
    with _lock:
        existing = _sections.get(name)
        spec = SectionSpec(name=name, template=template, context=context, order=order)
        if existing is not None and existing != spec:
            raise ValueError(f"profile section {name!r} is registered twice")
        _sections[name] = spec


def unregister_section(name: str) -> None:
    with _lock:
        _sections.pop(name, None)


def profile_sections(*, person: Any, access: Any, request: Any) -> list[ProfileSection]:
    found = []
    for spec in sorted(_sections.values(), key=lambda s: (s.order, s.name)):
        context = spec.context(person, access, request)
        if context is not None:
            found.append(ProfileSection(name=spec.name, template=spec.template, context=context))
    return found
