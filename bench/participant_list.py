"""Benchmark: the coordinator's participant list (page and API) over 100,000 demo participants.

Prints figures; it is not a test. Against PostgreSQL only (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/polku_bench). By default the database is dropped and created
again, migrated and filled with `polku demo --participants 100000` (timed); `--reuse` keeps a
database that already has the demo. Then, as the coordinator whose partners hold the largest share
of the participants, it requests `/participants/?q=…` (first page) and `/api/v1/participants/?q=…`
through django.test.Client: warm-up, then N requests each, printing median and p95 server time in
ms and the SQL queries per request.

    .venv/bin/python bench/participant_list.py [--participants 100000] [--requests 50]
        [--q mar --q qzx] [--reuse] [--explain]

Settings: POLKU_DEBUG=false (so no debug query log), and the environment below unless already set.
Static files use the plain storage so that pages render without running collectstatic.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/polku_bench"
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "POLKU_DEBUG": "false",
    "POLKU_SECRET_KEY": "bench",
    "POLKU_ALLOWED_HOSTS": "testserver",
    "POLKU_SECURE_SSL": "false",
    "POLKU_MFA_REQUIRED_FOR_STAFF": "false",
    "POLKU_TASK_BACKEND": "immediate",
}
COORDINATOR = "coordinator.espoo@polku.example"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per URL (default 50)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument(
        "--q", action="append", help="search text; repeat for several (default: '', mar, qzx)"
    )
    parser.add_argument("--reuse", action="store_true", help="keep an existing database that has the demo")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of queries over 1 ms")
    args = parser.parse_args()
    # No search; a common fragment; a 3-letter text nobody matches (the trigram index needs 3 letters).
    searches = args.q if args.q is not None else ["", "mar", "qzx"]

    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    url = os.environ["DATABASE_URL"]
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("This benchmark runs against PostgreSQL: set DATABASE_URL=postgres://…")
    created = ensure_database(url, fresh=not args.reuse)

    import django

    django.setup()
    from django.conf import settings

    print_machine(settings)
    load_demo(args, fresh=created)
    measure(args, searches)


def ensure_database(url: str, *, fresh: bool) -> bool:
    """Create the database if missing (drop it first when `fresh`); True when it starts empty."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"Created database {name}")
            return True
    return False


def print_machine(settings) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in meminfo if line.startswith("MemTotal")), "0")
    print(f"Machine: {os.cpu_count()} CPUs ({cpu}), {int(memory) // 1024} MiB memory; PostgreSQL {version}")
    print(f"Settings: DEBUG={settings.DEBUG}, database {settings.DATABASES['default']['NAME']}")
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def load_demo(args: argparse.Namespace, *, fresh: bool) -> None:
    from django.core.management import call_command
    from django.db import connection

    from polku.projects.models import Project

    call_command("migrate", verbosity=0, skip_checks=True)
    if not fresh and Project.objects.exists():
        print("Reusing the demo data already in the database (--reuse); load not timed.")
    else:
        started = time.perf_counter()
        call_command(
            "demo", participants=args.participants, seed=args.seed, stdout=sys.stdout, skip_checks=True
        )
        print(f"demo --participants {args.participants}: {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        started = time.perf_counter()
        # What autovacuum would do soon after a load: statistics, visibility map, hint bits.
        cursor.execute("VACUUM (ANALYZE)")
        print(f"VACUUM (ANALYZE): {time.perf_counter() - started:.1f} s")


def measure(args: argparse.Namespace, searches: list[str]) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse

    from polku.accounts.access import access_for
    from polku.accounts.models import User
    from polku.participants.models import Participation

    user = User.objects.get(email=COORDINATOR)
    access = access_for(user)
    visible = Participation.objects.filter(access.participation_filter())
    total = Participation.objects.count()
    print(f"\nCoordinator {COORDINATOR}: {visible.count()} of {total} participations visible")

    plain_static = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    client = Client()
    client.force_login(user)
    page_url = reverse("participants:list")
    results = []
    with override_settings(STORAGES=plain_static):
        for q in searches:
            matches = (
                visible.filter(person__search_name__contains=q.lower()).count() if q else visible.count()
            )
            for label, base in (("page", page_url), ("api", "/api/v1/participants/")):
                url = f"{base}?q={quote(q)}" if q else base
                timings, captured, slowest = run_url(client, url, args, CaptureQueriesContext, connection)
                queries = len(captured)
                results.append((label, q, matches, timings, queries))
                print(
                    f"{label:4} q={q!r:8} matches={matches:6}  median {statistics.median(timings):7.1f} ms  "
                    f"p95 {p95(timings):7.1f} ms  queries/request {queries}  slowest query {slowest}"
                )
                if args.explain:
                    explain(captured, connection)
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("\n| what | q | matches | median ms | p95 ms | queries |")
    print("|---|---|---:|---:|---:|---:|")
    for label, q, matches, timings, queries in results:
        print(
            f"| {label} | `{q}` | {matches} | {statistics.median(timings):.1f} | {p95(timings):.1f} | {queries} |"
        )


def run_url(client, url, args, capture, connection):  # type: ignore[no-untyped-def]
    from django.db import reset_queries

    for _ in range(args.warmup):
        check(client.get(url), url)
    reset_queries()
    with capture(connection) as captured:
        check(client.get(url), url)
    # Copy now: every later request clears the connection's query log.
    queries = list(captured.captured_queries)
    slowest = max(queries, key=lambda q: float(q["time"]))
    timings = []
    for _ in range(args.requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        check(response, url)
    return timings, queries, f"{float(slowest['time']) * 1000:.1f} ms"


def check(response, url: str) -> None:  # type: ignore[no-untyped-def]
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}; is the coordinator's MFA requirement off?")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def explain(captured, connection) -> None:  # type: ignore[no-untyped-def]
    """EXPLAIN ANALYZE of every query of one request that took over a millisecond."""
    for query in captured:
        if float(query["time"]) * 1000 < 1 or not query["sql"].lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + query["sql"])
            plan = "\n".join(f"    {row[0]}" for row in cursor.fetchall())
        print(f"  {query['sql'][:200]}…\n{plan}")


if __name__ == "__main__":
    main()
