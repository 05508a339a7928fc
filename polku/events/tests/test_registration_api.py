"""The registration API: register, waitlist and offer, check-in errors, and the calendar files."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from polku.events.models import Event, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.testing import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/events"


def client_of(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def test_register_goes_to_the_waitlist_when_full_and_takes_an_offer(world):
    event = event_of(world.a, capacity=1)
    first = RegistrationFactory(event=event, participation=f.ParticipationFactory(partner=world.a))
    response = client_of(world.user_a).post(f"{API}/{event.pk}/register/", {}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert (
        body["status"] == "waiting" and body["position"] == 1 and "/check-in/?code=" in body["check_in_url"]
    )
    assert client_of(world.coord_a).post(f"{API}/registrations/{first.pk}/cancel/").status_code == 200
    mine = client_of(world.user_a).get(f"{API}/my-registrations/").json()["results"]
    assert mine[0]["status"] == "offered"
    response = client_of(world.user_a).post(
        f"{API}/registrations/{mine[0]['id']}/offer/", {"decision": "accept"}, format="json"
    )
    assert response.json()["status"] == "confirmed"


def test_errors_name_the_field(world):
    event = event_of(world.a)
    other = RegistrationFactory(event=event_of(world.a), participation=world.part_a)
    response = client_of(world.coord_a).post(
        f"{API}/{event.pk}/check-in/", {"code": other.code}, format="json"
    )
    assert response.status_code == 400
    assert "another event" in str(response.json())
    assert "code" in str(response.json())


def test_a_guest_registers_without_an_account(world):
    event = event_of(world.a, audience=Event.Audience.PUBLIC)
    url = f"{API}/public/{event.public_token}/register/"
    refused = client_of().post(url, {"name": "G", "email": "g@example.org"}, format="json")
    assert refused.status_code == 400 and "privacy_notice" in str(refused.json())
    response = client_of().post(
        url, {"name": "G", "email": "g@example.org", "privacy_notice": True, "language": "fi"}, format="json"
    )
    assert response.status_code == 201
    notice = Registration.objects.get().guest_notice
    assert notice is not None and notice.language == "fi"


def test_calendar_files_and_the_feed_address(world):
    registration = RegistrationFactory(event=event_of(world.a), participation=world.part_a)
    client = client_of(world.user_a)
    response = client.get(f"{API}/registrations/{registration.pk}/calendar.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    first = client.get(f"{API}/calendar-feed/").json()["url"]
    second = client.post(f"{API}/calendar-feed/").json()["url"]
    assert first != second and second.endswith(".ics")
