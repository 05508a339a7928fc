"""The participant's hub and the staff's Today show what the newer apps ask of a person: community
messages and requests, introductions to employers waiting for an answer, the business idea's stage, and
community reports to handle."""

from __future__ import annotations

import pytest

from polku.community import services as community
from polku.community.tests.factories import profile_on
from polku.employers.tests.factories import introduction, scene
from polku.entrepreneurship.tests.factories import BusinessIdeaFactory

pytestmark = pytest.mark.django_db


def _hub(client, user) -> str:
    client.force_login(user)
    answer = client.get("/")
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_community_card_invites_to_turn_the_profile_on_then_counts_requests(client, world):
    page = _hub(client, world.user_a)
    assert "Community" in page and "Your profile is off" in page
    profile_on(world.user_a, display_name="Amina")
    profile_on(world.user_b, display_name="Bogdan")
    community.connection_request(actor=world.user_b, recipient=world.user_a.community_profile, message="Hei")
    page = _hub(client, world.user_a)
    assert "1 person asks to connect" in page and "Your profile is off" not in page


def test_an_introduction_waiting_for_the_answer_is_on_the_hub_without_any_other_persons_data(client, world):
    data = scene(world)
    assert "would like to meet you" not in _hub(client, world.user_a)
    introduction(data.need, world.part_a)
    page = _hub(client, world.user_a)
    assert "An employer would like to meet you" in page and "Nordic Data Oy" in page
    assert "Data analyst intern" in page
    assert "would like to meet you" not in _hub(client, world.user_b)


def test_the_business_idea_and_its_stage_are_on_the_hub_of_its_owner_only(client, world):
    BusinessIdeaFactory(participation=world.part_a, title="Halal meal kits", stage="validating")
    page = _hub(client, world.user_a)
    assert "My business idea" in page and "Halal meal kits" in page and "Validating" in page
    assert "Halal meal kits" not in _hub(client, world.user_b)


def test_a_community_report_waits_on_the_today_of_the_reporters_coordinator(client, world):
    profile_on(world.user_a, display_name="Amina")
    reported = profile_on(world.user_b, display_name="Bogdan")
    community.report_create(actor=world.user_a, reported=reported, reason="Sends adverts")
    client.force_login(world.coord_a)
    assert "Community reports to handle" in client.get("/").content.decode()
    client.force_login(world.coord_b)
    assert "Community reports to handle" not in client.get("/").content.decode()
