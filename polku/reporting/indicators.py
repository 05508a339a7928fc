"""Funder indicator definitions: one declarative entry per indicator, computed from raw facts.

Two sets: the ESF+ 2021–2027 common indicators for participants (Regulation (EU) 2021/1057, Annex I,
points 1.1–1.4; codes EECO01–EECO17 and EECR01–EECR06 as the Commission's SFC2021 lists number them),
and the ESF 2014–2020 common indicators (Regulation (EU) No 1304/2013, Annex I; CO01–CO11, CO15–CO19,
CR01–CR09). `source` holds the regulation's wording; docs/indicators.md explains each definition.

Outputs count participants who entered in the period, results those who exited in it. Every row is
broken down by gender (women, men, non-binary, unknown); declined or unasked items are unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The set identifiers, their labels and the automatic choice live with the project (polku.projects).
from polku.projects.indicator_sets import ESF_2014, ESF_PLUS_2021
from polku.projects.indicator_sets import SET_LABELS as SET_LABELS
from polku.projects.indicator_sets import indicator_set_for as indicator_set_for
from polku.reporting.logic import (
    EMPLOYED,
    AgeAtEntry,
    AnyOf,
    Choice,
    Everyone,
    Fact,
    FollowUpSituation,
    ImprovedSituation,
    SituationAfterExit,
    UnemployedLongerThan,
    entry,
    yes_no,
)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Promise
    kind: Literal["output", "result"]
    fact: Fact
    source: str  # the regulation's wording


LABOUR = ("unemployed", "employed", "self_employed", "student", "inactive")


def labour(*yes: str) -> Fact:
    return entry("labour_status", yes, [s for s in LABOUR if s not in yes])


def education(*yes: str) -> Fact:
    levels = [str(n) for n in range(9)]
    return entry("education", yes, [s for s in levels if s not in yes])


UNEMPLOYED = labour("unemployed")
# Long-term unemployed (EU definition): continuously unemployed for more than 12 months, or more than
# 6 months for those under 25. Age unknown with 6–12 months of unemployment is unknown.
LONG_TERM_UNEMPLOYED = UNEMPLOYED & (
    UnemployedLongerThan(12) | (UnemployedLongerThan(6) & AgeAtEntry(below=25))
)
INACTIVE = labour("student", "inactive")
EMPLOYED_AT_ENTRY = labour(*EMPLOYED)

JOB_SEARCHING_AFTER = SituationAfterExit(("unemployed",))
EDUCATION_AFTER = SituationAfterExit(("education",))
EMPLOYED_AFTER = SituationAfterExit(tuple(EMPLOYED))
EMPLOYED_SIX_MONTHS = FollowUpSituation(tuple(EMPLOYED))
IMPROVED_SIX_MONTHS = EMPLOYED_AT_ENTRY & ImprovedSituation()

QUALIFICATION = Choice("exit_record__qualification_gained", ("yes",), ("no",))

ESF_PLUS = [
    Indicator(
        "EECO01",
        _("Unemployed, including long-term unemployed"),
        "output",
        UNEMPLOYED,
        "unemployed, including long-term unemployed",
    ),
    Indicator("EECO02", _("Long-term unemployed"), "output", LONG_TERM_UNEMPLOYED, "long-term unemployed"),
    Indicator("EECO03", _("Inactive"), "output", INACTIVE, "inactive"),
    Indicator(
        "EECO04",
        _("Employed, including self-employed"),
        "output",
        EMPLOYED_AT_ENTRY,
        "employed, including self-employed",
    ),
    Indicator(
        "EECO05",
        _("Below 18 years of age"),
        "output",
        AgeAtEntry(below=18),
        "number of children below 18 years of age",
    ),
    Indicator(
        "EECO06",
        _("18–29 years of age"),
        "output",
        AgeAtEntry(at_least=18, below=30),
        "young people between 18 and 29 years of age",
    ),
    Indicator(
        "EECO07",
        _("55 years of age and above"),
        "output",
        AgeAtEntry(at_least=55),
        "number of participants 55 years of age and above",
    ),
    Indicator(
        "EECO08",
        _("With ISCED 0 to 2"),
        "output",
        education("0", "1", "2"),
        "with lower secondary education or less (ISCED 0-2)",
    ),
    Indicator(
        "EECO09",
        _("With ISCED 3 to 4"),
        "output",
        education("3", "4"),
        "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
    ),
    Indicator(
        "EECO10",
        _("With ISCED 5 to 8"),
        "output",
        education("5", "6", "7", "8"),
        "with tertiary education (ISCED 5-8)",
    ),
    Indicator(
        "EECO11", _("Total number of participants"), "output", Everyone(), "total number of participants"
    ),
    Indicator(
        "EECO12",
        _("Participants with disabilities"),
        "output",
        yes_no("disability"),
        "participants with disabilities",
    ),
    Indicator(
        "EECO13",
        _("Third-country nationals"),
        "output",
        entry("citizenship", ["non_eu"], ["fi", "eu"]),
        "third-country nationals",
    ),
    Indicator(
        "EECO14",
        _("Participants with a foreign background"),
        "output",
        yes_no("foreign_background"),
        "participants with a foreign background",
    ),
    Indicator(
        "EECO15",
        _("Minorities (including marginalised communities such as the Roma)"),
        "output",
        yes_no("minority"),
        "minorities (including marginalised communities such as the Roma)",
    ),
    Indicator(
        "EECO16",
        _("Homeless or affected by housing exclusion"),
        "output",
        yes_no("homeless"),
        "homeless or affected by housing exclusion",
    ),
    Indicator(
        "EECO17",
        _("Participants from rural areas"),
        "output",
        yes_no("rural"),
        "participants from rural areas",
    ),
    Indicator(
        "EECR01",
        _("Participants engaged in job searching upon leaving"),
        "result",
        JOB_SEARCHING_AFTER,
        "participants engaged in job searching upon leaving",
    ),
    Indicator(
        "EECR02",
        _("Participants in education or training upon leaving"),
        "result",
        EDUCATION_AFTER,
        "participants in education or training upon leaving",
    ),
    Indicator(
        "EECR03",
        _("Participants gaining a qualification upon leaving"),
        "result",
        QUALIFICATION,
        "participants gaining a qualification upon leaving",
    ),
    Indicator(
        "EECR04",
        _("Participants in employment, including self-employment, upon leaving"),
        "result",
        EMPLOYED_AFTER,
        "participants in employment, including self-employment, upon leaving",
    ),
    Indicator(
        "EECR05",
        _("Participants in employment, including self-employment, six months after leaving"),
        "result",
        EMPLOYED_SIX_MONTHS,
        "participants in employment, including self-employment, six months after leaving",
    ),
    Indicator(
        "EECR06",
        _("Participants with an improved labour market situation six months after leaving"),
        "result",
        IMPROVED_SIX_MONTHS,
        "participants with an improved labour market situation six months after leaving",
    ),
]

# ESF 2014–2020. "Migrants": citizens of another country than Finland (Polku records citizenship as
# Finnish / other EU or EEA / outside the EU). "Other disadvantaged" (CO17) is read from the facts
# Polku collects: aged 18 or over at entry with no completed primary education (ISCED 0), who are not
# counted by CO09–CO11. "Disadvantaged" in CR05 and CR09: counted by CO15, CO16, CO17 or CO18.
MIGRANT_OR_MINORITY = AnyOf(
    (entry("citizenship", ["eu", "non_eu"], ["fi"]), yes_no("foreign_background"), yes_no("minority"))
)
OTHER_DISADVANTAGED = AgeAtEntry(at_least=18) & education("0")
DISADVANTAGED = AnyOf((MIGRANT_OR_MINORITY, yes_no("disability"), OTHER_DISADVANTAGED, yes_no("homeless")))
ANY_IMMEDIATE_RESULT = AnyOf((JOB_SEARCHING_AFTER, EDUCATION_AFTER, QUALIFICATION, EMPLOYED_AFTER))

ESF = [
    Indicator(
        "CO01",
        _("Unemployed, including long-term unemployed"),
        "output",
        UNEMPLOYED,
        "unemployed, including long-term unemployed",
    ),
    Indicator("CO02", _("Long-term unemployed"), "output", LONG_TERM_UNEMPLOYED, "long-term unemployed"),
    Indicator("CO03", _("Inactive"), "output", INACTIVE, "inactive"),
    Indicator(
        "CO04",
        _("Inactive, not in education or training"),
        "output",
        labour("inactive"),
        "inactive, not in education or training",
    ),
    Indicator(
        "CO05",
        _("Employed, including self-employed"),
        "output",
        EMPLOYED_AT_ENTRY,
        "employed, including self-employed",
    ),
    Indicator("CO06", _("Below 25 years of age"), "output", AgeAtEntry(below=25), "below 25 years of age"),
    Indicator("CO07", _("Above 54 years of age"), "output", AgeAtEntry(at_least=55), "above 54 years of age"),
    Indicator(
        "CO08",
        _(
            "Above 54 years of age who are unemployed, including long-term unemployed, or "
            "inactive not in education or training"
        ),
        "output",
        AgeAtEntry(at_least=55) & labour("unemployed", "inactive"),
        "above 54 years of age who are unemployed, including long-term unemployed, or inactive not "
        "in education or training",
    ),
    Indicator(
        "CO09",
        _("With primary (ISCED 1) or lower secondary education (ISCED 2)"),
        "output",
        education("1", "2"),
        "with primary (ISCED 1) or lower secondary education (ISCED 2)",
    ),
    Indicator(
        "CO10",
        _("With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"),
        "output",
        education("3", "4"),
        "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
    ),
    Indicator(
        "CO11",
        _("With tertiary education (ISCED 5 to 8)"),
        "output",
        education("5", "6", "7", "8"),
        "with tertiary education (ISCED 5 to 8)",
    ),
    Indicator(
        "CO15",
        _(
            "Migrants, participants with a foreign background, minorities (including "
            "marginalised communities such as the Roma)"
        ),
        "output",
        MIGRANT_OR_MINORITY,
        "migrants, participants with a foreign background, minorities (including marginalised "
        "communities such as the Roma)",
    ),
    Indicator(
        "CO16",
        _("Participants with disabilities"),
        "output",
        yes_no("disability"),
        "participants with disabilities",
    ),
    Indicator(
        "CO17", _("Other disadvantaged people"), "output", OTHER_DISADVANTAGED, "other disadvantaged people"
    ),
    Indicator(
        "CO18",
        _("Homeless or affected by housing exclusion"),
        "output",
        yes_no("homeless"),
        "homeless or affected by housing exclusion",
    ),
    Indicator("CO19", _("From rural areas"), "output", yes_no("rural"), "from rural areas"),
    Indicator(
        "CR01",
        _("Inactive participants newly engaged in job searching upon leaving"),
        "result",
        INACTIVE & JOB_SEARCHING_AFTER,
        "inactive participants newly engaged in job searching upon leaving",
    ),
    Indicator(
        "CR02",
        _("Participants in education or training upon leaving"),
        "result",
        EDUCATION_AFTER,
        "participants in education/training upon leaving",
    ),
    Indicator(
        "CR03",
        _("Participants gaining a qualification upon leaving"),
        "result",
        QUALIFICATION,
        "participants gaining a qualification upon leaving",
    ),
    Indicator(
        "CR04",
        _("Participants in employment, including self-employment, upon leaving"),
        "result",
        EMPLOYED_AFTER,
        "participants in employment, including self-employment, upon leaving",
    ),
    Indicator(
        "CR05",
        _(
            "Disadvantaged participants engaged in job searching, education or training, "
            "gaining a qualification, in employment, including self-employment, upon leaving"
        ),
        "result",
        DISADVANTAGED & ANY_IMMEDIATE_RESULT,
        "disadvantaged participants engaged in job searching, education/training, gaining a "
        "qualification, in employment, including self-employment, upon leaving",
    ),
    Indicator(
        "CR06",
        _("Participants in employment, including self-employment, six months after leaving"),
        "result",
        EMPLOYED_SIX_MONTHS,
        "participants in employment, including self-employment, six months after leaving",
    ),
    Indicator(
        "CR07",
        _("Participants with an improved labour market situation six months after leaving"),
        "result",
        IMPROVED_SIX_MONTHS,
        "participants with an improved labour market situation six months after leaving",
    ),
    Indicator(
        "CR08",
        _(
            "Participants above 54 years of age in employment, including self-employment, six "
            "months after leaving"
        ),
        "result",
        AgeAtEntry(at_least=55) & EMPLOYED_SIX_MONTHS,
        "participants above 54 years of age in employment, including self-employment, six months "
        "after leaving",
    ),
    Indicator(
        "CR09",
        _("Disadvantaged participants in employment, including self-employment, six months after leaving"),
        "result",
        DISADVANTAGED & EMPLOYED_SIX_MONTHS,
        "disadvantaged participants in employment, including self-employment, six months after leaving",
    ),
]

SETS: dict[str, list[Indicator]] = {ESF_PLUS_2021: ESF_PLUS, ESF_2014: ESF}
