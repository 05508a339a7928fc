"""Fast bulk inserts for the demo: COPY on PostgreSQL, `bulk_create` on other databases.

Rows are plain dicts keyed by attribute name (`person_id`, not `person`). Fields a row leaves out get
their model default, and `auto_now`/`auto_now_add` fields get the time of the load, as `bulk_create`
would give them. On PostgreSQL the primary keys are taken from the table's sequence first and the rows
are streamed with COPY: `bulk_create` spends most of its time building model instances and quoting
parameters, which made 100,000 participants take over two minutes of client CPU on a 2-core machine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from django.db import connection, models
from django.utils import timezone

BATCH = 2000

_MISSING = object()


class _PerRow:
    def __init__(self, make: Any) -> None:
        self.make = make


class BulkWriter:
    def __init__(self) -> None:
        self.use_copy = connection.vendor == "postgresql"
        self.now = timezone.now()
        self._plans: dict[type[models.Model], list[tuple[str, str, Any]]] = {}

    def insert(self, model: type[models.Model], rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert `rows` into `model`'s table; returns their new primary keys in order."""
        if not rows:
            return []
        if not self.use_copy:
            objects = model._default_manager.bulk_create([model(**row) for row in rows], batch_size=BATCH)
            return [obj.pk for obj in objects]
        return self._copy(model, rows)

    def _plan(self, model: type[models.Model]) -> list[tuple[str, str, Any]]:
        """(column, attname, default) per concrete column, with JSON defaults already serialised."""
        if model not in self._plans:
            plan = []
            for f in model._meta.concrete_fields:
                if f.primary_key:
                    default: Any = _MISSING
                elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                    default = self.now
                elif isinstance(f, models.JSONField):
                    default = json.dumps(f.get_default())
                elif f.has_default() and callable(f.default):
                    default = _PerRow(f.default)  # e.g. a random code: a new value for every row
                else:
                    default = f.get_default()
                plan.append((cast(str, f.column), f.attname, default))  # a concrete field has a column
            self._plans[model] = plan
        return self._plans[model]

    def _copy(self, model: type[models.Model], rows: Sequence[dict[str, Any]]) -> list[int]:
        meta = model._meta
        plan = self._plan(model)
        json_fields = {f.attname for f in meta.concrete_fields if isinstance(f, models.JSONField)}
        pk = meta.pk.attname
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rows)],
            )
            ids = [row[0] for row in cursor.fetchall()]
            columns = ", ".join(quote(column) for column, _, _ in plan)
            with cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
                for new_id, row in zip(ids, rows, strict=True):
                    values = []
                    for _, attname, default in plan:
                        if attname == pk:
                            values.append(new_id)
                            continue
                        value = row.get(attname, default)
                        if value is default:
                            if isinstance(default, _PerRow):
                                value = default.make()
                        elif attname in json_fields:
                            value = json.dumps(value)
                        values.append(value)
                    copy.write_row(values)
        return ids
