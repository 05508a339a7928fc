"""Check-in and attendance: by code (or the scanned QR address), by name, self check-in of online events,
no-shows after the event, enrolment in the event's activity, and the attendance certificate."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from polku.accounts.access import access_for
from polku.activities.models import ActivityEnrolment
from polku.core.errors import AccessDenied, ApplicationError
from polku.events.certificates import certificate_pdf
from polku.events.models import Event, Registration
from polku.events.qr import check_in_url, qr_svg
from polku.events.services import registrations as services
from polku.events.tests.factories import RegistrationFactory, event_of

pytestmark = pytest.mark.django_db
Attendance = Registration.Attendance


def check(world, event, code, user=None):
    user = user or world.coord_a
    return services.check_in_by_code(actor=user, access=access_for(user), event=event, code=code)


def test_checking_in_by_code_records_attendance_and_enrols_in_the_activity(world):
    event = event_of(world.a)
    registration = RegistrationFactory(event=event, participation=world.part_a)
    done = check(world, event, registration.code)
    assert done.attendance == Attendance.ATTENDED
    assert done.checked_in_by == world.coord_a and done.checked_in_at is not None
    assert ActivityEnrolment.objects.filter(activity=event.activity, participation=world.part_a).exists()
    check(world, event, registration.code)  # twice is harmless
    assert ActivityEnrolment.objects.filter(activity=event.activity).count() == 1


def test_the_scanned_qr_address_works_as_the_code(world):
    event = event_of(world.a)
    registration = RegistrationFactory(event=event, participation=world.part_a)
    assert check(world, event, check_in_url(registration)).attendance == Attendance.ATTENDED
    svg = str(qr_svg(registration))
    assert svg.startswith('<svg role="img" aria-label="QR code for checking in to')


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (Registration.Status.CANCELLED, "was cancelled"),
        (Registration.Status.WAITING, "on the waitlist"),
        (Registration.Status.OFFERED, "not accepted it yet"),
    ],
)
def test_a_registration_without_a_seat_cannot_check_in(world, status, message):
    event = event_of(world.a)
    registration = RegistrationFactory(event=event, participation=world.part_a, status=status)
    with pytest.raises(ApplicationError, match=message) as caught:
        check(world, event, registration.code)
    assert "code" in caught.value.field_errors
    registration.refresh_from_db()
    assert registration.attendance == Attendance.UNKNOWN


def test_a_code_of_another_event_gets_a_clear_error(world):
    event, other = event_of(world.a), event_of(world.a)
    registration = RegistrationFactory(event=other, participation=world.part_a)
    with pytest.raises(ApplicationError, match="another event"):
        check(world, event, registration.code)
    with pytest.raises(ApplicationError, match="No registration has this code"):
        check(world, event, "nonsense")


def test_only_the_organisers_check_people_in(world):
    event = event_of(world.a)
    registration = RegistrationFactory(event=event, participation=world.part_b)
    with pytest.raises(AccessDenied):
        check(world, event, registration.code, user=world.coord_b)
    check(world, event, registration.code, user=world.lead)


def online(world, minutes_from_now):
    start = timezone.now() + dt.timedelta(minutes=minutes_from_now)
    return event_of(
        world.a,
        kind=Event.Kind.ONLINE,
        venue="",
        online_url="https://meet.example.org/r",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )


def test_self_check_in_with_the_event_code_from_fifteen_minutes_before(world):
    event = online(world, 10)
    RegistrationFactory(event=event, participation=world.part_a)
    access = access_for(world.user_a)
    with pytest.raises(ApplicationError, match="not right"):
        services.self_check_in(actor=world.user_a, access=access, event=event, code="WRONG1")
    done = services.self_check_in(
        actor=world.user_a, access=access, event=event, code=event.check_in_code.lower()
    )
    assert done.attendance == Attendance.ATTENDED
    assert ActivityEnrolment.objects.filter(activity=event.activity, participation=world.part_a).exists()


def test_self_check_in_is_refused_too_early_or_at_a_venue_or_unregistered(world):
    early = online(world, 60)
    RegistrationFactory(event=early, participation=world.part_a)
    with pytest.raises(ApplicationError, match="15 minutes"):
        services.self_check_in(
            actor=world.user_a, access=access_for(world.user_a), event=early, code=early.check_in_code
        )
    venue = event_of(world.a, starts_at=timezone.now(), ends_at=timezone.now() + dt.timedelta(hours=1))
    RegistrationFactory(event=venue, participation=world.part_a)
    with pytest.raises(ApplicationError, match="online events"):
        services.self_check_in(
            actor=world.user_a, access=access_for(world.user_a), event=venue, code=venue.check_in_code
        )
    with pytest.raises(AccessDenied):
        services.self_check_in(
            actor=world.user_b, access=access_for(world.user_b), event=early, code=early.check_in_code
        )


def test_no_shows_after_the_event_and_attendance_can_be_corrected(world):
    start = timezone.now() - dt.timedelta(days=1)
    event = event_of(world.a, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    came = RegistrationFactory(event=event, participation=world.part_a)
    away = RegistrationFactory(event=event, participation=world.part_b)
    RegistrationFactory(event=event, guest_name="G", guest_email="g@example.org", status="cancelled")
    access = access_for(world.coord_a)
    services.attendance_mark(
        actor=world.coord_a, access=access, registration=came, attendance=Attendance.ATTENDED
    )
    assert services.no_shows_mark(actor=world.coord_a, access=access, event=event) == 1
    away.refresh_from_db()
    assert away.attendance == Attendance.NO_SHOW
    services.attendance_mark(
        actor=world.coord_a, access=access, registration=came, attendance=Attendance.NO_SHOW
    )
    assert not ActivityEnrolment.objects.filter(activity=event.activity).exists()
    with pytest.raises(ApplicationError, match="once the event is over"):
        services.no_shows_mark(actor=world.coord_a, access=access, event=event_of(world.a))


def test_a_certificate_only_for_those_who_attended(world):
    event = event_of(world.a, title_en="Dinner with Åsa and Ülkü")
    registration = RegistrationFactory(event=event, participation=world.part_a)
    with pytest.raises(ApplicationError):
        certificate_pdf(registration)
    check(world, event, registration.code)
    registration.refresh_from_db()
    pdf = certificate_pdf(registration)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
