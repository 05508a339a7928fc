"""Time the indicator table on a large project: `python bench/indicators.py [--runs N] [--single-project N]`.

Expects a database loaded with `polku demo --participants 100000` (DATABASE_URL). With
`--single-project N` on an empty database it loads the demo core itself (`build_demo(participants=N)`,
projects, staff and participants, COPY on PostgreSQL; the apps' own demo rows are left out) and then
moves every participation into the largest project, spread over its partners, so that one project
holds all N. Adds exit records and follow-ups in bulk for a third of the participations, and one to
three dated outcomes for every fourth, when none exist; runs VACUUM (ANALYZE) on PostgreSQL, then times
`indicator_table_unchecked` for the project with the most participations: median, min and max of N runs
and the number of SQL statements per table;
then the same for the suppressed view a project lead gets (`suppressed_view`: every partner's table,
suppressed together).
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from polku.outcomes.models import ExitRecord, FollowUp, Outcome  # noqa: E402
from polku.participants.models import Participation  # noqa: E402
from polku.projects.models import Project  # noqa: E402
from polku.reporting.selectors import indicator_table_unchecked, suppressed_view  # noqa: E402

STATUSES = ["unemployed", "education", "employed", "self_employed", "none", "declined"]


def add_outcomes(project: Project) -> None:
    if ExitRecord.objects.filter(participation__project=project).exists():
        return
    rng = random.Random(7)
    # One UPDATE per batch through a CASE would be long; set exit dates with one SQL statement instead.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE participants_participation SET exit_date = entry_date + 90 "
            "WHERE project_id = %s AND id %% 3 = 0",
            [project.pk],
        )
    exited = list(
        Participation.objects.filter(project=project, exit_date__isnull=False).values_list("pk", "exit_date")
    )
    ExitRecord.objects.bulk_create(
        [
            ExitRecord(
                participation_id=pk,
                status=rng.choice(STATUSES),
                status_on=exit_date + dt.timedelta(days=rng.randint(0, 40)),
                qualification_gained=rng.choice(["yes", "no", "declined", ""]),
                source="coordinator",
            )
            for pk, exit_date in exited
        ],
        batch_size=5000,
    )
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                participation_id=pk,
                due_on=exit_date + dt.timedelta(days=183),
                token=f"bench-{pk}",
                status=rng.choice(["answered", "answered", "pending", "closed"]),
                labour_status=rng.choice(STATUSES),
                permanent_contract=rng.choice(["yes", "no", ""]),
                full_time=rng.choice(["yes", "no", ""]),
                more_demanding_job=rng.choice(["yes", "no", ""]),
            )
            for pk, exit_date in exited
        ],
        batch_size=5000,
    )
    # Outcomes at any time (jobs, studies, companies, ...): one to three for every fourth participation,
    # so that the dashboard's outcome stage, outcome table and the result indicators read real rows.
    kinds = [kind for kind, _label in Outcome.Kind.choices]
    outcomes = []
    for pk, entry_date in Participation.objects.filter(project=project).values_list("pk", "entry_date"):
        if pk % 4 != 1:
            continue
        for _ in range(rng.choice([1, 1, 2, 3])):
            kind = rng.choice(kinds)
            outcomes.append(
                Outcome(
                    participation_id=pk,
                    kind=kind,
                    date=entry_date + dt.timedelta(days=rng.randint(20, 400)),
                    business_id="1234567-8" if kind == Outcome.Kind.COMPANY_FOUNDED else "",
                    source="coordinator",
                )
            )
    Outcome.objects.bulk_create(outcomes, batch_size=5000)


def load_single_project(participants: int) -> None:
    from polku.demo import builder
    from polku.projects.models import Partner

    if not Project.objects.exists():
        started = time.perf_counter()
        builder.app_demos = lambda: []  # only the core: projects, staff, participants and their data
        builder.build_demo(participants=participants)
        print(f"demo core with {participants} participants: {time.perf_counter() - started:.1f} s")
    project = Project.objects.annotate(n=Count("participations")).order_by("-n").first()
    assert project is not None
    if Participation.objects.exclude(project=project).exists():
        partners = list(Partner.objects.filter(project=project).order_by("pk").values_list("pk", flat=True))
        with connection.cursor() as cursor:
            # One participation per person and project: keep each person's first participation only
            # (the demo gives 3 % of people a second one), with the rows that refer to the others.
            later = (
                "SELECT p.id FROM participants_participation p JOIN participants_participation q "
                "ON p.person_id = q.person_id AND p.id > q.id"
            )
            for table in ("participants_entrydata", "activities_activityenrolment"):
                cursor.execute(f"DELETE FROM {table} WHERE participation_id IN ({later})")
            cursor.execute(f"DELETE FROM participants_participation WHERE id IN ({later})")
            cursor.execute(
                "UPDATE participants_participation SET project_id = %s, partner_id = CASE "
                + " ".join(f"WHEN id %% {len(partners)} = {i} THEN {pk}" for i, pk in enumerate(partners))
                + " END",
                [project.pk],
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--single-project", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if args.single_project:
        load_single_project(args.single_project)
    project = Project.objects.annotate(n=Count("participations")).order_by("-n").first()
    assert project is not None, "load demo data first: polku demo --participants 100000"
    add_outcomes(project)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    participations = Participation.objects.filter(project=project).count()
    exited = Participation.objects.filter(project=project, exit_date__isnull=False).count()
    times = []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            table = indicator_table_unchecked(project=project)
            times.append(time.perf_counter() - start)
    print(f"database: {connection.vendor}")
    print(f"project {project.code}: {participations} participations, {exited} exited")
    print(
        f"indicator table ({len(table.rows)} rows): median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s over {args.runs} runs, {len(queries)} SQL statement(s) per table"
    )
    # what a project lead or an evaluator gets: every partner's table counted and suppressed together
    suppressed_times = []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as suppressed_queries:
            start = time.perf_counter()
            suppressed_view(project=project)
            suppressed_times.append(time.perf_counter() - start)
    print(
        f"suppressed view (lead, {project.partners.count()} partners): median "
        f"{statistics.median(suppressed_times):.3f} s, min {min(suppressed_times):.3f} s, "
        f"max {max(suppressed_times):.3f} s, {len(suppressed_queries)} SQL statement(s)"
    )
    print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
