"""Benchmark: the community directory's search and suggested contacts for one member among 100,000 profiles.

Prints figures; it is not a test. Against PostgreSQL only (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/polku_community_bench). The database is dropped, created, migrated and
filled with one project of three partners (SE, FI, NO) and N members, each with a directory profile whose
directory consent is in force, two languages, 3–6 of 600 ESCO skills and random offers/looks-for (bulk
inserts, timed); `--reuse` keeps a filled database. Then, as one member, it requests the directory page
with no filter and with each filter, its API, and the suggestions page and API through django.test.Client:
warm-up, then N requests each, printing median and p95 server time in ms and the SQL queries per request.

    .venv/bin/python bench/community_directory.py [--profiles 100000] [--requests 30] [--reuse] [--explain]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from participant_list import ENVIRONMENT, ensure_database, explain, p95, print_machine  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/polku_community_bench"
SKILLS = 600
INTENTS = ["mentor", "employer", "cofounder", "peer", "customer", "expert"]
BATCH = 5000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    url = os.environ["DATABASE_URL"]
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("This benchmark runs against PostgreSQL: set DATABASE_URL=postgres://…")
    fresh = ensure_database(url, fresh=not args.reuse)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    print_machine(settings)
    call_command("migrate", verbosity=0, skip_checks=True)
    if fresh:
        load(args.profiles)
    measure(args)


def load(count: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from polku.accounts.models import User
    from polku.community.models import Profile, ProfileLanguage
    from polku.consent.models import Consent, PrivacyNotice, Purpose
    from polku.esco.models import Concept, Label
    from polku.organisations.models import Organisation
    from polku.participants.models import Participation, Person
    from polku.projects.models import Partner, Project

    rng = random.Random(2026)
    started = time.perf_counter()
    now = timezone.now()
    with transaction.atomic():
        project = Project.objects.create(
            name="Crossing Borders (bench)",
            code="BENCH1",
            funder="erasmus_plus",
            starts_on="2025-01-01",
            ends_on="2027-12-31",
        )
        notice = PrivacyNotice.objects.create(
            project=project, version=1, language="en", title="N", body="B", published_at=now
        )
        partners = []
        for country in ("SE", "FI", "NO"):
            organisation = Organisation.objects.create(
                name=f"Hub {country}", kind="association", country=country
            )
            partners.append(
                Partner.objects.create(project=project, organisation=organisation, country=country)
            )
        concepts = Concept.objects.bulk_create(
            Concept(
                kind=Concept.Kind.SKILL,
                uri=f"http://data.europa.eu/esco/skill/bench-{i}",
                skill_type="skill/competence",
            )
            for i in range(SKILLS)
        )
        Label.objects.bulk_create(
            Label(concept=c, language="en", preferred=f"skill {i}", search_text=f"skill {i}")
            for i, c in enumerate(concepts)
        )
        through = Profile.skills.through
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            users = User.objects.bulk_create(
                User(email=f"member{start + i}@bench.example", full_name=f"Member {start + i}", password="!")
                for i in range(size)
            )
            people = Person.objects.bulk_create(
                Person(user=u, first_name="Member", last_name=str(start + i), email=u.email)
                for i, u in enumerate(users)
            )
            chosen = [partners[(start + i) % 3] for i in range(size)]
            Participation.objects.bulk_create(
                Participation(
                    person=p, project=project, partner=chosen[i], entry_date="2025-03-01", channel="import"
                )
                for i, p in enumerate(people)
            )
            Consent.objects.bulk_create(
                Consent(person=p, project=project, purpose=Purpose.DIRECTORY, notice=notice, given_at=now)
                for p in people
            )
            profiles = []
            for i, (user, person) in enumerate(zip(users, people, strict=True)):
                offers, looks = rng.sample(INTENTS, 1), rng.sample(INTENTS, 2)
                profile = Profile(
                    user=user,
                    person=person,
                    project=project,
                    partner=chosen[i],
                    display_name=f"Member {start + i}",
                    introduction="Entrepreneur in the bench.",
                    city="City",
                    country=chosen[i].country,
                    offers=offers,
                    looks_for=looks,
                    skills_audience=rng.choice(["directory", "directory", "project", "connections"]),
                )
                profile.set_intent_texts()
                profiles.append(profile)
            profiles = Profile.objects.bulk_create(profiles)
            ProfileLanguage.objects.bulk_create(
                row
                for p in profiles
                for row in (
                    ProfileLanguage(profile=p, language="en", level=rng.choice(["A2", "B1", "B2", "C1"])),
                    ProfileLanguage(
                        profile=p, language=rng.choice(["sv", "fi", "nb", "ar", "uk"]), level="native"
                    ),
                )
            )
            through.objects.bulk_create(
                through(profile_id=p.pk, concept_id=c.pk)
                for p in profiles
                for c in rng.sample(concepts, rng.randint(3, 6))
            )
    print(f"Loaded {count} profiles: {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def measure(args: argparse.Namespace) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from polku.community.models import Profile

    member = Profile.objects.select_related("user").order_by("pk")[7]
    skill = member.skills.values_list("pk", flat=True).first()
    print(f"\nMember {member.display_name} ({member.country}); {Profile.objects.count()} profiles")
    cases = [
        ("directory, no filter", "/community/"),
        ("directory, skill filter", f"/community/?skill={skill}"),
        ("directory, language + country", "/community/?language=ar&country=NO"),
        ("directory, looks for a co-founder", "/community/?looks_for=cofounder"),
        ("directory, name search", "/community/?text=member+123"),
        ("API directory, skill filter", f"/api/v1/community/profiles/?skill={skill}"),
        ("suggestions page", "/community/suggestions/"),
        ("API suggestions", "/api/v1/community/suggestions/"),
    ]
    plain_static = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=plain_static):
        client = Client()
        client.force_login(member.user)
        print(f"{'request':38} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for label, url in cases:
            for _ in range(args.warmup):
                check(client.get(url), url)
            statements: list[str] = []

            def count(execute, sql, params, many, context, statements=statements):  # type: ignore[no-untyped-def]
                statements.append(sql)
                return execute(sql, params, many, context)

            with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(count):
                check(client.get(url), url)
            timings = []
            for _ in range(args.requests):
                started = time.perf_counter()
                check(client.get(url), url)
                timings.append((time.perf_counter() - started) * 1000)
            print(f"{label:38} {statistics.median(timings):10.1f} {p95(timings):8.1f} {len(statements):8d}")
            if args.explain:
                explain(captured, connection)


def check(response, url: str) -> None:  # type: ignore[no-untyped-def]
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")


if __name__ == "__main__":
    main()
