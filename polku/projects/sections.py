"""What apps above `projects` add to the project's page and to its API detail.

The project page shows the project's own structure (facts, partners, work packages) and the sections
other apps register in their AppConfig.ready() (polku.core.sections explains the pattern): `activities`
adds the targets with their progress and the activities, `consent` the privacy-notice link. Two places:
"facts" (a `<dt>`/`<dd>` pair at the end of the project's facts) and "main" (after the work packages).
Each context function is called with `project`, `access` and `request`.

The project's API detail (`GET /api/v1/projects/<code>/`) carries, after the partners and work packages,
one field per `register_detail_field`: `field` is the serializer field that describes it in the OpenAPI
schema, `value(project=…, access=…)` gives its data (already serialised, access applied).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from polku.core.sections import SectionRegistry

project_sections = SectionRegistry("project", places=("facts", "main"))


@dataclass(frozen=True)
class DetailField:
    name: str
    field: Callable[[], Any]
    value: Callable[..., Any]
    order: int = 100


_detail_fields: dict[str, DetailField] = {}
_lock = threading.Lock()


def register_detail_field(
    name: str, *, field: Callable[[], Any], value: Callable[..., Any], order: int = 100
) -> None:
    """Add a field to the project's API detail; `field()` returns a fresh serializer field for the schema."""
    spec = DetailField(name=name, field=field, value=value, order=order)
    with _lock:
        existing = _detail_fields.get(name)
        if existing is not None and existing != spec:
            raise ValueError(f"project detail field {name!r} is registered twice")
        _detail_fields[name] = spec


def unregister_detail_field(name: str) -> None:
    with _lock:
        _detail_fields.pop(name, None)


def detail_fields() -> list[DetailField]:
    with _lock:
        fields = list(_detail_fields.values())
    return sorted(fields, key=lambda f: (f.order, f.name))
