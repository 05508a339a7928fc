"""Target counters of entrepreneurship, from raw rows, by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from polku.activities.metrics import Within, count
from polku.activities.models import Target
from polku.entrepreneurship.models import Company, StageChange
from polku.entrepreneurship.tests.factories import BusinessIdeaFactory
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _company(participation, how, day):
    return Company.objects.create(
        participation=participation,
        how=how,
        name="X",
        country="FI",
        business_id=f"{Company.objects.count()}",
        company_form="limited",
        registered_on=day,
    )


def test_companies_and_transfers_counted_in_scope(world):
    _company(world.part_a, "founded", dt.date(2025, 5, 1))
    _company(world.part_b, "founded", dt.date(2025, 8, 1))
    _company(world.part_a, "taken_over", dt.date(2025, 6, 1))
    founded = f.TargetFactory(project=world.project, metric=Target.Metric.COMPANIES_FOUNDED, value=5)
    transfers = f.TargetFactory(project=world.project, metric=Target.Metric.TRANSFERS_COMPLETED, value=2)
    assert count(founded) == 2 and count(transfers) == 1
    assert count(founded, Within(partner_ids=frozenset({world.a.pk}))) == 1
    assert count(founded, Within(until=dt.date(2025, 6, 30))) == 1
    own = f.TargetFactory(
        project=world.project, partner=world.b, metric=Target.Metric.COMPANIES_FOUNDED, value=1
    )
    assert count(own) == 1


def test_ideas_that_reached_a_stage(world):
    one = BusinessIdeaFactory(participation=world.part_a, stage="paused")
    two = BusinessIdeaFactory(participation=world.part_b)
    StageChange.objects.create(
        idea=one, from_stage="idea", to_stage="validating", changed_on=dt.date(2025, 4, 1)
    )
    StageChange.objects.create(
        idea=one, from_stage="validating", to_stage="paused", changed_on=dt.date(2025, 5, 1)
    )
    StageChange.objects.create(idea=two, from_stage="", to_stage="idea", changed_on=dt.date(2025, 4, 1))
    validating = f.TargetFactory(
        project=world.project, metric=Target.Metric.IDEAS_AT_STAGE, kind="validating", value=3
    )
    assert count(validating) == 1  # paused later, it still reached the stage
    any_stage = f.TargetFactory(project=world.project, metric=Target.Metric.IDEAS_AT_STAGE, value=3)
    assert count(any_stage) == 2
