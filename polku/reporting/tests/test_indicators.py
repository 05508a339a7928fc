"""One case (or more) per indicator definition, against hand-computed figures.

Each case registers participants with given raw facts and states the expected row: how many are counted
(`total`) and how many are unknown (`unanswered`: declined, not asked, no answer). Entry is 1 March 2025,
exit 30 June 2025 unless the case says otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection

from polku.projects.models import Project
from polku.reporting.indicators import ESF, ESF_PLUS, SETS, indicator_set_for
from polku.reporting.selectors import indicator_table_unchecked
from polku.reporting.tests.factories import ENTRY, EXIT, participant
from polku.testing import factories as f

D = dt.date
LEFT = {"exit_date": EXIT}
ANSWERED = {"status": "answered"}


def case(code: str, facts: dict[str, Any], total: int, unanswered: int = 0, id: str = "") -> Any:
    return pytest.param(code, facts, total, unanswered, id=f"{code}-{id}" if id else code)


ESF_PLUS_CASES = [
    case("EECO01", {"labour_status": "unemployed"}, 1),
    case("EECO01", {"labour_status": "declined"}, 0, 1, "declined-is-unknown"),
    case("EECO01", {"labour_status": ""}, 0, 1, "not-asked-is-unknown"),
    case("EECO01", {"labour_status": "student"}, 0, 0, "student-is-no"),
    case("EECO02", {"labour_status": "unemployed", "unemployed_since": D(2024, 1, 10)}, 1, id="14-months"),
    case(
        "EECO02",
        {"labour_status": "unemployed", "unemployed_since": D(2024, 3, 1)},
        0,
        id="exactly-12-months-is-not-more",
    ),
    case(
        "EECO02",
        {"labour_status": "unemployed", "unemployed_since": D(2024, 7, 1), "date_of_birth": D(2002, 1, 1)},
        1,
        id="8-months-under-25",
    ),
    case(
        "EECO02",
        {"labour_status": "unemployed", "unemployed_since": D(2024, 7, 1)},
        0,
        id="8-months-aged-35",
    ),
    case(
        "EECO02",
        {"labour_status": "unemployed", "unemployed_since": D(2024, 7, 1), "date_of_birth": None},
        0,
        1,
        "8-months-age-unknown",
    ),
    case(
        "EECO02",
        {"labour_status": "unemployed", "unemployed_since": D(2023, 7, 1), "date_of_birth": None},
        1,
        id="20-months-age-unknown",
    ),
    case("EECO02", {"labour_status": "unemployed"}, 0, 1, "since-unknown"),
    case("EECO02", {"labour_status": "employed"}, 0, 0, "employed-is-no"),
    case("EECO03", {"labour_status": "student"}, 1, id="student"),
    case("EECO03", {"labour_status": "inactive"}, 1, id="inactive"),
    case("EECO04", {"labour_status": "self_employed"}, 1, id="self-employed"),
    case("EECO04", {"labour_status": "employed"}, 1, id="employed"),
    case("EECO05", {"date_of_birth": D(2007, 3, 2)}, 1, id="17-on-entry"),
    case("EECO05", {"date_of_birth": D(2007, 3, 1)}, 0, id="18th-birthday-on-entry-date"),
    case("EECO05", {"date_of_birth": None}, 0, 1, "birth-date-not-given"),
    case("EECO06", {"date_of_birth": D(2007, 3, 1)}, 1, id="18th-birthday-on-entry-date"),
    case("EECO06", {"date_of_birth": D(1995, 3, 2)}, 1, id="29-on-entry"),
    case("EECO06", {"date_of_birth": D(1995, 3, 1)}, 0, id="30th-birthday-on-entry-date"),
    case("EECO07", {"date_of_birth": D(1970, 3, 1)}, 1, id="55th-birthday-on-entry-date"),
    case("EECO07", {"date_of_birth": D(1970, 3, 2)}, 0, id="54-on-entry"),
    case("EECO08", {"education": "0"}, 1, id="isced-0"),
    case("EECO08", {"education": "2"}, 1, id="isced-2"),
    case("EECO08", {"education": "3"}, 0, id="isced-3"),
    case("EECO08", {"education": "declined"}, 0, 1, "declined"),
    case("EECO09", {"education": "4"}, 1),
    case("EECO10", {"education": "8"}, 1),
    case("EECO11", {"gender": "declined", "labour_status": "declined"}, 1),
    case("EECO12", {"disability": "yes"}, 1),
    case("EECO12", {"disability": "declined"}, 0, 1, "declined"),
    case("EECO12", {"disability": ""}, 0, 1, "not-asked"),
    case("EECO13", {"citizenship": "non_eu"}, 1),
    case("EECO13", {"citizenship": "eu"}, 0, id="eu-citizen"),
    case("EECO14", {"foreign_background": "yes"}, 1),
    case("EECO15", {"minority": "yes"}, 1),
    case("EECO16", {"homeless": "yes"}, 1),
    case("EECO17", {"rural": "yes"}, 1),
    case("EECO17", {"rural": "declined"}, 0, 1, "declined"),
    # immediate results: a situation within four weeks of exit
    case("EECR01", LEFT | {"exit": {"status": "unemployed", "status_on": D(2025, 7, 10)}}, 1),
    case(
        "EECR01",
        LEFT | {"exit": {"status": "unemployed", "status_on": D(2025, 7, 29)}},
        0,
        1,
        "29-days-after-exit",
    ),
    case("EECR01", LEFT | {"exit": {"status": "unemployed", "status_on": D(2025, 7, 28)}}, 1, id="day-28"),
    case("EECR01", LEFT, 0, 1, "exit-with-no-answer"),
    case("EECR01", LEFT | {"exit": {"status": "declined"}}, 0, 1, "exit-declined"),
    case("EECR01", LEFT | {"exit": {"status": "employed"}}, 0, 0, "employed-is-not-job-searching"),
    case("EECR01", {"exit": {"status": "unemployed"}}, 0, 0, "not-exited"),
    case("EECR02", LEFT | {"exit": {"status": "education"}}, 1),
    case("EECR03", LEFT | {"exit": {"status": "none", "qualification_gained": "yes"}}, 1),
    case("EECR03", LEFT | {"exit": {"status": "none", "qualification_gained": "declined"}}, 0, 1, "declined"),
    case("EECR04", LEFT | {"exit": {"status": "employed"}}, 1, id="undated-is-at-exit"),
    case("EECR04", LEFT | {"exit": {"status": "self_employed", "status_on": EXIT}}, 1, id="self-employed"),
    case("EECR04", LEFT | {"exit": {"status": "unemployed"}}, 0, id="job-searching-is-not-employed"),
    # longer-term results: the six-month follow-up
    case("EECR05", LEFT | {"follow_up": ANSWERED | {"labour_status": "employed"}}, 1),
    case("EECR05", LEFT | {"follow_up": {"status": "pending"}}, 0, 1, "not-answered"),
    case("EECR05", LEFT | {"follow_up": ANSWERED | {"labour_status": "declined"}}, 0, 1, "declined"),
    case("EECR05", LEFT | {"follow_up": ANSWERED | {"labour_status": "unemployed"}}, 0, id="unemployed"),
    case(
        "EECR06",
        LEFT | {"follow_up": ANSWERED | {"labour_status": "employed", "permanent_contract": "yes"}},
        1,
        id="permanent-contract",
    ),
    case(
        "EECR06",
        LEFT | {"follow_up": ANSWERED | {"labour_status": "employed", "more_demanding_job": "yes"}},
        1,
        id="promoted",
    ),
    case(
        "EECR06",
        LEFT
        | {"labour_status": "unemployed"}
        | {"follow_up": ANSWERED | {"labour_status": "employed", "full_time": "yes"}},
        0,
        0,
        "only-for-the-employed-at-entry",
    ),
    case(
        "EECR06",
        LEFT
        | {
            "follow_up": ANSWERED
            | {
                "labour_status": "employed",
                "permanent_contract": "no",
                "full_time": "no",
                "more_demanding_job": "no",
            }
        },
        0,
        0,
        "all-no",
    ),
    case(
        "EECR06",
        LEFT | {"follow_up": ANSWERED | {"labour_status": "employed", "full_time": "declined"}},
        0,
        1,
        "declined-is-unknown",
    ),
    case("EECR06", LEFT | {"follow_up": ANSWERED | {"labour_status": "unemployed"}}, 0, id="lost-the-job"),
]

ESF_CASES = [
    case("CO01", {"labour_status": "unemployed"}, 1),
    case("CO02", {"labour_status": "unemployed", "unemployed_since": D(2023, 12, 1)}, 1),
    case("CO03", {"labour_status": "student"}, 1),
    case("CO04", {"labour_status": "inactive"}, 1),
    case("CO04", {"labour_status": "student"}, 0, id="student-is-in-education"),
    case("CO05", {"labour_status": "employed"}, 1),
    case("CO06", {"date_of_birth": D(2000, 3, 2)}, 1, id="24-on-entry"),
    case("CO06", {"date_of_birth": D(2000, 3, 1)}, 0, id="25th-birthday-on-entry-date"),
    case("CO07", {"date_of_birth": D(1970, 3, 1)}, 1),
    case("CO08", {"date_of_birth": D(1965, 1, 1), "labour_status": "unemployed"}, 1),
    case("CO08", {"date_of_birth": D(1965, 1, 1), "labour_status": "student"}, 0, id="student"),
    case("CO08", {"date_of_birth": D(1965, 1, 1), "labour_status": "declined"}, 0, 1, "declined"),
    case("CO09", {"education": "1"}, 1),
    case("CO09", {"education": "0"}, 0, id="isced-0-is-not-primary"),
    case("CO10", {"education": "3"}, 1),
    case("CO11", {"education": "5"}, 1),
    case("CO15", {"citizenship": "eu"}, 1, id="migrant"),
    case("CO15", {"foreign_background": "yes"}, 1, id="foreign-background"),
    case("CO15", {"minority": "declined"}, 0, 1, "declined-is-unknown-not-no"),
    case("CO16", {"disability": "yes"}, 1),
    case("CO17", {"education": "0"}, 1, id="no-primary-education"),
    case("CO18", {"homeless": "yes"}, 1),
    case("CO19", {"rural": "yes"}, 1),
    case("CR01", LEFT | {"labour_status": "inactive", "exit": {"status": "unemployed"}}, 1),
    case("CR01", LEFT | {"labour_status": "unemployed", "exit": {"status": "unemployed"}}, 0, id="not-new"),
    case("CR02", LEFT | {"exit": {"status": "education"}}, 1),
    case("CR03", LEFT | {"exit": {"status": "none", "qualification_gained": "yes"}}, 1),
    case("CR04", LEFT | {"exit": {"status": "employed"}}, 1),
    case("CR05", LEFT | {"homeless": "yes", "exit": {"status": "education"}}, 1),
    case("CR05", LEFT | {"exit": {"status": "education"}}, 0, id="not-disadvantaged"),
    case("CR06", LEFT | {"follow_up": ANSWERED | {"labour_status": "self_employed"}}, 1),
    case("CR07", LEFT | {"follow_up": ANSWERED | {"labour_status": "employed", "full_time": "yes"}}, 1),
    case(
        "CR08",
        LEFT | {"date_of_birth": D(1960, 1, 1), "follow_up": ANSWERED | {"labour_status": "employed"}},
        1,
    ),
    case("CR09", LEFT | {"disability": "yes", "follow_up": ANSWERED | {"labour_status": "employed"}}, 1),
]


def row_of(project: Project, code: str):
    table = indicator_table_unchecked(project=project)
    return next(r for r in table.rows if r.code == code)


@pytest.fixture
def partner(db):
    return f.PartnerFactory(project__code="S10001", project__funder=Project.Funder.ESF_PLUS_2021)


@pytest.fixture
def old_partner(db):
    return f.PartnerFactory(
        project__code="S10002",
        project__funder=Project.Funder.ESF_2014,
        project__starts_on=dt.date(2019, 1, 1),
    )


@pytest.mark.parametrize(("code", "facts", "total", "unanswered"), ESF_PLUS_CASES)
def test_esf_plus_definition(partner, code, facts, total, unanswered):
    participant(partner, **facts)
    row = row_of(partner.project, code)
    assert (row.total, row.unanswered) == (total, unanswered)


@pytest.mark.parametrize(("code", "facts", "total", "unanswered"), ESF_CASES)
def test_esf_2014_definition(old_partner, code, facts, total, unanswered):
    participant(old_partner, **facts)
    row = row_of(old_partner.project, code)
    assert (row.total, row.unanswered) == (total, unanswered)


def test_every_definition_has_a_case():
    assert {c.values[0] for c in ESF_PLUS_CASES} == {i.code for i in ESF_PLUS}
    assert {c.values[0] for c in ESF_CASES} == {i.code for i in ESF}


def test_codes_follow_the_regulations():
    assert [i.code for i in ESF_PLUS] == [f"EECO{n:02}" for n in range(1, 18)] + [
        f"EECR{n:02}" for n in range(1, 7)
    ]
    assert [i.code for i in ESF] == (
        [f"CO{n:02}" for n in [*range(1, 12), *range(15, 20)]] + [f"CR{n:02}" for n in range(1, 10)]
    )


def test_gender_breakdown_and_prefer_not_to_answer(partner):
    participant(partner, gender="woman")
    participant(partner, gender="woman")
    participant(partner, gender="man")
    participant(partner, gender="non_binary")
    participant(partner, gender="declined")
    participant(partner, gender="")
    row = row_of(partner.project, "EECO11")
    assert (row.total, row.women, row.men, row.non_binary, row.unknown) == (6, 2, 1, 1, 2)


def test_born_on_29_february_turns_18_on_28_february_in_a_common_year(partner):
    participant(partner, entry_date=D(2022, 2, 28), date_of_birth=D(2004, 2, 29))
    assert row_of(partner.project, "EECO05").total == 0
    assert row_of(partner.project, "EECO06").total == 1


def test_re_entry_keeps_an_old_exit_out_of_the_results(partner):
    # Left on 30 June, situation recorded, came back: no exit now, so no result yet.
    participant(partner, exit_date=None, exit={"status": "employed", "status_on": EXIT})
    assert (row_of(partner.project, "EECR04").total, row_of(partner.project, "EECR04").unanswered) == (0, 0)
    # Left again in November: the old situation is outside the new four weeks, so unknown until updated.
    participant(partner, exit_date=D(2025, 11, 30), exit={"status": "employed", "status_on": EXIT})
    row = row_of(partner.project, "EECR04")
    assert (row.total, row.unanswered) == (0, 1)
    assert row_of(partner.project, "EECO11").total == 2  # one participation each, counted once


def test_period_counts_outputs_by_entry_and_results_by_exit(partner):
    participant(partner, entry_date=D(2024, 5, 1), exit_date=D(2025, 4, 1), exit={"status": "employed"})
    participant(partner, entry_date=D(2025, 2, 1))
    table = indicator_table_unchecked(
        project=partner.project, period_from=D(2025, 1, 1), period_to=D(2025, 12, 31)
    )
    rows = {r.code: r for r in table.rows}
    assert rows["EECO11"].total == 1
    assert rows["EECR04"].total == 1
    table = indicator_table_unchecked(project=partner.project, period_to=D(2024, 12, 31))
    rows = {r.code: r for r in table.rows}
    assert (rows["EECO11"].total, rows["EECR04"].total) == (1, 0)


def test_partner_filter(partner):
    other = f.PartnerFactory(project=partner.project)
    participant(partner)
    participant(other)
    participant(other)
    table = indicator_table_unchecked(project=partner.project, partner_id=other.pk)
    assert table.rows[10].code == "EECO11" and table.rows[10].total == 2


def test_one_query(partner, django_assert_num_queries):
    participant(partner)
    project = partner.project
    # One SELECT; on PostgreSQL inside a savepoint with `SET LOCAL jit = off` (SAVEPOINT, SET, SELECT,
    # RELEASE).
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 1):
        indicator_table_unchecked(project=project)


def test_indicator_set_for_a_project(db):
    assert indicator_set_for(f.ProjectFactory(funder="esf_2014")) == "esf_2014"
    assert indicator_set_for(f.ProjectFactory(funder="esf_plus_2021")) == "esf_plus_2021"
    # another funder reports no ESF indicators unless a set is chosen (issue 16: the ERDF Talent Boost)
    assert indicator_set_for(f.ProjectFactory(funder="national", starts_on=D(2019, 1, 1))) == ""
    assert indicator_set_for(f.ProjectFactory(funder="erdf")) == ""
    assert (
        indicator_set_for(f.ProjectFactory(funder="erdf", indicator_set="esf_plus_2021")) == "esf_plus_2021"
    )
    chosen = f.ProjectFactory(funder="esf_plus_2021", indicator_set="esf_2014")
    assert indicator_set_for(chosen) == "esf_2014"
    assert set(SETS) == {"esf_plus_2021", "esf_2014"}


def test_esf_2014_project_gets_its_set(old_partner):
    participant(old_partner)
    table = indicator_table_unchecked(project=old_partner.project)
    assert table.indicator_set == "esf_2014" and table.rows[0].code == "CO01"
    assert ENTRY.year == 2025
