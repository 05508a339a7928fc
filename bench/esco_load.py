"""ESCO into the database: the shipped v1.1.1 load and the official CSV import, timed.

    .venv/bin/python bench/esco_load.py [--database-url URL] [--csv /work/shared/esco/v1.1.1]

Uses the database of --database-url (default: a fresh SQLite file in /tmp), migrates it without the
automatic load, empties the ESCO tables, then times:
  1. reading the shipped files (polku/skills/data) into plain objects;
  2. the shipped load into empty tables (polku esco load-shipped, as after `migrate`);
  3. the same load again (nothing changes);
  4. the official English CSV download into empty tables (polku esco import): read + check, write;
  5. the same import over the loaded data (nothing changes);
  6. the Finnish test download (28 concepts) next to it.
Prints one line per step (wall time, and CPU time of this process: on a busy shared machine the
wall time includes waiting for a core) and the process's peak memory. The numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="sqlite:////tmp/polku_esco_bench.sqlite3")
    parser.add_argument("--csv", default="/work/shared/esco/v1.1.1")
    args = parser.parse_args()
    if args.database_url.startswith("sqlite:////"):
        Path(args.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["POLKU_ESCO_AUTOLOAD"] = "false"
    os.environ.setdefault("POLKU_DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from polku.esco.download import read_download, read_shipped
    from polku.esco.loading import known_uris, load_shipped, write
    from polku.esco.models import Broader, Concept, Label, OccupationSkill, Release, SkillRelation

    call_command("migrate", verbosity=0)

    def empty() -> None:
        for model in (SkillRelation, OccupationSkill, Broader, Label, Concept.collections.through, Release):
            model.objects.all().delete()
        Concept.objects.all().delete()

    def step(name: str, fn):  # type: ignore[no-untyped-def]
        started, cpu = time.perf_counter(), time.process_time()
        value = fn()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{name:<52} {wall:6.2f} s wall {cpu:6.2f} s CPU (this process)")
        return value

    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else connection.pg_version}"
    )
    empty()
    step("1. read the shipped files", read_shipped)
    result = step("2. shipped load into empty tables", load_shipped)
    assert result.changes["concepts"].created == 18162
    result = step("3. shipped load again (nothing changes)", load_shipped)
    assert not result.changed
    empty()
    data = step("4a. CSV download: read and check", lambda: read_download(args.csv, known_uris=known_uris()))
    step("4b. CSV download: write into empty tables", lambda: write(data))
    data = step("5a. CSV again: read and check", lambda: read_download(args.csv, known_uris=known_uris()))
    result = step("5b. CSV again: write (nothing changes)", lambda: write(data))
    assert not result.changed
    fi = ROOT / "polku" / "esco" / "tests" / "fixtures" / "v1.1.1-fi"
    step("6. Finnish test download (28 concepts)", lambda: write(read_download(fi, known_uris=known_uris())))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
