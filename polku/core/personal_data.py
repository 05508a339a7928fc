"""Where every app tells the privacy service what it holds about a person.

An app that stores personal data adds a module `polku/<app>/privacy.py` that calls `register()` at import
time; the registry finds these modules by name (for every installed `polku.*` app), so no app edits this
module. It sits in core, below every app that registers, while the privacy app at the top reads it
(`providers()`) and registers the foundation's handlers (polku.privacy.foundation) when it starts. Each
registration may give:

- `export(person) -> dict[str, Section]`: the app's labelled sections of the person's data (JSON-serialisable);
- `anonymise(person) -> int`: remove direct identifiers and free text, keep the facts that indicators need;
  returns the number of rows changed;
- `erase(person) -> Erasure`: erase what is optional or rests on consent; say what must be kept and why.

`section()` and `records()` build sections from model rows in one shape, so the person's page and the JSON
download render every app alike. docs/privacy.md has a worked example.
"""

from __future__ import annotations

import datetime as dt
import decimal
import importlib
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.encoding import force_str

_Person = Any  # a polku.participants.models.Person (participants sits above core)
Section = dict[str, Any]


@dataclass
class Erasure:
    """What an eraser did: the items it erased and the items it kept, each kept one with the reason."""

    erased: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)

    def extend(self, other: Erasure) -> None:
        self.erased.extend(other.erased)
        self.kept.extend(other.kept)


@dataclass(frozen=True)
class Provider:
    name: str
    export: Callable[[_Person], dict[str, Section]] | None = None
    anonymise: Callable[[_Person], int] | None = None
    erase: Callable[[_Person], Erasure] | None = None


_providers: dict[str, Provider] = {}
_discovered = False
_lock = threading.Lock()


def register(
    name: str,
    *,
    export: Callable[[_Person], dict[str, Section]] | None = None,
    anonymise: Callable[[_Person], int] | None = None,
    erase: Callable[[_Person], Erasure] | None = None,
) -> Provider:
    """Register an app's handlers under `name` (usually the app label). Registering a name twice with
    other handlers is an error, so two apps cannot silently shadow each other."""
    provider = Provider(name=name, export=export, anonymise=anonymise, erase=erase)
    existing = _providers.get(name)
    if existing is not None and existing != provider:
        raise ValueError(f"privacy handlers {name!r} are registered twice")
    _providers[name] = provider
    return provider


def discover() -> None:
    """Import `<app>.privacy` of every installed Polku app (once). The foundation's handlers are not
    among them: the privacy app registers them itself (PrivacyConfig.ready)."""
    global _discovered
    if _discovered:
        return
    with _lock:
        if _discovered:
            return
        for config in apps.get_app_configs():
            if not config.name.startswith("polku."):
                continue
            module_name = f"{config.name}.privacy"
            try:
                importlib.import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
        _discovered = True


def providers() -> list[Provider]:
    """Every registered provider, in name order (so exports and reports are stable)."""
    discover()
    return [_providers[name] for name in sorted(_providers)]


# --- building sections ------------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A value as JSON can carry it: dates as ISO strings, lazy strings forced, model rows as their text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return force_str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return force_str(value)


def section(
    title: Any, rows: Iterable[dict[str, Any]], labels: dict[str, Any], choices: dict[str, dict] | None = None
) -> Section:
    """One labelled section: `records` hold stored values (machine-readable), `labels` name the fields
    and `choices` give the readable label of coded values (for the page)."""
    return {
        "title": force_str(title),
        "labels": {k: force_str(v) for k, v in labels.items()},
        "choices": {
            k: {str(c): force_str(label) for c, label in v.items()} for k, v in (choices or {}).items()
        },
        "records": [plain(row) for row in rows],
    }


def records(title: Any, queryset: Iterable[models.Model], fields: Sequence[str], **extra: Any) -> Section:
    """A section of model rows: labels from the fields' verbose names, coded values' labels from their choices.

    `extra` adds computed columns: name=(label, function of the row).
    """
    rows = list(queryset)
    model = getattr(queryset, "model", None) or (type(rows[0]) if rows else None)
    labels: dict[str, Any] = {}
    choices: dict[str, dict] = {}
    for name in fields:
        model_field = model._meta.get_field(name) if model is not None else None
        labels[name] = getattr(model_field, "verbose_name", name) if model_field is not None else name
        if isinstance(model_field, models.Field) and model_field.choices:
            choices[name] = dict(model_field.flatchoices)
    for name, (label, _function) in extra.items():
        labels[name] = label
    data = []
    for row in rows:
        record = {name: getattr(row, name) for name in fields}
        for name, (_label, function) in extra.items():
            record[name] = function(row)
        data.append(record)
    return section(title, data, labels, choices)
