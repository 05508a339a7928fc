"""The project dashboard counts event targets with the events app's counters, within the reader's partners."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from polku.accounts.access import access_for
from polku.dashboards.selectors import Filters, dashboard_get
from polku.events.models import Event, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _actual(world, user, target) -> int | None:
    board = dashboard_get(access=access_for(user), project=world.project, filters=Filters())
    return next(row.actual.value for row in board.targets if row.target.pk == target.pk)


def test_dinners_of_a_partner_and_activities_of_a_kind(world):
    past = timezone.now() - dt.timedelta(days=10)
    for partner in (world.a, world.a, world.b):
        event_of(partner, starts_at=past, ends_at=past + dt.timedelta(hours=3))
    event_of(world.a, starts_at=past, ends_at=past + dt.timedelta(hours=3), kind=Event.Kind.TRAINING)
    event_of(world.a)  # coming: not held yet
    dinners_a = f.TargetFactory(
        project=world.project, metric="events", kind="dinner", partner=world.a, value=6
    )
    all_dinners = f.TargetFactory(project=world.project, metric="events", kind="dinner", value=12)
    event_activities = f.TargetFactory(project=world.project, metric="activities", kind="event", value=10)
    assert _actual(world, world.admin, dinners_a) == 2
    assert _actual(world, world.admin, all_dinners) == 3
    assert _actual(world, world.admin, event_activities) == 5
    # a coordinator's project-wide target counts their own partner's events
    assert _actual(world, world.coord_b, all_dinners) == 1


def test_attendance_on_the_dashboard_is_suppressed_for_the_lead(world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    past = timezone.now() - dt.timedelta(days=10)
    event = event_of(world.a, starts_at=past, ends_at=past + dt.timedelta(hours=3))
    for _ in range(3):
        RegistrationFactory(
            event=event,
            participation=f.ParticipationFactory(partner=world.a),
            attendance=Registration.Attendance.ATTENDED,
        )
    people = f.TargetFactory(project=world.project, metric="event_attendees", value=20)
    assert _actual(world, world.admin, people) == 3
    assert _actual(world, world.lead, people) is None  # 3 people: a small number, hidden
