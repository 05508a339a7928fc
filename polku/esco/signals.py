"""Automatic loading of the shipped ESCO after `migrate` (decision 0034).

`migrate` sends pre_migrate and then post_migrate; `flush` (and so every transactional test's teardown)
sends only post_migrate. The pre_migrate handler marks the database, and the post_migrate handler loads
the shipped data only after a marked, real migrate run, and only when the ESCO tables are empty. Test
databases are created by `migrate`, so they get ESCO once at creation; a flush empties them again
(`polku.esco.testing.esco_loaded` reloads where a test needs it).

Turn it off with the environment variable POLKU_ESCO_AUTOLOAD=false (the setting of the same name, config/env.py).
"""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings

from polku.esco import loading

_migrating: set[str] = set()


def autoload_enabled() -> bool:
    return bool(settings.POLKU_ESCO_AUTOLOAD)


def migrate_started(sender: Any, using: str = "default", **kwargs: Any) -> None:
    _migrating.add(using)


def load_after_migrate(sender: Any, using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    if using not in _migrating:
        return  # a flush, not a migrate
    _migrating.discard(using)
    if not autoload_enabled():
        return
    if not loading.tables_exist(using) or loading.is_loaded(using):
        return
    result = loading.load_shipped(using=using)
    if verbosity >= 1:
        sys.stdout.write(f"  Loaded the shipped ESCO {result.version} (en) in {result.seconds:.1f} s.\n")
