"""The community network in the person's data export and an erasure request handled by the privacy service."""

from __future__ import annotations

import json

import pytest

from polku.accounts.access import access_for
from polku.community import services
from polku.community.models import Message, Profile
from polku.community.tests.factories import connect, profile_on
from polku.privacy.selectors import person_export
from polku.privacy.services import erasure_request_create, erasure_request_handle

pytestmark = pytest.mark.django_db


def test_export_and_erasure_through_the_privacy_service(world):
    profile_on(world.user_a, display_name="Amina", introduction="Baker")
    bogdan = profile_on(world.user_b, display_name="Bogdan")
    connect(world.user_a, world.user_b)
    services.message_send(actor=world.user_a, recipient=bogdan, body="Secret recipe")
    document = person_export(person=world.part_a.person)
    keys = {key for key in document["sections"] if key.startswith("community.")}
    assert keys == {"community.profile", "community.connections", "community.messages"}
    json.dumps(document)
    request = erasure_request_create(
        actor=world.user_a, access=access_for(world.user_a), person=world.part_a.person, scope="all"
    )
    request = erasure_request_handle(actor=world.coord_a, access=access_for(world.coord_a), request=request)
    assert any("Community directory profile" in item for item in request.erased)
    assert not Profile.objects.filter(person=world.part_a.person).exists()
    message = Message.objects.get()
    assert message.erased and message.body == "" and message.recipient_id == bogdan.pk
