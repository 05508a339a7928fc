"""Setting events up: create, update with the capacity rule, series from a recurrence rule, cancel, access,
and what event targets count."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from polku.accounts.access import access_for
from polku.activities import metrics
from polku.activities.models import Activity
from polku.core.errors import AccessDenied, ApplicationError
from polku.events.models import Event, Registration
from polku.events.selectors.events import event_get, open_events, visible_events
from polku.events.services import events as services
from polku.events.tests.factories import RegistrationFactory, event_of, soon
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def data(**extra):
    start = soon()
    return {
        "kind": Event.Kind.NETWORKING_DINNER,
        "title_en": "Networking dinner",
        "title_fi": "Verkostoitumisillallinen",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=3),
        "time_zone": "Europe/Helsinki",
        "venue": "Restaurant Laulumaa",
        "capacity": 30,
        "audience": Event.Audience.PROJECT,
        **extra,
    }


def test_an_event_is_an_activity_of_the_project(world):
    event = services.event_create(access=access_for(world.coord_a), partner=world.a, data=data())
    assert event.activity.kind == Activity.Kind.EVENT
    assert event.activity.partner == world.a
    assert event.activity.name == "Verkostoitumisillallinen"  # the first title given, fi → sv → en
    assert event.activity.starts_on == event.starts_at.astimezone(ZoneInfo("Europe/Helsinki")).date()


def test_title_follows_the_language(world):
    from django.utils import translation

    event = services.event_create(access=access_for(world.coord_a), partner=world.a, data=data())
    with translation.override("fi"):
        assert event.title == "Verkostoitumisillallinen"
    with translation.override("sv"):
        assert event.title == "Verkostoitumisillallinen"  # fi → sv → en
    with translation.override("en"):
        assert event.title == "Networking dinner"


def test_a_coordinator_cannot_add_events_for_another_partner(world):
    with pytest.raises(AccessDenied):
        services.event_create(access=access_for(world.coord_a), partner=world.b, data=data())
    services.event_create(access=access_for(world.lead), partner=world.b, data=data())


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"ends_at": soon() - dt.timedelta(hours=1)}, "ends_at"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"title_en": "", "title_fi": ""}, "title_en"),
        ({"kind": Event.Kind.REFLECTION}, "audience"),
        ({"round_count": 3}, "round_count"),
        ({"reminder_hours": [2000]}, "reminder_hours"),
        ({"registration_opens_at": soon(), "registration_closes_at": soon(days=1)}, "registration_closes_at"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(world, extra, field):
    with pytest.raises(ApplicationError) as caught:
        services.event_create(access=access_for(world.coord_a), partner=world.a, data=data(**extra))
    assert field in caught.value.field_errors
    assert not Event.objects.exists() and not Activity.objects.filter(kind="event").exists()


def test_capacity_cannot_go_below_the_seats_taken(world):
    event = event_of(world.a, capacity=5)
    for participation in (world.part_a, f.ParticipationFactory(partner=world.a)):
        RegistrationFactory(event=event, participation=participation)
    with pytest.raises(ApplicationError) as caught:
        services.event_update(access=access_for(world.coord_a), event=event, data={"capacity": 1})
    assert "capacity" in caught.value.field_errors
    event.refresh_from_db()
    assert event.capacity == 5
    services.event_update(access=access_for(world.coord_a), event=event, data={"capacity": 2})


def test_a_change_of_time_raises_the_calendar_sequence(world):
    event = event_of(world.a)
    services.event_update(access=access_for(world.coord_a), event=event, data={"capacity": 25})
    event.refresh_from_db()
    assert event.sequence == 0
    services.event_update(
        access=access_for(world.coord_a),
        event=event,
        data={"starts_at": event.starts_at + dt.timedelta(hours=1)},
    )
    event.refresh_from_db()
    assert event.sequence == 1
    services.event_cancel(access=access_for(world.coord_a), event=event)
    event.refresh_from_db()
    assert event.sequence == 2 and event.status == Event.Status.CANCELLED


def test_a_monthly_series_keeps_the_local_time_across_daylight_saving(world):
    zone = ZoneInfo("Europe/Helsinki")
    first = dt.datetime(2027, 1, 14, 17, 0, tzinfo=zone)
    events = services.series_create(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        partner=world.a,
        rule="FREQ=MONTHLY;COUNT=10",
        data=data(starts_at=first, ends_at=first + dt.timedelta(hours=2)),
    )
    assert len(events) == 10
    assert {e.series_id for e in events} == {events[0].series_id}
    assert [e.starts_at.astimezone(zone).hour for e in events] == [17] * 10
    assert events[5].starts_at.astimezone(zone).date() == dt.date(2027, 6, 14)
    # each occurrence is its own event, edited alone
    services.event_update(access=access_for(world.coord_a), event=events[1], data={"venue": "Elsewhere"})
    assert Event.objects.filter(venue="Elsewhere").count() == 1


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY", "FREQ=SOMETIMES;COUNT=2", "FREQ=DAILY;COUNT=500"])
def test_a_series_rule_that_cannot_be_used_is_refused(world, rule):
    with pytest.raises(ApplicationError) as caught:
        services.series_create(
            actor=world.coord_a, access=access_for(world.coord_a), partner=world.a, rule=rule, data=data()
        )
    assert "rule" in caught.value.field_errors
    assert not Event.objects.exists()


def test_who_sees_which_event(world):
    project_event = event_of(world.a, audience=Event.Audience.PROJECT)
    partner_event = event_of(world.a, audience=Event.Audience.PARTNER)
    staff_event = event_of(world.a, audience=Event.Audience.STAFF, kind=Event.Kind.REFLECTION)
    draft = event_of(world.a, status=Event.Status.DRAFT)
    assert set(open_events(access_for(world.user_a))) == {project_event, partner_event}
    assert set(open_events(access_for(world.user_b))) == {project_event}
    assert staff_event in set(open_events(access_for(world.coord_b)))
    assert draft not in set(open_events(access_for(world.user_a)))
    assert draft in set(visible_events(access_for(world.coord_a)))
    assert draft not in set(visible_events(access_for(world.coord_b)))
    assert not set(visible_events(access_for(world.stranger)))
    from django.http import Http404

    with pytest.raises(Http404):
        event_get(access=access_for(world.user_b), pk=partner_event.pk)


def test_targets_count_events_of_a_kind_and_attendance(world):
    past = timezone.now() - dt.timedelta(days=3)
    dinner = event_of(world.a, starts_at=past, ends_at=past + dt.timedelta(hours=2))
    event_of(world.a, starts_at=past, ends_at=past + dt.timedelta(hours=2), kind=Event.Kind.TRAINING)
    event_of(world.a)  # upcoming: not held yet
    RegistrationFactory(event=dinner, participation=world.part_a, attendance=Registration.Attendance.ATTENDED)
    RegistrationFactory(event=dinner, guest_email="guest@example.org", guest_name="Guest")
    dinners = f.TargetFactory(
        project=world.project, metric="events", kind=Event.Kind.NETWORKING_DINNER, value=6
    )
    held = f.TargetFactory(project=world.project, metric="events", value=6)
    attendees = f.TargetFactory(project=world.project, metric="event_attendees", value=10)
    assert metrics.count(dinners) == 1
    assert metrics.count(held) == 2
    assert metrics.count(attendees) == 1
    in_b = f.TargetFactory(project=world.project, metric="events", partner=world.b, value=6)
    assert metrics.count(in_b) == 0


def test_the_event_list_counts_seats_in_one_query(world, django_assert_max_num_queries):
    from rest_framework.test import APIClient

    for _ in range(5):
        event = event_of(world.a, capacity=10)
        RegistrationFactory(event=event, participation=f.ParticipationFactory(partner=world.a))
    api = APIClient()
    api.force_login(world.admin)
    api.get("/api/v1/events/")  # warm the session and the access cache
    with django_assert_max_num_queries(8):
        body = api.get("/api/v1/events/").json()
    assert [row["seats_taken"] for row in body["results"]] == [1] * 5
