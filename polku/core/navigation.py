"""The main menu: entries that each app registers, grouped by the work they serve.

base.html shows no link of its own. Each app registers its entries once, in its AppConfig.ready():

    from polku.core.navigation import main_menu

    main_menu.register(
        "events",
        label=_("Events"),
        url="events:index",
        group="activities",
        visible=lambda access: access.can_use_events,
        order=20,
    )

`visible` is called with the reader's `Access` (accounts) and decides whom the entry is for; `label` may
be a function of the `Access` too, for an entry whose name depends on the reader ("My plan" or
"Development plans"). Staff see their entries under the groups of `GROUPS`; a participant's entries go
in the group "mine" and are shown flat, the few with `primary=True` in the top bar and the rest one tap
away on their home. The menu of one reader is `main_menu.for_reader(access, path)`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Label = str | Promise | Callable[[Any], str]
Visible = Callable[[Any], bool]

GROUPS: tuple[tuple[str, Promise], ...] = (
    ("people", _("People")),
    ("activities", _("Activities and events")),
    ("matching", _("Matching")),
    ("outcomes", _("Outcomes and reports")),
    ("knowledge", _("Knowledge")),
    ("settings", _("Settings")),
    ("mine", _("My things")),
)
GROUP_KEYS = frozenset(key for key, _label in GROUPS)


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: Label
    url: str  # a URL name, reversed without arguments
    group: str
    visible: Visible
    order: int = 100
    primary: bool = False  # in the participant's top bar (only for the group "mine")


@dataclass(frozen=True)
class MenuLink:
    key: str
    label: str
    href: str
    current: bool
    primary: bool


@dataclass(frozen=True)
class MenuGroup:
    key: str
    label: str
    links: tuple[MenuLink, ...]

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)

    @property
    def primary_count(self) -> int:
        """How many of the links go in a participant's top bar; the rest are under "More"."""
        return sum(link.primary for link in self.links)

    @property
    def secondary_current(self) -> bool:
        return any(link.current and not link.primary for link in self.links)


class NavRegistry:
    def __init__(self) -> None:
        self._entries: dict[str, NavEntry] = {}
        self._lock = threading.Lock()

    def register(
        self,
        key: str,
        *,
        label: Label,
        url: str,
        group: str,
        visible: Visible,
        order: int = 100,
        primary: bool = False,
    ) -> None:
        if group not in GROUP_KEYS:
            raise ValueError(
                f"menu entry {key!r}: no group {group!r} (groups: {', '.join(sorted(GROUP_KEYS))})"
            )
        entry = NavEntry(key, label, url, group, visible, order, primary)
        with self._lock:
            existing = self._entries.get(key)
            if existing is not None and (existing.url, existing.group) != (url, group):
                raise ValueError(f"menu entry {key!r} is registered twice")
            self._entries[key] = entry

    def unregister(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def entries(self) -> list[NavEntry]:
        return sorted(self._entries.values(), key=lambda e: (e.order, e.key))

    def for_reader(self, access: Any, path: str = "") -> list[MenuGroup]:
        """The groups with at least one entry the reader may see, in the order of `GROUPS`."""
        links: dict[str, list[MenuLink]] = {key: [] for key in GROUP_KEYS}
        for entry in self.entries():
            if not entry.visible(access):
                continue
            try:
                href = reverse(entry.url)
            except NoReverseMatch:  # an app whose URLs are not installed in this configuration
                continue
            label = entry.label(access) if callable(entry.label) else entry.label
            current = bool(path) and (path == href or (href != "/" and path.startswith(href)))
            links[entry.group].append(MenuLink(entry.key, str(label), href, current, entry.primary))
        return [MenuGroup(key, str(label), tuple(links[key])) for key, label in GROUPS if links[key]]


main_menu = NavRegistry()
