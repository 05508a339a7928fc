"""Sections a page of a lower app shows on behalf of the apps above it.

A page such as the project page belongs to one app (`projects`) but shows what apps above it own (the
targets and activities of `activities`, the privacy notices of `consent`). The page's app keeps one
`SectionRegistry`; an app above registers its section once, in its AppConfig.ready():

    from polku.projects.sections import project_sections

    project_sections.register(
        "activities",
        template="activities/_project_activities.html",
        context=project_activities_section,  # called with the page's keyword arguments
        order=20,
    )

The page calls `registry.sections(project=…, access=…, request=…)` and includes each section's template
with `section` set to the context the function returned, in the order of `order` (then name), grouped by
`place` (the spots the page offers, "main" unless the page names others). A function returning None leaves
the section out for that object or reader; it is responsible for its own access checks and audit entries.
The lower app imports nothing of the apps that register, so the order of the house holds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionContext = Callable[..., dict[str, Any] | None]


@dataclass(frozen=True)
class SectionSpec:
    name: str
    template: str
    context: SectionContext
    order: int = 100
    place: str = "main"


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: dict[str, Any]


class SectionRegistry:
    """The sections registered for one page (or one kind of page)."""

    def __init__(self, page: str, *, places: tuple[str, ...] = ("main",)) -> None:
        self.page = page
        self.places = places
        self._specs: dict[str, SectionSpec] = {}
        self._lock = threading.Lock()

    def register(
        self, name: str, *, template: str, context: SectionContext, order: int = 100, place: str = "main"
    ) -> None:
        if place not in self.places:
            raise ValueError(f"the {self.page} page has no place {place!r} (it has {', '.join(self.places)})")
        spec = SectionSpec(name=name, template=template, context=context, order=order, place=place)
        with self._lock:
            existing = self._specs.get(name)
            if existing is not None and existing != spec:
                raise ValueError(f"{self.page} section {name!r} is registered twice")
            self._specs[name] = spec

    def unregister(self, name: str) -> None:
        with self._lock:
            self._specs.pop(name, None)

    def names(self) -> list[str]:
        return [spec.name for spec in self._ordered()]

    def sections(self, **page: Any) -> dict[str, list[Section]]:
        """The sections to show, per place; every place of the page is a key, empty when nothing shows."""
        found: dict[str, list[Section]] = {place: [] for place in self.places}
        for spec in self._ordered():
            context = spec.context(**page)
            if context is not None:
                found[spec.place].append(Section(name=spec.name, template=spec.template, context=context))
        return found

    def _ordered(self) -> list[SectionSpec]:
        with self._lock:
            specs = list(self._specs.values())
        return sorted(specs, key=lambda s: (s.order, s.name))
