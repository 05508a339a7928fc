"""Benchmark: talent matching on PostgreSQL — one need against 100,000 candidates, and one candidate
against 10,000 open needs (target: under 1 s server time each).

Prints figures; it is not a test. PostgreSQL only (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/bench_employers). Unless `--reuse`, it creates the database, migrates,
and writes with bulk inserts: one project with two partners, 300 skills, N candidates (participations
whose person opted in to be found by employers, with 8 confirmed skills drawn with a skewed popularity,
and 2 languages), 200 employers with M open needs (4 required and 2 nice-to-have skills, 1–2 languages,
a place or remote work). Then, through django.test.Client (middleware, session, access, view, SQL, JSON):

- `/api/v1/talent-needs/<pk>/candidates/` as the employer's representative: the need's 25 best
  candidates as blind profiles with their reasons;
- `/api/v1/me/opportunities/` as a candidate: the open needs that fit them best, with reasons;

warm-up, then N requests each, median and p95 in ms and SQL queries per request.

    .venv/bin/python bench/employers_matching.py [--candidates 100000] [--needs 10000] [--reuse] [--drop]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from participant_list import ENVIRONMENT, ensure_database, p95, print_machine, run_url  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_employers"
SKILLS = 300
LANGS = ("fi", "en", "sv", "ar", "ru", "uk", "so", "fa")
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
PLACES = ("Tampere", "Helsinki", "Espoo", "Turku", "Oulu", "Vantaa")
BATCH = 10_000


def load(args: argparse.Namespace) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from polku.accounts.models import Membership, Role, User
    from polku.competences.models import ProfileSkill
    from polku.consent.models import Consent, PrivacyNotice, Purpose
    from polku.employers.models import Employer, EmployerRepresentative, NeedLanguage, NeedSkill, TalentNeed
    from polku.esco.models import Concept, Label
    from polku.organisations.models import Organisation
    from polku.participants.models import LanguageSkill, Participation, Person
    from polku.projects.models import Partner, Project

    started = time.perf_counter()
    call_command("migrate", verbosity=0, skip_checks=True)
    print(f"migrate: {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    rng = random.Random(args.seed)
    today = timezone.localdate()
    project = Project.objects.create(
        code="BENCH1",
        funder="esf_plus_2021",
        name="Bench project",
        starts_on=today - dt.timedelta(days=400),
        ends_on=today + dt.timedelta(days=400),
    )
    partners = [
        Partner.objects.create(
            project=project,
            organisation=Organisation.objects.create(name=f"Partner {i}", kind="city", country="FI"),
        )
        for i in range(2)
    ]
    notice = PrivacyNotice.objects.create(
        project=project, version=1, language="en", title="Notice", body="…", published_at=timezone.now()
    )
    concepts = Concept.objects.bulk_create(
        Concept(uri=f"http://bench.example/skill/{i}", kind="skill") for i in range(SKILLS)
    )
    Label.objects.bulk_create(
        Label(concept=c, language="en", preferred=f"bench skill {i}", search_text=f"bench skill {i}")
        for i, c in enumerate(concepts)
    )
    ids = [c.pk for c in concepts]

    def pick(k: int) -> list[int]:
        chosen: set[int] = set()
        while len(chosen) < k:
            chosen.add(ids[min(SKILLS - 1, int(rng.paretovariate(0.9)) - 1 + rng.randrange(40))])
        return sorted(chosen)

    now = timezone.now()
    for start in range(0, args.candidates, BATCH):
        n = min(BATCH, args.candidates - start)
        people = Person.objects.bulk_create(
            Person(
                first_name=f"First{start + i}",
                last_name=f"Last{start + i}",
                email=f"p{start + i}@bench.example",
                municipality=rng.choice(PLACES),
                education_level=rng.choice("34567"),
                goals=["employment"],
            )
            for i in range(n)
        )
        Participation.objects.bulk_create(
            Participation(
                person=p,
                project=project,
                partner=partners[i % 2],
                entry_date=today - dt.timedelta(days=100),
                channel="coordinator",
            )
            for i, p in enumerate(people)
        )
        Consent.objects.bulk_create(
            Consent(person=p, project=project, purpose=Purpose.EMPLOYERS, notice=notice, given_at=now)
            for p in people
        )
        ProfileSkill.objects.bulk_create(
            ProfileSkill(person=p, skill_id=s, status="confirmed") for p in people for s in pick(8)
        )
        LanguageSkill.objects.bulk_create(
            LanguageSkill(person=p, language=lang, level=rng.choice(LEVELS))
            for p in people
            for lang in ("fi", rng.choice(LANGS[1:]))
        )
    print(f"{args.candidates} candidates: {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    employers = [
        Employer.objects.create(
            project=project,
            partner=partners[i % 2],
            organisation=Organisation.objects.create(name=f"Company {i} Oy", kind="company", country="FI"),
        )
        for i in range(200)
    ]
    for start in range(0, args.needs, BATCH):
        n = min(BATCH, args.needs - start)
        needs = TalentNeed.objects.bulk_create(
            TalentNeed(
                employer=employers[(start + i) % len(employers)],
                kind=rng.choice(["job", "internship"]),
                title=f"Need {start + i}",
                mode=rng.choice(["on_site", "hybrid", "remote"]),
                location=rng.choice(PLACES),
                status="open",
                opened_at=now,
            )
            for i in range(n)
        )
        NeedSkill.objects.bulk_create(
            NeedSkill(need=need, skill_id=s, required=k < 4, status="confirmed")
            for need in needs
            for k, s in enumerate(pick(6))
        )
        NeedLanguage.objects.bulk_create(
            NeedLanguage(need=need, language=lang, level=rng.choice(LEVELS[1:5]))
            for need in needs
            for lang in {"fi", rng.choice(LANGS[1:3])}
        )
    rep = User.objects.create(email="rep@bench.example", full_name="Bench Rep")
    Membership.objects.create(user=rep, role=Role.EMPLOYER, project=project, partner=partners[0])
    EmployerRepresentative.objects.create(user=rep, employer=employers[0], project=project)
    person = Person.objects.order_by("pk").first()
    person.user = User.objects.create(email="candidate@bench.example", full_name="Bench Candidate")
    person.save(update_fields=["user"])
    print(f"{args.needs} needs: {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def measure(args: argparse.Namespace) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from polku.accounts.models import User
    from polku.employers.models import TalentNeed

    rep = User.objects.get(email="rep@bench.example")
    candidate = User.objects.get(email="candidate@bench.example")
    need = TalentNeed.objects.filter(employer__representatives__user=rep).order_by("pk").first()
    rows = []
    for label, user, path in (
        (
            f"one need against {args.candidates:,} candidates",
            rep,
            f"/api/v1/talent-needs/{need.pk}/candidates/",
        ),
        (f"one candidate against {args.needs:,} open needs", candidate, "/api/v1/me/opportunities/"),
    ):
        client = Client()
        client.force_login(user)
        timings, captured, slowest = run_url(client, path, args, CaptureQueriesContext, connection)
        rows.append((label, statistics.median(timings), p95(timings), len(captured), slowest))
    print(f"\n{'what':<45} {'median':>9} {'p95':>9} {'queries':>8} {'slowest query':>14}")
    for label, median, high, queries, slowest in rows:
        print(f"{label:<45} {median:>7.0f} ms {high:>7.0f} ms {queries:>8} {slowest:>14}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--needs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--reuse", action="store_true")
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
    if created:
        load(args)
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


if __name__ == "__main__":
    main()
