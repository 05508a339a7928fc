"""Registration pages: registering with questions (bad input keeps what was typed and names the field),
my events with the waitlist place and the QR code, a guest's registration through the public link, the
organiser's registrations with audited answers, and check-in by code."""

from __future__ import annotations

import pytest
from django.urls import reverse

from polku.audit.models import AuditEvent
from polku.events.models import Event, Question, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def test_registering_with_a_required_question_names_the_field_and_keeps_the_input(client, world):
    event = event_of(world.a)
    diet = Question.objects.create(event=event, kind="dietary", text_en="Dietary needs?", required=True)
    other = Question.objects.create(event=event, kind="other", text_en="Anything else?")
    client.force_login(world.user_a)
    url = reverse("events:register", args=[event.pk])
    assert b"Dietary needs?" in client.get(url).content
    response = client.post(url, {f"question_{other.pk}": "I bring a friend"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and f'href="#id_question_{diet.pk}"' in html
    assert "This question needs an answer." in html and "I bring a friend" in html
    assert not Registration.objects.exists()
    response = client.post(url, {f"question_{diet.pk}": "vegan"})
    assert response.status_code == 302 and response["Location"] == reverse("events:mine")
    assert Registration.objects.get().answers == {str(diet.pk): "vegan"}


def test_my_events_shows_the_waitlist_place_and_the_qr_code_of_a_seat(client, world):
    full = event_of(world.a, capacity=1, title_en="Full dinner")
    RegistrationFactory(event=full, participation=f.ParticipationFactory(partner=world.a))
    client.force_login(world.user_a)
    client.post(reverse("events:register", args=[full.pk]))
    seat = event_of(world.a, title_en="Training")
    client.post(reverse("events:register", args=[seat.pk]))
    html = client.get(reverse("events:mine")).content.decode()
    assert "number 1 on the waitlist" in html
    assert html.count('role="img"') == 1  # the QR code of the confirmed seat only
    assert "Add to calendar (.ics)" in html


def test_an_offer_is_accepted_on_my_events(client, world):
    event = event_of(world.a, capacity=1)
    first = RegistrationFactory(event=event, participation=f.ParticipationFactory(partner=world.a))
    client.force_login(world.user_a)
    client.post(reverse("events:register", args=[event.pk]))
    mine = Registration.objects.get(participation=world.part_a)
    client.force_login(world.coord_a)
    client.post(reverse("events:cancel", args=[first.pk]))
    client.force_login(world.user_a)
    assert "Take the seat" in client.get(reverse("events:mine")).content.decode()
    client.post(reverse("events:offer", args=[mine.pk]), {"decision": "accept"})
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED


def test_a_guest_registers_through_the_public_link(client, world):
    event = event_of(world.a, audience=Event.Audience.PUBLIC)
    url = reverse("events:public", args=[event.public_token])
    page = client.get(url).content.decode()
    assert "Privacy notice" in page
    response = client.post(url, {"name": "Greta", "email": "greta@example.org"})
    assert response.status_code == 400 and "confirm that you have read it" in response.content.decode()
    assert 'value="Greta"' in response.content.decode()
    response = client.post(
        url, {"name": "Greta", "email": "greta@example.org", "privacy_notice": "on", "join_programme": "on"}
    )
    registration = Registration.objects.get()
    assert response["Location"] == reverse("events:ticket", args=[registration.code]) + "?join=1"
    ticket = client.get(response["Location"]).content.decode()
    assert "Registered" in ticket and "Join the programme" in ticket


def test_the_organiser_sees_answers_and_each_view_is_audited(client, world):
    event = event_of(world.a)
    question = Question.objects.create(event=event, kind="dietary", text_en="Diet?")
    RegistrationFactory(event=event, participation=world.part_a, answers={str(question.pk): "halal"})
    RegistrationFactory(event=event, participation=world.part_b)
    client.force_login(world.coord_a)
    html = client.get(reverse("events:registrations", args=[event.pk])).content.decode()
    assert "halal" in html and "Bogdan Kovalenko" in html
    assert AuditEvent.objects.filter(action="read", actor=world.coord_a, fields=["answers"]).count() == 1
    client.force_login(world.coord_b)
    html = client.get(reverse("events:registrations", args=[event.pk])).content.decode()
    assert "Bogdan Kovalenko" in html and "Amina" not in html and "halal" not in html


def test_check_in_page_by_code_and_a_code_of_another_event(client, world):
    event = event_of(world.a)
    registration = RegistrationFactory(event=event, participation=world.part_a)
    other = RegistrationFactory(event=event_of(world.a), participation=world.part_a)
    client.force_login(world.coord_a)
    url = reverse("events:check_in", args=[event.pk])
    assert client.get(url + f"?code={registration.code}").context["form"]["code"].value() == registration.code
    response = client.post(url, {"code": other.code})
    assert response.status_code == 400 and "This code is for another event" in response.content.decode()
    response = client.post(url, {"code": registration.code})
    assert response.status_code == 200 and "Amina Yusuf is checked in." in response.content.decode()
    found = client.get(url + "?q=amina").context["found"]
    assert [r.pk for r in found] == [registration.pk]
