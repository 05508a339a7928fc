"""Three-valued facts about a participation, compiled to database conditions.

Every fact answers yes, no or unknown for each participation. An item the person declined ("prefer not
to answer") or was never asked is unknown, never no. Combining facts follows Kleene's logic: `a & b` is
no as soon as either is no, `a | b` is yes as soon as either is yes, otherwise unknown wins.

Each fact gives three disjoint `Q` conditions (yes, no, unknown) written without negation, so that they
can sit in `Count(..., filter=...)` over a LEFT JOIN of participations, entry data, exit records and
follow-ups. The aliases they refer to are added by `annotate_facts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Case,
    DateField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Mod

from polku.participants.models import DECLINED

UNKNOWN_VALUES = ["", DECLINED]
WINDOW_DAYS = 28  # immediate results: a situation within four weeks of exit

EMPLOYED = ["employed", "self_employed"]
KNOWN_EXIT_STATUSES = ["unemployed", "education", "employed", "self_employed", "none"]


@dataclass(frozen=True)
class Conditions:
    yes: Q
    no: Q
    unknown: Q


class Fact:
    def conditions(self) -> Conditions:
        raise NotImplementedError

    def __and__(self, other: Fact) -> Fact:
        return All((self, other))

    def __or__(self, other: Fact) -> Fact:
        return AnyOf((self, other))


NOTHING = Q(pk__isnull=True)
EVERY = Q(pk__isnull=False)


@dataclass(frozen=True)
class Everyone(Fact):
    def conditions(self) -> Conditions:
        return Conditions(yes=EVERY, no=NOTHING, unknown=NOTHING)


@dataclass(frozen=True)
class Choice(Fact):
    """An answer among known values: `yes` values count, `no` values do not, anything else is unknown."""

    field: str  # path from Participation, e.g. entry_data__labour_status
    yes: tuple[str, ...]
    no: tuple[str, ...]

    def conditions(self) -> Conditions:
        unknown = Q(**{f"{self.field}__isnull": True}) | Q(**{f"{self.field}__in": UNKNOWN_VALUES})
        return Conditions(
            yes=Q(**{f"{self.field}__in": self.yes}), no=Q(**{f"{self.field}__in": self.no}), unknown=unknown
        )


def entry(item: str, yes: Iterable[str], no: Iterable[str]) -> Choice:
    return Choice(f"entry_data__{item}", tuple(yes), tuple(no))


def yes_no(item: str) -> Choice:
    return entry(item, ["yes"], ["no"])


@dataclass(frozen=True)
class AgeAtEntry(Fact):
    """Age on the entry date in whole years; a birthday on the entry date counts the new age."""

    at_least: int | None = None
    below: int | None = None

    def conditions(self) -> Conditions:
        known = Q(entry_data__date_of_birth__isnull=False)
        inside = known
        outside = NOTHING
        if self.at_least is not None:
            inside &= Q(age_key__gte=self.at_least * 10000)
            outside |= known & Q(age_key__lt=self.at_least * 10000)
        if self.below is not None:
            inside &= Q(age_key__lt=self.below * 10000)
            outside |= known & Q(age_key__gte=self.below * 10000)
        return Conditions(yes=inside, no=outside, unknown=Q(entry_data__date_of_birth__isnull=True))


@dataclass(frozen=True)
class UnemployedLongerThan(Fact):
    """Continuous unemployment at entry of more than `months` months (from `unemployed_since`)."""

    months: int

    def conditions(self) -> Conditions:
        known = Q(entry_data__unemployed_since__isnull=False)
        return Conditions(
            yes=known & Q(unemployed_key__gt=self.months * 100),
            no=known & Q(unemployed_key__lte=self.months * 100),
            unknown=Q(entry_data__unemployed_since__isnull=True),
        )


@dataclass(frozen=True)
class SituationAfterExit(Fact):
    """The exit record's situation, when it applied within four weeks of the exit date.

    Job searching and employment are exclusive by construction: the record holds one situation, the last
    one recorded. A record dated outside the window (e.g. from an exit before a re-entry) is unknown.
    """

    statuses: tuple[str, ...]

    def conditions(self) -> Conditions:
        known = Q(exit_situation_known=1)
        others = tuple(s for s in KNOWN_EXIT_STATUSES if s not in self.statuses)
        return Conditions(
            yes=known & Q(exit_record__status__in=self.statuses),
            no=known & Q(exit_record__status__in=others),
            unknown=Q(exit_situation_known=0),
        )


@dataclass(frozen=True)
class FollowUpSituation(Fact):
    """The six-month follow-up's situation, when the follow-up was answered."""

    statuses: tuple[str, ...]

    def conditions(self) -> Conditions:
        answered = Q(follow_up__status="answered")
        others = tuple(s for s in KNOWN_EXIT_STATUSES if s not in self.statuses)
        return Conditions(
            yes=answered & Q(follow_up__labour_status__in=self.statuses),
            no=answered & Q(follow_up__labour_status__in=others),
            unknown=Q(follow_up__isnull=True)
            | Q(follow_up__status__in=["pending", "closed"])
            | (answered & Q(follow_up__labour_status__in=UNKNOWN_VALUES)),
        )


IMPROVEMENTS = ("permanent_contract", "full_time", "more_demanding_job")


@dataclass(frozen=True)
class ImprovedSituation(Fact):
    """Six months after exit: moved to a permanent contract, to full time, or to a more demanding job.

    No when the follow-up says the person is no longer employed, or all three are answered no.
    """

    def conditions(self) -> Conditions:
        answered = Q(follow_up__status="answered")
        still_working = Q(follow_up__labour_status__in=[*EMPLOYED, *UNKNOWN_VALUES])
        not_working = Q(follow_up__labour_status__in=["unemployed", "education", "none"])
        any_yes = NOTHING
        all_no = EVERY
        none_yes = EVERY
        some_unanswered = NOTHING
        for item in IMPROVEMENTS:
            any_yes |= Q(**{f"follow_up__{item}": "yes"})
            all_no &= Q(**{f"follow_up__{item}": "no"})
            none_yes &= Q(**{f"follow_up__{item}__in": ["no", *UNKNOWN_VALUES]})
            some_unanswered |= Q(**{f"follow_up__{item}__in": UNKNOWN_VALUES})
        return Conditions(
            yes=answered & still_working & any_yes,
            no=answered & (not_working | (still_working & all_no)),
            unknown=Q(follow_up__isnull=True)
            | Q(follow_up__status__in=["pending", "closed"])
            | (answered & still_working & none_yes & some_unanswered),
        )


@dataclass(frozen=True)
class All(Fact):
    parts: tuple[Fact, ...]

    def conditions(self) -> Conditions:
        result = self.parts[0].conditions()
        for part in self.parts[1:]:
            b = part.conditions()
            a = result
            result = Conditions(
                yes=a.yes & b.yes,
                no=a.no | b.no,
                unknown=(a.unknown & (b.yes | b.unknown)) | (a.yes & b.unknown),
            )
        return result


@dataclass(frozen=True)
class AnyOf(Fact):
    parts: tuple[Fact, ...]

    def conditions(self) -> Conditions:
        result = self.parts[0].conditions()
        for part in self.parts[1:]:
            b = part.conditions()
            a = result
            result = Conditions(
                yes=a.yes | b.yes,
                no=a.no & b.no,
                unknown=(a.unknown & (b.no | b.unknown)) | (a.no & b.unknown),
            )
        return result


class DatePart(Func):
    """The year, month or day of a date as an integer.

    The same as `ExtractYear` & co., but on PostgreSQL `date_part(...)::integer`: `EXTRACT` returns
    `numeric` there (since PostgreSQL 14), about twice as slow per row, and `MOD` takes no `double`.
    """

    output_field = IntegerField()

    def __init__(self, expression: str, part: str) -> None:
        super().__init__(F(expression))
        self.part = part

    def as_sql(self, compiler, connection, **extra):  # type: ignore[override]
        sql, params = compiler.compile(self.source_expressions[0])
        return connection.ops.date_extract_sql(self.part, sql, params)

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date_part('{self.part}', {sql})::integer", params


def _date_key(field: str) -> ExpressionWrapper:
    return ExpressionWrapper(
        DatePart(field, "year") * 10000 + DatePart(field, "month") * 100 + DatePart(field, "day"),
        output_field=IntegerField(),
    )


def _month_key(field: str) -> ExpressionWrapper:
    return ExpressionWrapper(
        (DatePart(field, "year") * 12 + DatePart(field, "month")) * 100 + DatePart(field, "day"),
        output_field=IntegerField(),
    )


def annotate_facts(queryset: QuerySet) -> QuerySet:
    """Add the aliases the facts refer to, computed in the database.

    - `age_key`: entry date minus date of birth as YYYYMMDD numbers; `age >= n` is `age_key >= n * 10000`.
      Someone born on 29 February gets their new age on 28 February in common years (Finnish law on
      the reckoning of time).
    - `unemployed_key`: months × 100 + days between `unemployed_since` and the entry date.
    - `exit_situation_known`: 1 when the exit record holds a known situation dated (or, undated, taken
      as of the exit date) within [exit date, exit date + 28 days].
    """
    entry_year = DatePart("entry_date", "year")
    common_year = Q(entry_mod4__gt=0) | (Q(entry_mod100=0) & Q(entry_mod400__gt=0))
    born_29_february = Q(dob_month=2) & Q(dob_day=29)
    helpers = queryset.alias(
        entry_mod4=Mod(entry_year, 4),
        entry_mod100=Mod(entry_year, 100),
        entry_mod400=Mod(entry_year, 400),
        dob_month=DatePart("entry_data__date_of_birth", "month"),
        dob_day=DatePart("entry_data__date_of_birth", "day"),
        dob_key=Case(
            # The rare birthday first: the leap-year test is evaluated only for those born on 29 February.
            When(born_29_february & common_year, then=_date_key("entry_data__date_of_birth") - Value(1)),
            default=_date_key("entry_data__date_of_birth"),
            output_field=IntegerField(),
        ),
        window_end=ExpressionWrapper(
            F("exit_date") + dt.timedelta(days=WINDOW_DAYS), output_field=DateField()
        ),
        exit_situation_on=Coalesce("exit_record__status_on", "exit_date", output_field=DateField()),
    )
    return helpers.alias(
        age_key=ExpressionWrapper(_date_key("entry_date") - F("dob_key"), output_field=IntegerField()),
        unemployed_key=ExpressionWrapper(
            _month_key("entry_date") - _month_key("entry_data__unemployed_since"), output_field=IntegerField()
        ),
        exit_situation_known=Case(
            When(
                Q(exit_date__isnull=False)
                & Q(exit_record__status__in=KNOWN_EXIT_STATUSES)
                & Q(exit_situation_on__gte=F("exit_date"))
                & Q(exit_situation_on__lte=F("window_end")),
                then=1,
            ),
            default=0,
            output_field=IntegerField(),
        ),
    )
