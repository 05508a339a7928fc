"""Registering for events: who may, the window, questions, capacity and the waitlist with offers of freed
seats, cancellation, reminders, the retention of answers, and who sees which registrations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.consent.services import notice_current
from polku.core.errors import AccessDenied, ApplicationError
from polku.events.models import Event, Question, Registration
from polku.events.selectors import registrations as selectors
from polku.events.selectors.events import seats_held
from polku.events.services import registrations as services
from polku.events.tests.factories import RegistrationFactory, event_of, soon
from polku.testing import factories as f

pytestmark = pytest.mark.django_db
Status = Registration.Status


def participant(world, partner=None, name="Chen"):
    user = f.UserFactory()
    f.ParticipationFactory(
        partner=partner or world.a, person__user=user, person__first_name=name, person__email=user.email
    )
    return user


def register(user, event, **kwargs):
    return services.register_self(actor=user, access=access_for(user), event=event, **kwargs)


def test_a_participant_registers_and_gets_a_seat(world):
    event = event_of(world.a)
    registration = register(world.user_a, event)
    assert registration.status == Status.CONFIRMED
    assert registration.participation == world.part_a
    assert AuditEvent.objects.filter(object_id=str(registration.pk), action="create").exists()


def test_when_the_seats_are_taken_the_next_one_waits(world):
    event = event_of(world.a, capacity=1)
    first = register(world.user_a, event)
    second = register(participant(world), event)
    assert (first.status, second.status) == (Status.CONFIRMED, Status.WAITING)
    assert selectors.waitlist_position(second) == 1
    third = register(participant(world, name="Wei"), event)
    assert selectors.waitlist_position(third) == 2


def test_a_participant_of_another_partner_cannot_register_for_a_partner_event(world):
    event = event_of(world.a, audience=Event.Audience.PARTNER)
    with pytest.raises(AccessDenied):
        register(world.user_b, event)
    register(world.user_a, event)


def test_registering_twice_is_refused(world):
    event = event_of(world.a)
    register(world.user_a, event)
    with pytest.raises(ApplicationError, match="Already registered"):
        register(world.user_a, event)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"status": Event.Status.DRAFT}, "not open"),
        ({"registration_opens_at": soon(days=3)}, "not opened yet"),
        ({"registration_closes_at": timezone.now() - dt.timedelta(hours=1)}, "closed"),
    ],
)
def test_registration_outside_the_window_is_refused_and_saves_nothing(world, extra, message):
    event = event_of(world.a, **extra)
    with pytest.raises(ApplicationError, match=message):
        register(world.user_a, event)
    assert not Registration.objects.exists()


def test_a_started_event_takes_no_registrations(world):
    start = timezone.now() - dt.timedelta(minutes=5)
    event = event_of(world.a, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    with pytest.raises(ApplicationError, match="already started"):
        register(world.user_a, event)


def test_required_questions_need_an_answer_named_by_the_field(world):
    event = event_of(world.a)
    diet = Question.objects.create(event=event, kind="dietary", text_en="Diet?", required=True)
    other = Question.objects.create(event=event, kind="other", text_en="Anything else?")
    with pytest.raises(ApplicationError) as caught:
        register(world.user_a, event, answers={str(other.pk): "no"})
    assert list(caught.value.field_errors) == [f"question_{diet.pk}"]
    assert not Registration.objects.exists()
    registration = register(world.user_a, event, answers={str(diet.pk): " vegan ", "999": "ignored"})
    assert registration.answers == {str(diet.pk): "vegan"}


def test_staff_register_for_a_staff_event_with_their_account(world):
    event = event_of(world.a, audience=Event.Audience.STAFF, kind=Event.Kind.REFLECTION)
    registration = register(world.coord_b, event)
    assert registration.user == world.coord_b and registration.participation is None
    with pytest.raises(AccessDenied):
        register(world.user_a, event)


def test_a_coordinator_registers_only_their_own_partners_participants(world):
    event = event_of(world.a)
    by_b = services.register_participant(
        actor=world.coord_b, access=access_for(world.coord_b), event=event, participation=world.part_b
    )
    assert by_b.registered_by == world.coord_b
    with pytest.raises(AccessDenied):
        services.register_participant(
            actor=world.coord_b, access=access_for(world.coord_b), event=event, participation=world.part_a
        )


def test_the_organiser_may_add_people_after_registration_closed(world):
    event = event_of(world.a, registration_closes_at=timezone.now() - dt.timedelta(hours=1))
    services.register_participant(
        actor=world.coord_a, access=access_for(world.coord_a), event=event, participation=world.part_a
    )
    with pytest.raises(ApplicationError, match="closed"):
        services.register_participant(
            actor=world.coord_b, access=access_for(world.coord_b), event=event, participation=world.part_b
        )


def guest(event, **extra):
    values = {
        "event": event,
        "name": "Greta Guest",
        "email": "Greta@Example.org",
        "notice": notice_current(project_id=event.activity.project_id, language="en"),
        "notice_acknowledged": True,
    }
    return services.register_guest(**(values | extra))


def test_a_guest_registers_with_the_privacy_notice_and_is_not_a_participant(world):
    event = event_of(world.a, audience=Event.Audience.PUBLIC)
    registration = guest(event)
    assert registration.guest_email == "greta@example.org"
    assert registration.participation is None and registration.user is None
    assert registration.guest_notice.language == "en"
    with pytest.raises(ApplicationError) as caught:
        guest(event, email="other@example.org", notice_acknowledged=False, name="")
    assert set(caught.value.field_errors) == {"privacy_notice", "name"}
    with pytest.raises(AccessDenied):
        guest(event_of(world.a))  # not a public event


def test_cancelling_offers_the_seat_to_the_first_waiting_who_accepts(
    world, django_capture_on_commit_callbacks
):
    event = event_of(world.a, capacity=1, offer_hours=24)
    first = register(world.user_a, event)
    chen = participant(world)
    wei = participant(world, name="Wei")
    waiting = register(chen, event)
    register(wei, event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=world.user_a, access=access_for(world.user_a), registration=first)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert waiting.offer_expires_at is not None
    assert [m.to for m in mail.outbox] == [[chen.email]]
    assert "A seat is free" in mail.outbox[0].subject
    first.refresh_from_db()
    assert first.status == Status.CANCELLED and not first.late_cancellation and first.sequence == 1
    services.offer_accept(actor=chen, access=access_for(chen), registration=waiting)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED and waiting.offer_expires_at is None
    assert seats_held(event) == 1


def test_a_declined_offer_moves_to_the_next_person(world):
    event = event_of(world.a, capacity=1)
    first = register(world.user_a, event)
    chen, wei = participant(world), participant(world, name="Wei")
    chen_reg, wei_reg = register(chen, event), register(wei, event)
    services.registration_cancel(actor=world.coord_a, access=access_for(world.coord_a), registration=first)
    with pytest.raises(AccessDenied):
        services.offer_accept(actor=wei, access=access_for(wei), registration=chen_reg)
    services.offer_decline(actor=chen, access=access_for(chen), registration=chen_reg)
    chen_reg.refresh_from_db()
    wei_reg.refresh_from_db()
    assert (chen_reg.status, wei_reg.status) == (Status.CANCELLED, Status.OFFERED)


def test_expired_offers_move_on_and_the_job_is_idempotent(world):
    event = event_of(world.a, capacity=1, offer_hours=2)
    first = register(world.user_a, event)
    chen, wei = participant(world), participant(world, name="Wei")
    chen_reg, wei_reg = register(chen, event), register(wei, event)
    services.registration_cancel(actor=world.user_a, access=access_for(world.user_a), registration=first)
    later = timezone.now() + dt.timedelta(hours=3)
    assert services.offers_expire(now=later) == 1
    assert services.offers_expire(now=later) == 0
    chen_reg.refresh_from_db()
    wei_reg.refresh_from_db()
    assert (chen_reg.status, wei_reg.status) == (Status.CANCELLED, Status.OFFERED)
    with pytest.raises(ApplicationError, match="expired"):
        services.offer_accept(
            actor=wei, access=access_for(wei), registration=wei_reg, now=later + dt.timedelta(days=2)
        )


def test_an_offer_never_holds_past_the_start(world):
    start = timezone.now() + dt.timedelta(hours=3)
    event = event_of(
        world.a, capacity=1, offer_hours=24, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    first = register(world.user_a, event)
    waiting = register(participant(world), event)
    services.registration_cancel(actor=world.user_a, access=access_for(world.user_a), registration=first)
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == event.starts_at


def test_a_raised_capacity_offers_seats_through_the_job(world):
    event = event_of(world.a, capacity=1)
    register(world.user_a, event)
    waiting = register(participant(world), event)
    Event.objects.filter(pk=event.pk).update(capacity=2)
    services.offers_expire()
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_a_late_cancellation_is_recorded_and_after_the_start_the_person_cannot_cancel(world):
    start = timezone.now() + dt.timedelta(hours=5)
    event = event_of(world.a, cancellation_hours=24, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    registration = register(world.user_a, event)
    late = services.registration_cancel(
        actor=world.user_a, access=access_for(world.user_a), registration=registration
    )
    assert late.late_cancellation
    again = register(world.user_a, event)
    with pytest.raises(ApplicationError, match="has started"):
        services.registration_cancel(
            actor=world.user_a,
            access=access_for(world.user_a),
            registration=again,
            now=start + dt.timedelta(minutes=1),
        )
    services.registration_cancel(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        registration=again,
        now=start + dt.timedelta(minutes=1),
    )


def test_others_cannot_cancel_a_registration(world):
    registration = register(world.user_a, event_of(world.a))
    with pytest.raises(AccessDenied):
        services.registration_cancel(
            actor=world.user_b, access=access_for(world.user_b), registration=registration
        )
    with pytest.raises(AccessDenied):
        services.registration_cancel(
            actor=world.coord_b, access=access_for(world.coord_b), registration=registration
        )


def test_reminders_go_once_each_with_the_calendar_file(world, django_capture_on_commit_callbacks):
    start = timezone.now() + dt.timedelta(hours=40)
    event = event_of(world.a, reminder_hours=[48, 2], starts_at=start, ends_at=start + dt.timedelta(hours=2))
    register(world.user_a, event)
    waiting_event = event_of(
        world.a, capacity=0, reminder_hours=[48], starts_at=start, ends_at=start + dt.timedelta(hours=1)
    )
    register(world.user_a, waiting_event)  # on the waitlist: no reminder
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("Reminder:")
    assert message.attachments[0][0].endswith(".ics")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=start - dt.timedelta(hours=1)) == 1
    assert Registration.objects.get(event=event).reminders_sent == [48, 2]


def test_answers_are_emptied_thirty_days_after_the_event(world):
    past = timezone.now() - dt.timedelta(days=31)
    old = RegistrationFactory(
        event=event_of(world.a, starts_at=past, ends_at=past + dt.timedelta(hours=2)),
        participation=world.part_a,
        answers={"1": "vegan"},
    )
    recent = RegistrationFactory(event=event_of(world.a), participation=world.part_a, answers={"1": "nuts"})
    assert services.answers_purge() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.answers, recent.answers) == ({}, {"1": "nuts"})


def test_organisers_read_answers_and_each_read_is_audited(world):
    event = event_of(world.a)
    question = Question.objects.create(event=event, kind="dietary", text_en="Diet?")
    registration = register(world.user_a, event, answers={str(question.pk): "halal"})
    answers = selectors.answers_read(
        actor=world.coord_a, access=access_for(world.coord_a), registration=registration
    )
    assert [(a.question, a.text) for a in answers] == [("Diet?", "halal")]
    assert (
        AuditEvent.objects.filter(action="read", actor=world.coord_a, object_id=str(registration.pk)).count()
        == 1
    )
    selectors.answers_read(actor=world.user_a, access=access_for(world.user_a), registration=registration)
    assert not AuditEvent.objects.filter(action="read", actor=world.user_a).exists()
    with pytest.raises(AccessDenied):
        selectors.answers_read(
            actor=world.coord_b, access=access_for(world.coord_b), registration=registration
        )


def test_partner_isolation_of_the_registrations_list(world):
    event = event_of(world.a)
    register(world.user_a, event)
    register(world.user_b, event)

    def names(user):
        return sorted(r.name for r in selectors.event_registrations(access=access_for(user), event=event))

    assert names(world.coord_a) == ["Amina Yusuf", "Bogdan Kovalenko"]
    assert names(world.lead) == ["Amina Yusuf", "Bogdan Kovalenko"]
    assert names(world.coord_b) == ["Bogdan Kovalenko"]
    with pytest.raises(AccessDenied):
        selectors.event_registrations(access=access_for(world.user_a), event=event)


def test_the_programme_link_is_offered_only_when_the_partner_takes_registrations(world):
    world.a.registration_open = False
    world.a.save()
    event = event_of(world.a, audience=Event.Audience.PUBLIC)
    assert selectors.programme_join_url(event) == ""
    world.a.registration_open = True
    world.a.save()
    event = Event.objects.get(pk=event.pk)
    assert selectors.programme_join_url(event).endswith(f"/{world.a.registration_code}/")
