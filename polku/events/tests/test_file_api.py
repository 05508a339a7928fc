"""Files of events through the API: one's meeting agenda as .ics and the certificate of attendance as PDF
(before, only the pages offered them)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from polku.events.models import Meeting, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.events.tests.meeting_world import attendee, matchmaking_event, user_of

pytestmark = pytest.mark.django_db


def client_of(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_the_agenda_as_ics(client, world):
    event = matchmaking_event(world.a, slots=2, tables=3)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    client.force_login(world.coord_a)
    client.post(
        reverse("events:must_meet", args=[event.pk]),
        {"must-registrations": [amina.pk, lars.pk], "must-priority": 3},
    )
    client.post(reverse("events:schedule_run", args=[event.pk]))
    client.post(reverse("events:schedule_publish", args=[event.pk]))
    assert Meeting.objects.get(event=event).status == Meeting.Status.PUBLISHED
    url = f"/api/v1/events/{event.pk}/meetings/agenda.ics"
    response = client_of(user_of(amina)).get(url, HTTP_ACCEPT="text/calendar")
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (
        response["Content-Disposition"].startswith('attachment; filename="')
        and ".ics" in response["Content-Disposition"]
    )
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body and "Lars Tester" in body
    assert client_of(world.stranger).get(url).status_code == 404


def test_the_certificate_as_pdf(world):
    registration = RegistrationFactory(
        event=event_of(world.a), participation=world.part_a, attendance=Registration.Attendance.ATTENDED
    )
    url = f"/api/v1/events/registrations/{registration.pk}/certificate.pdf"
    response = client_of(world.user_a).get(url, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Certificate of attendance" in text and registration.event.title in text
    assert client_of(world.coord_b).get(url).status_code == 404  # the other partner's coordinator
    registration.attendance = Registration.Attendance.NO_SHOW
    registration.save()
    assert client_of(world.user_a).get(url).status_code == 404  # only for those who attended
