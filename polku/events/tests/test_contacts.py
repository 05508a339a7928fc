"""After an event: asking someone one met to stay in touch; e-mails shared only once both agreed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from polku.accounts.access import access_for
from polku.core.errors import ApplicationError
from polku.events import privacy
from polku.events.models import ContactRequest, Meeting
from polku.events.selectors.contacts import people_met
from polku.events.services import contacts as services
from polku.events.tests.meeting_world import attendee, matchmaking_event, user_of
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def met(event, *people):
    meeting = Meeting.objects.create(event=event, priority=1, status=Meeting.Status.PUBLISHED)
    for person in people:
        meeting.memberships.create(registration=person)
    return meeting


def test_only_people_one_met_can_be_asked_and_emails_are_shared_on_acceptance(
    world, django_capture_on_commit_callbacks
):
    event = matchmaking_event(world.a)
    amina, lars, wei = attendee(event, "Amina"), attendee(event, "Lars"), attendee(event, "Wei")
    met(event, amina, lars)
    access = access_for(user_of(amina))
    with pytest.raises(ApplicationError, match="only people you met"):
        services.contact_request(access=access, event=event, recipient=wei)
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.contact_request(access=access, event=event, recipient=lars)
    assert [m.to for m in mail.outbox] == [[lars.email]]
    with pytest.raises(ApplicationError, match="already asked"):
        services.contact_request(access=access_for(user_of(lars)), event=event, recipient=amina)
    (row,) = people_met(amina)
    assert row.state == "asked" and row.email == ""
    (row,) = people_met(lars)
    assert row.state == "asks_me" and row.email == ""
    services.contact_answer(access=access_for(user_of(lars)), contact=contact, accept=True)
    assert people_met(amina)[0].email == lars.email
    assert people_met(lars)[0].email == amina.email


def test_a_declined_request_shares_nothing_and_only_the_person_asked_answers(world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    met(event, amina, lars)
    contact = services.contact_request(access=access_for(user_of(amina)), event=event, recipient=lars)
    with pytest.raises(Exception, match="Only the person asked"):
        services.contact_answer(access=access_for(user_of(amina)), contact=contact, accept=True)
    services.contact_answer(access=access_for(user_of(lars)), contact=contact, accept=False)
    assert people_met(amina)[0].state == "declined" and people_met(amina)[0].email == ""
    with pytest.raises(ApplicationError, match="already been answered"):
        services.contact_answer(access=access_for(user_of(lars)), contact=contact, accept=True)


def test_the_page_asks_and_answers(client, world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    met(event, amina, lars)
    client.force_login(user_of(amina))
    page = client.get(reverse("events:met", args=[event.pk]))
    assert page.status_code == 200 and "Lars Tester" in page.content.decode()
    client.post(reverse("events:contact_request", args=[event.pk]), {"recipient": lars.pk})
    client.force_login(user_of(lars))
    contact = ContactRequest.objects.get()
    client.post(reverse("events:contact_answer", args=[contact.pk]), {"action": "accept"})
    assert amina.email in client.get(reverse("events:met", args=[event.pk])).content.decode()


def test_export_and_erasure_cover_the_requests(world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    met(event, amina, lars)
    services.contact_request(access=access_for(user_of(amina)), event=event, recipient=lars)
    person = present(amina.participation).person
    assert "events.contact_requests" in privacy.export(person)
    result = privacy.erase(person)
    assert not ContactRequest.objects.exists()
    assert any("stay in touch" in line for line in result.erased)
