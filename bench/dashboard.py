"""Benchmark: the project dashboard page (and its JSON) for a project lead at 100,000 demo participants.

Prints figures; it is not a test. PostgreSQL only (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/bench_dashboard). Like bench/participant_list.py (whose helpers it
uses) it creates the database, migrates and loads `polku demo --participants 100000` unless `--reuse`,
then signs in as the lead of the project with the most participants and requests
`/projects/<code>/dashboard/` and `/api/v1/projects/<code>/dashboard/` through django.test.Client:
warm-up, then N requests, median and p95 in ms and SQL queries per request. `--drop` drops the
database at the end.

    .venv/bin/python bench/dashboard.py [--participants 100000] [--requests 30] [--reuse] [--drop]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from participant_list import (  # noqa: E402
    ENVIRONMENT,
    ensure_database,
    explain,
    load_demo,
    p95,
    print_machine,
    run_url,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_dashboard"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--drop", action="store_true", help="drop the database afterwards")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
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
    measure(args)
    if args.drop:
        from django.db import connections

        connections.close_all()
        from urllib.parse import urlsplit, urlunsplit

        import psycopg

        parts = urlsplit(url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{parts.path.lstrip("/")}" WITH (FORCE)')
        print("Dropped the database")


def measure(args: argparse.Namespace) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from polku.accounts.models import Membership, Role
    from polku.projects.models import Project

    project = Project.objects.annotate(n=Count("participations")).order_by("-n").first()
    assert project is not None
    lead = Membership.objects.filter(role=Role.PROJECT_LEAD, project=project).select_related("user").first()
    assert lead is not None, "the demo has no lead for the largest project"
    print(
        f"\nProject {project.code} ({project.n} participations, {project.targets.count()} targets), lead {lead.user.email}"
    )
    plain_static = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    client = Client()
    client.force_login(lead.user)
    rows = []
    with override_settings(STORAGES=plain_static):
        for label, path in (
            ("page", f"/projects/{project.code}/dashboard/"),
            ("api", f"/api/v1/projects/{project.code}/dashboard/"),
            ("report", f"/projects/{project.code}/report/"),
        ):
            timings, captured, slowest = run_url(client, path, args, CaptureQueriesContext, connection)
            rows.append((label, path, timings, len(captured)))
            print(
                f"{label:6} median {statistics.median(timings):7.1f} ms  p95 {p95(timings):7.1f} ms  "
                f"queries/request {len(captured)}  slowest query {slowest}"
            )
            if args.explain:
                explain(captured, connection)
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("\n| what | median ms | p95 ms | queries |")
    print("|---|---:|---:|---:|")
    for label, path, timings, queries in rows:
        print(f"| {label} `{path}` | {statistics.median(timings):.1f} | {p95(timings):.1f} | {queries} |")


if __name__ == "__main__":
    main()
