"""Benchmark: the funder report PDF and a competence profile PDF at the demo's size.

Prints figures; it is not a test. PostgreSQL (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/bench_report_pdf). Like bench/dashboard.py (whose helpers it shares
with bench/participant_list.py) it creates the database, migrates and loads
`polku demo --participants 300` (the demo's default size) unless `--reuse`, then through
django.test.Client:

- signs in as the lead of the project with the most participations and downloads
  `/projects/<code>/report.pdf` (and `.xlsx`, `.csv` for comparison);
- signs in as a coordinator of that project and downloads `/competences/people/<id>/pdf/` of one of their
  participants with the most confirmed skills.

The first request of each is timed on its own ("first", which includes what a process does once, such as
preparing the fonts), then `--requests` more: median and p95 in ms. `--cold` empties the font cache
(polku.core.pdf) first, so "first" shows what the first PDF after an installation costs.

    .venv/bin/python bench/report_pdf.py [--participants 300] [--requests 10] [--reuse] [--cold] [--drop]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from participant_list import ENVIRONMENT, ensure_database, load_demo, p95, print_machine  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_report_pdf"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--cold", action="store_true", help="empty the font cache first")
    parser.add_argument("--drop", action="store_true", help="drop the database afterwards")
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
    if args.cold:
        from polku.core import pdf

        cache = pdf.font_cache_dir() if hasattr(pdf, "font_cache_dir") else None
        if cache is not None and cache.exists():
            shutil.rmtree(cache)
            print(f"Emptied the font cache {cache}")
    measure(args)
    if args.drop:
        from urllib.parse import urlsplit, urlunsplit

        import psycopg
        from django.db import connections

        connections.close_all()
        parts = urlsplit(url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{parts.path.lstrip("/")}" WITH (FORCE)')
        print("Dropped the database")


def timed(client, url: str, requests: int) -> tuple[float, list[float], int]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    response = client.get(url)
    first = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return first, timings, len(response.content)


def measure(args: argparse.Namespace) -> None:
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import override_settings

    from polku.accounts.models import Membership, Role
    from polku.participants.models import Person
    from polku.projects.models import Project

    project = Project.objects.annotate(n=Count("participations")).order_by("-n").first()
    assert project is not None
    lead = Membership.objects.filter(role=Role.PROJECT_LEAD, project=project).select_related("user").first()
    coordinator = (
        Membership.objects.filter(role=Role.COORDINATOR, project=project, partner__isnull=False)
        .select_related("user")
        .first()
    )
    assert lead is not None and coordinator is not None, "the demo has no lead or coordinator there"
    person = (
        Person.objects.filter(participations__partner=coordinator.partner)
        .annotate(n=Count("profile_skills", filter=Q(profile_skills__status="confirmed")))
        .order_by("-n", "pk")
        .first()
    )
    assert person is not None
    print(f"\nProject {project.code} ({project.n} participations), lead {lead.user.email}")
    print(
        f"Competence profile of person {person.pk} ({person.n} confirmed skills), as {coordinator.user.email}"
    )
    plain_static = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    rows = []
    with override_settings(STORAGES=plain_static):
        for label, user, url in (
            ("funder report PDF", lead.user, f"/projects/{project.code}/report.pdf"),
            ("competence profile PDF", coordinator.user, f"/competences/people/{person.pk}/pdf/"),
            ("funder report XLSX", lead.user, f"/projects/{project.code}/report.xlsx"),
            ("funder report CSV", lead.user, f"/projects/{project.code}/report.csv"),
        ):
            client = Client()
            client.force_login(user)
            first, timings, size = timed(client, url, args.requests)
            rows.append((label, url, first, timings, size))
            print(
                f"{label:24} first {first:8.1f} ms  median {statistics.median(timings):8.1f} ms  "
                f"p95 {p95(timings):8.1f} ms  {size} bytes"
            )
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("\n| what | first ms | median ms | p95 ms | bytes |")
    print("|---|---:|---:|---:|---:|")
    for label, url, first, timings, size in rows:
        print(
            f"| {label} `{url}` | {first:.0f} | {statistics.median(timings):.0f} | {p95(timings):.0f} | {size} |"
        )


if __name__ == "__main__":
    main()
