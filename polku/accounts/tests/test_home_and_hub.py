"""The staff home says what needs attention, each box from its own app, and a participant's home is a hub of
cards the apps register (accounts.sections home_sections, hub_sections)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from polku.consent.models import Consent
from polku.events.models import Registration
from polku.events.tests.factories import RegistrationFactory, event_of, soon
from polku.imports.models import ImportBatch
from polku.mentordays.models import WaitlistEntry
from polku.mentordays.tests.factories import day_of
from polku.outcomes.tests.factories import FollowUpFactory
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def test_a_coordinator_sees_what_needs_attention_from_each_app(client, world):
    today = timezone.localdate()
    event = event_of(world.a, title_en="Job fair", starts_at=soon(days=5))
    RegistrationFactory(event=event, participation=world.part_a)
    other = f.ParticipationFactory(partner=world.a)
    RegistrationFactory(event=event, participation=other, status=Registration.Status.WAITING)
    day = day_of(world.a)
    WaitlistEntry.objects.create(mentor_day=day, participation=world.part_a)
    FollowUpFactory(participation=other, due_on=today - dt.timedelta(days=3))
    ImportBatch.objects.create(
        partner=world.a, uploaded_by=world.coord_a, filename="spring.csv", rows=[{}, {}]
    )
    notice = world.project.privacy_notices.get(language="en")
    Consent.objects.create(
        person=world.part_a.person,
        project=world.project,
        purpose="participation",
        notice=notice,
        given_at=timezone.now(),
    )
    f.PrivacyNoticeFactory(project=world.project, language="en", version=notice.version + 1)

    client.force_login(world.coord_a)
    page = client.get("/").content.decode()
    assert "Needs attention" in page
    assert "Upcoming events" in page and "Job fair" in page and "1 on the waitlist" in page
    assert "Mentor day waitlists" in page and "1 waiting" in page
    assert "Follow-ups due" in page and "1 follow-up overdue" in page
    assert "Imports waiting" in page and "spring.csv" in page and "2 rows" in page
    # counts and titles only: no participant is named on the home page by these boxes
    assert world.part_a.person.last_name not in page

    # consents given to an older privacy notice: for whoever manages the project (its lead)
    assert "Consents to renew" not in page
    client.force_login(world.lead)
    page = client.get("/").content.decode()
    assert "Consents to renew" in page and "1 consent" in page

    # the other partner's coordinator runs none of it
    client.force_login(world.coord_b)
    page = client.get("/").content.decode()
    assert "Job fair" not in page and "spring.csv" not in page and "Mentor day waitlists" not in page


def test_a_participant_home_is_a_hub_of_cards(client, world):
    event = event_of(world.a, title_en="Networking dinner", starts_at=soon(days=5))
    RegistrationFactory(event=event, participation=world.part_a)
    client.force_login(world.user_a)
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hello, Amina" in page
    assert "My next event" in page and "Networking dinner" in page
    assert "My mentor" in page and "You have no mentor yet." in page
    assert "My plan" in page
    assert "Everything else" in page and "/participants/me/" in page
    # no staff box on a participant's home
    assert "Needs attention" not in page


def test_a_participant_without_anything_yet_still_gets_a_useful_hub(client, world):
    client.force_login(world.user_b)
    page = client.get("/").content.decode()
    assert "Hello, Bogdan" in page
    assert "You have no coming events." in page
    assert "You have no plan yet." in page


def test_proposals_waiting_for_review_and_a_participants_mentor(client, world):
    from polku.mentoring.tests.factories import (
        MenteeRequestFactory,
        ProgrammeFactory,
        active,
        mentor,
        run_with_proposal,
    )

    programme = ProgrammeFactory(partner=world.a, name="Career mentoring 2026")
    mentee = MenteeRequestFactory(programme=programme, participation=world.part_a)
    run_with_proposal(programme, mentee, mentor(world.a))
    client.force_login(world.coord_a)
    page = client.get("/").content.decode()
    assert "Mentoring proposals to review" in page and "Career mentoring 2026" in page
    assert "1 proposed pair" in page
    client.force_login(world.coord_b)
    assert "Mentoring proposals to review" not in client.get("/").content.decode()

    pair = active(
        mentee=mentee, programme=programme, mentor=mentor(world.a, email="maria.mentor@example.org")
    )
    client.force_login(world.user_a)
    page = client.get("/").content.decode()
    assert "My mentor" in page and f"/mentoring/mentorships/{pair.pk}/" in page
