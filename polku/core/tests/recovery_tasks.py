"""A task for the recovery tests that a worker subprocess imports by its path: it records each start and
finish in a file, and holds (sleeps) while a hold file exists, so that the test can kill its worker."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task(priority=100)
def hold_then_finish(*, log: str, hold: str) -> str:
    with Path(log).open("a") as out:
        out.write("start\n")
    deadline = time.monotonic() + 60
    while Path(hold).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    with Path(log).open("a") as out:
        out.write("done\n")
    return "done"
