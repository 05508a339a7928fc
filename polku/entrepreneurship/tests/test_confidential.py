"""A listing's confidential fields (company name, exact figures, owner's contact) reach a successor only
once both sides agreed to the introduction: checked field by field, in the API and on the page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.entrepreneurship.models import TransferListing
from polku.entrepreneurship.services import transfers
from polku.entrepreneurship.tests.factories import IntroductionFactory

pytestmark = pytest.mark.django_db
SECRETS = {
    "company_name": "Kahvila Aurinko Oy",
    "figures": "Turnover 420 000 €, profit 38 000 €",
    "owner_contact": "Maija Virtanen, 040 123 4567",
}


def _intro(world):
    return IntroductionFactory(listing__partner=world.a, successor__participation=world.part_a)


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _page(client, user, intro) -> str:
    client.force_login(user)
    return client.get(reverse("entrepreneurship:introduction", args=[intro.pk])).content.decode()


@pytest.mark.parametrize("field", TransferListing.CONFIDENTIAL)
def test_each_confidential_field_hidden_until_both_agree(client, world, field):
    intro = _intro(world)
    url = f"/api/v1/transfer-introductions/{intro.pk}/"
    listing = _api(world.user_a).get(url).json()["listing"]
    assert field not in listing and listing["headline"] == "A lunch café in a shopping centre"
    assert SECRETS[field] not in _page(client, world.user_a, intro)
    assert SECRETS[field] not in str(_api(world.user_a).get("/api/v1/me/transfer-introductions/").json())

    # the participant agrees: still hidden, the owner has not
    transfers.introduction_participant_answer(
        actor=world.user_a, access=access_for(world.user_a), introduction=intro, agree=True
    )
    assert field not in _api(world.user_a).get(url).json()["listing"]
    assert SECRETS[field] not in _page(client, world.user_a, intro)

    # the owner agrees (recorded by the coordinator): the names are exchanged
    transfers.introduction_owner_answer(
        actor=world.coord_a, access=access_for(world.coord_a), introduction=intro, agree=True
    )
    assert _api(world.user_a).get(url).json()["listing"][field] == SECRETS[field]
    html = _page(client, world.user_a, intro)
    assert f'data-confidential="{field}"' in html
    assert SECRETS[field].split(",")[0] in html


@pytest.mark.parametrize("field", TransferListing.CONFIDENTIAL)
def test_the_listings_coordinators_see_every_field_and_the_read_is_audited(world, field):
    intro = _intro(world)
    response = _api(world.coord_a).get(f"/api/v1/transfer-listings/{intro.listing_id}/")
    assert response.json()[field] == SECRETS[field]
    read = AuditEvent.objects.get(action="read", object_type="entrepreneurship.transferlisting")
    assert field in read.fields and read.actor == world.coord_a


def test_a_declined_introduction_never_shows_them(world):
    intro = _intro(world)
    transfers.introduction_owner_answer(
        actor=world.coord_a, access=access_for(world.coord_a), introduction=intro, agree=False
    )
    listing = _api(world.user_a).get(f"/api/v1/transfer-introductions/{intro.pk}/").json()["listing"]
    assert not set(TransferListing.CONFIDENTIAL) & set(listing)


def test_other_participants_and_partners_do_not_reach_the_introduction(world):
    intro = _intro(world)
    for user in (world.user_b, world.coord_b):
        assert _api(user).get(f"/api/v1/transfer-introductions/{intro.pk}/").status_code == 404
