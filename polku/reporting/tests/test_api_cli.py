"""The indicator endpoint (suppression by role) and the `polku report indicators` command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from polku.reporting.tests.factories import participant

URL = "/api/v1/projects/S29999/indicators/"


def table_as(world, role, query=""):
    client = APIClient()
    client.force_login(getattr(world, role))
    return client.get(URL + query)


def total_row(body):
    return next(r for r in body["rows"] if r["code"] == "EECO11")


@pytest.fixture
def people(world):
    for _ in range(2):
        participant(world.a, gender="woman")
    for _ in range(6):
        participant(world.b, gender="man")
    return world  # partner a: 3 people with part_a, partner b: 7 with part_b


def test_lead_and_evaluator_see_suppressed_figures(people):
    for role in ("lead", "evaluator"):
        body = table_as(people, role).json()
        assert body["suppressed"] is True and body["threshold"] == 5
        row = total_row(body)
        assert row["total"] == 10
        assert row["women"] is None  # 4 women (2 + part_a, part_b from the world fixture)
        assert row["men"] is None  # hidden with them, or the total would reveal them


def test_coordinator_sees_own_partner_exactly(people):
    body = table_as(people, "coord_a").json()
    assert body["suppressed"] is False and body["partner_id"] == people.a.pk
    assert total_row(body)["total"] == 3
    assert table_as(people, "coord_a", f"?partner={people.b.pk}").status_code == 403


def test_admin_sees_exact_figures(people):
    body = table_as(people, "admin").json()
    assert body["suppressed"] is False and total_row(body)["women"] == 4


def test_bad_parameters_are_400(people):
    assert table_as(people, "admin", "?from=2025-13-01").status_code == 400
    assert table_as(people, "admin", "?partner=999999").status_code == 400
    assert table_as(people, "admin", "?from=2025-06-01&to=2025-01-01").status_code == 400


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_cli_json_is_exact(people):
    document = json.loads(run("indicators", "S29999"))
    assert document["indicator_set"] == "esf_plus_2021"
    assert total_row(document) | {} == total_row(document)
    row = total_row(document)
    assert (row["total"], row["women"], row["men"]) == (10, 4, 6)


def test_cli_csv_and_filters(people):
    text = run(
        "indicators", "S29999", "--format", "csv", "--partner", str(people.b.pk), "--from", "2025-01-01"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["code", "label", "total", "women", "men", "non_binary", "unknown", "unanswered"]
    assert next(r for r in rows if r["code"] == "EECO11")["total"] == "7"


def test_cli_lists_projects_without_a_code(people):
    assert run("indicators").splitlines() == ["S29999"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["S29999", "--from", "1.1.2025"], "not a date"),
        (["NOPE"], "no project"),
        (["S29999", "--partner", "999999"], "no such partner"),
    ],
)
def test_cli_errors(people, args, message):
    with pytest.raises(CommandError, match=message):
        run("indicators", *args)
