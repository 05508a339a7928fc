"""1:1 meetings at an event: slots, profiles, suggestions, requests and their limits, blocks, the scheduler
(must-meet reasons, published meetings that stay), publishing, no-shows, cancellation, reminders, agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied, ApplicationError
from polku.events import scheduling
from polku.events.agenda import agenda_calendar
from polku.events.models import Intent, Meeting, MeetingRequest, MeetingSlot
from polku.events.selectors import meetings as selectors
from polku.events.services import meetings as services
from polku.events.tests.meeting_world import attendee, matchmaking_event, opt_in, user_of
from polku.participants.models import LanguageSkill
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def me(registration):
    return access_for(user_of(registration))


# --- slots ------------------------------------------------------------------------------------------


def test_slots_are_generated_within_the_event_without_overlaps(world):
    event = matchmaking_event(world.a, slots=0)
    access = access_for(world.coord_a)
    start = event.starts_at
    slots = services.slots_generate(
        access=access,
        event=event,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        minutes=15,
        gap_minutes=5,
    )
    assert [s.starts_at - start for s in slots] == [dt.timedelta(minutes=m) for m in (0, 20, 40)]
    with pytest.raises(ApplicationError) as caught:
        services.slot_add(
            access=access,
            event=event,
            starts_at=start + dt.timedelta(minutes=10),
            ends_at=start + dt.timedelta(minutes=25),
        )
    assert "starts_at" in caught.value.field_errors
    with pytest.raises(ApplicationError) as caught:
        services.slot_add(
            access=access,
            event=event,
            starts_at=event.ends_at,
            ends_at=event.ends_at + dt.timedelta(minutes=15),
        )
    assert "within the event" in caught.value.field_errors["starts_at"][0]
    with pytest.raises(AccessDenied):
        services.slots_generate(
            access=access_for(world.coord_b), event=event, starts_at=start, ends_at=event.ends_at, minutes=15
        )
    assert MeetingSlot.objects.filter(event=event).count() == 3


def test_a_slot_with_a_published_meeting_cannot_be_removed(world):
    event = matchmaking_event(world.a, slots=1)
    a, b = attendee(event, "Amina"), attendee(event, "Lars")
    meeting = services.must_meet_create(
        access=access_for(world.coord_a), event=event, registration_ids=[a.pk, b.pk]
    )
    slot = event.meeting_slots.get()
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, slot=slot, table=1)
    with pytest.raises(ApplicationError):
        services.slot_remove(access=access_for(world.coord_a), slot=slot)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PLACED)
    services.slot_remove(access=access_for(world.coord_a), slot=slot)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.UNPLACED and meeting.slot is None


# --- profiles, suggestions, requests ----------------------------------------------------------------


def test_only_confirmed_attendees_opt_in(world):
    event = matchmaking_event(world.a)
    with pytest.raises(AccessDenied):
        services.profile_save(access=access_for(world.stranger), event=event, data={"looking_for": ["peer"]})
    amina = attendee(event, "Amina")
    with pytest.raises(ApplicationError) as caught:
        services.profile_save(access=me(amina), event=event, data={"looking_for": ["astronaut"]})
    assert "looking_for" in caught.value.field_errors
    slot = present(event.meeting_slots.first())
    profile = services.profile_save(
        access=me(amina),
        event=event,
        data={
            "looking_for": ["mentor"],
            "offering": ["customer"],
            "available": [slot.pk],
            "industries": "ICT",
        },
    )
    assert list(profile.available.all()) == [slot]
    event.matchmaking = False
    event.save()
    with pytest.raises(ApplicationError):
        services.profile_save(access=me(amina), event=event, data={"looking_for": ["peer"]})


def test_suggestions_rank_by_explained_score_and_leave_out_the_excluded(world):
    event = matchmaking_event(world.a)
    amina, lars, wei, ole, eve = (attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole", "Eve"))
    for reg in (amina, lars):
        LanguageSkill.objects.create(person=present(reg.participation).person, language="fi", level="C1")
    opt_in(amina, looking=[Intent.MENTOR], offering=[Intent.CUSTOMER])
    opt_in(lars, looking=[Intent.CUSTOMER], offering=[Intent.MENTOR])  # complements Amina, shares Finnish
    opt_in(wei, looking=[Intent.PEER], offering=[Intent.PEER])
    opt_in(ole)
    opt_in(eve)
    services.block(access=me(eve), event=event, blocked=amina)  # Eve blocked Amina
    services.request_send(access=me(ole), event=event, recipient=amina)
    services.request_answer(
        access=me(amina), request=MeetingRequest.objects.get(sender=ole), accept=False
    )  # Amina declined Ole
    with translation.override("en"):
        found = selectors.suggestions(registration=amina)
    assert [s.registration for s in found] == [lars, wei]
    assert found[0].score > found[1].score
    reasons = " | ".join(found[0].reasons)
    assert "Offers what you look for: A mentor" in reasons
    assert "Looks for what you offer: Customers" in reasons
    assert "Finnish" in reasons  # a language's name, never its code


def test_a_declined_person_cannot_be_asked_again(world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(amina)
    opt_in(lars)
    request = services.request_send(access=me(amina), event=event, recipient=lars, message="Coffee?")
    assert request.status == MeetingRequest.Status.PENDING
    with pytest.raises(ApplicationError, match="already a request"):
        services.request_send(access=me(lars), event=event, recipient=amina)
    services.request_answer(access=me(lars), request=request, accept=False)
    with pytest.raises(ApplicationError, match="declined your earlier request"):
        services.request_send(access=me(amina), event=event, recipient=lars)
    with pytest.raises(ApplicationError, match="You declined"):
        services.request_send(access=me(lars), event=event, recipient=amina)


def test_requests_need_both_opted_in_and_respect_the_limit(world):
    event = matchmaking_event(world.a, max_requests=2)
    amina = attendee(event, "Amina")
    others = [attendee(event, n) for n in ("Lars", "Wei", "Ole")]
    with pytest.raises(ApplicationError, match="Opt in"):
        services.request_send(access=me(amina), event=event, recipient=others[0])
    opt_in(amina)
    with pytest.raises(ApplicationError, match="has not opted in"):
        services.request_send(access=me(amina), event=event, recipient=others[0])
    for reg in others:
        opt_in(reg)
    services.request_send(access=me(amina), event=event, recipient=others[0])
    services.request_send(access=me(amina), event=event, recipient=others[1])
    with pytest.raises(ApplicationError, match="at most 2"):
        services.request_send(access=me(amina), event=event, recipient=others[2])
    with pytest.raises(ApplicationError, match="yourself"):
        services.request_send(access=me(amina), event=event, recipient=amina)


def test_accepting_makes_a_meeting_and_only_the_recipient_answers(world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(amina)
    opt_in(lars)
    request = services.request_send(access=me(amina), event=event, recipient=lars)
    with pytest.raises(AccessDenied):
        services.request_answer(access=me(amina), request=request, accept=True)
    services.request_answer(access=me(lars), request=request, accept=True)
    meeting = Meeting.objects.get(request=request)
    assert meeting.priority == 1
    assert set(meeting.members.all()) == {amina, lars}
    with pytest.raises(ApplicationError):
        services.request_answer(access=me(lars), request=request, accept=False)


def test_a_blocked_person_cannot_ask(world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(amina)
    opt_in(lars)
    pending = services.request_send(access=me(lars), event=event, recipient=amina)
    services.block(access=me(amina), event=event, blocked=lars)
    pending.refresh_from_db()
    assert pending.status == MeetingRequest.Status.DECLINED
    with pytest.raises(ApplicationError):
        services.request_send(access=me(lars), event=event, recipient=amina)
    assert selectors.suggestions(registration=lars) == []


def test_must_meet_needs_two_to_four_registered_people(world):
    event = matchmaking_event(world.a)
    regs = [attendee(event, n) for n in ("A", "B", "C", "D", "E")]
    access = access_for(world.coord_a)
    with pytest.raises(ApplicationError) as caught:
        services.must_meet_create(access=access, event=event, registration_ids=[regs[0].pk])
    assert "registrations" in caught.value.field_errors
    with pytest.raises(ApplicationError):
        services.must_meet_create(access=access, event=event, registration_ids=[r.pk for r in regs])
    other_event = matchmaking_event(world.a)
    stranger = attendee(other_event, "X")
    with pytest.raises(ApplicationError):
        services.must_meet_create(access=access, event=event, registration_ids=[regs[0].pk, stranger.pk])
    meeting = services.must_meet_create(access=access, event=event, registration_ids=[regs[0].pk, regs[1].pk])
    assert meeting.priority == 3


# --- the scheduler ----------------------------------------------------------------------------------


def test_schedule_input_follows_the_contract(world):
    event = matchmaking_event(world.a, slots=2, tables=4)
    s1, s2 = event.meeting_slots.all()
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(amina, slots=[s1])
    meeting = services.must_meet_create(
        access=access_for(world.coord_a), event=event, registration_ids=[amina.pk, lars.pk]
    )
    data = scheduling.schedule_input(event)
    assert data == {
        "slots": [f"s{s1.pk}", f"s{s2.pk}"],
        "tables": 4,
        "people": [{"id": f"r{amina.pk}", "available": [f"s{s1.pk}"]}, {"id": f"r{lars.pk}"}],
        "meetings": [{"id": f"m{meeting.pk}", "people": [f"r{amina.pk}", f"r{lars.pk}"], "priority": 3}],
        "fixed": [],
    }


def test_a_must_meet_that_cannot_be_placed_says_why(world):
    event = matchmaking_event(world.a, slots=2)
    s1, s2 = event.meeting_slots.all()
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(amina, slots=[s1])
    opt_in(lars, slots=[s2])
    meeting = services.must_meet_create(
        access=access_for(world.coord_a), event=event, registration_ids=[amina.pk, lars.pk]
    )
    services.schedule_run(access=access_for(world.coord_a), event=event)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.UNPLACED
    assert meeting.unplaced_reason["code"] == "no_common_slot"
    with translation.override("en"):
        (row,) = selectors.event_meetings(event)
    assert row.reason == "Amina Tester and Lars Tester share no free slot."


def test_published_meetings_stay_when_the_scheduler_runs_again(world):
    event = matchmaking_event(world.a, slots=2, tables=1)
    access = access_for(world.coord_a)
    regs = [attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole")]
    first = services.must_meet_create(
        access=access, event=event, registration_ids=[regs[0].pk, regs[1].pk], priority=1
    )
    services.schedule_run(access=access, event=event)
    first.refresh_from_db()
    assert first.status == Meeting.Status.PLACED
    assert services.schedule_publish(access=access, event=event) == 1
    first.refresh_from_db()
    place = (first.slot_id, first.table)
    # a late must-meet with a higher priority wants the same people; the published meeting stays put
    late = services.must_meet_create(access=access, event=event, registration_ids=[regs[0].pk, regs[2].pk])
    other = services.must_meet_create(
        access=access, event=event, registration_ids=[regs[3].pk, regs[1].pk], priority=2
    )
    result = services.schedule_run(access=access, event=event)
    first.refresh_from_db()
    late.refresh_from_db()
    other.refresh_from_db()
    assert (first.status, (first.slot_id, first.table)) == (Meeting.Status.PUBLISHED, place)
    assert late.status == Meeting.Status.PLACED and late.slot_id != first.slot_id
    assert other.status == Meeting.Status.UNPLACED  # one table, both slots taken for Lars or the table
    assert other.unplaced_reason["code"] in {"slots_taken", "tables_full"}
    assert result.total_priority == 1 + 3


def test_publishing_notifies_and_cancelling_frees_the_place(world, django_capture_on_commit_callbacks):
    event = matchmaking_event(world.a, slots=1, tables=1)
    access = access_for(world.coord_a)
    regs = [attendee(event, n) for n in ("Amina", "Lars", "Wei")]
    first = services.must_meet_create(access=access, event=event, registration_ids=[regs[0].pk, regs[1].pk])
    services.schedule_run(access=access, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.schedule_publish(access=access, event=event)
    assert len(mail.outbox) == 2
    assert "table 1" in mail.outbox[0].body
    waiting = services.must_meet_create(access=access, event=event, registration_ids=[regs[2].pk, regs[1].pk])
    services.schedule_run(access=access, event=event)
    waiting.refresh_from_db()
    assert waiting.status == Meeting.Status.UNPLACED
    services.meeting_cancel(access=me(regs[0]), meeting=first)  # a member cancels
    services.schedule_run(access=access, event=event)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.table) == (Meeting.Status.PLACED, 1)


def test_no_shows_are_recorded_and_left_out_of_whom_i_met(world):
    event = matchmaking_event(world.a, slots=1)
    access = access_for(world.coord_a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    meeting = services.must_meet_create(access=access, event=event, registration_ids=[amina.pk, lars.pk])
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.PUBLISHED, slot=event.meeting_slots.get(), table=1
    )
    assert selectors.whom_i_met(amina) == [lars]
    services.attendance_set(access=access, meeting=meeting, registration=lars, attended=False)
    assert selectors.whom_i_met(amina) == []
    with pytest.raises(AccessDenied):
        services.attendance_set(access=me(amina), meeting=meeting, registration=lars, attended=True)


def test_reminder_five_minutes_before_once(world, django_capture_on_commit_callbacks):
    event = matchmaking_event(world.a, slots=1)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    meeting = services.must_meet_create(
        access=access_for(world.coord_a), event=event, registration_ids=[amina.pk, lars.pk]
    )
    slot = event.meeting_slots.get()
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, slot=slot, table=2)
    assert services.reminders_send(now=slot.starts_at - dt.timedelta(minutes=10)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=slot.starts_at - dt.timedelta(minutes=4)) == 1
    assert services.reminders_send(now=slot.starts_at - dt.timedelta(minutes=3)) == 0
    assert len(mail.outbox) == 2
    assert "In 5 minutes" in mail.outbox[0].subject


def test_agenda_and_its_calendar_file(world):
    event = matchmaking_event(world.a, slots=2)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    meeting = services.must_meet_create(
        access=access_for(world.coord_a), event=event, registration_ids=[amina.pk, lars.pk]
    )
    slot = present(event.meeting_slots.last())
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, slot=slot, table=7)
    (item,) = selectors.agenda(amina)
    assert item.meeting.table == 7 and item.others == ["Lars Tester"]
    with translation.override("en"):
        calendar = Calendar.from_ical(agenda_calendar(amina))
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Meeting with Lars Tester"
    assert str(entry["location"]).startswith("Table 7")
    assert entry.decoded("dtstart") == slot.starts_at
