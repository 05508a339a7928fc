import pytest
from django.urls import reverse

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied
from polku.registration.services import registration_link_set_open


def test_coordinator_sees_only_own_partners_link(client, world):
    client.force_login(world.coord_a)
    response = client.get(reverse("registration:manage"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"http://testserver/r/{world.a.registration_code}/" in html
    assert world.b.registration_code not in html
    assert [p.pk for p in response.context["partners"]] == [world.a.pk]


def test_coordinator_closes_and_reopens_own_link(client, world):
    client.force_login(world.coord_a)
    url = reverse("registration:set_open", args=[world.a.pk])
    assert client.post(url, {"open": "0"}).status_code == 302
    world.a.refresh_from_db()
    assert world.a.registration_open is False
    assert client.get(reverse("registration:register", args=[world.a.registration_code])).status_code == 410
    client.post(url, {"open": "1"})
    world.a.refresh_from_db()
    assert world.a.registration_open is True


def test_coordinator_cannot_toggle_another_partners_link(client, world):
    client.force_login(world.coord_b)
    response = client.post(reverse("registration:set_open", args=[world.a.pk]), {"open": "0"})
    assert response.status_code == 404
    world.a.refresh_from_db()
    assert world.a.registration_open is True


def test_toggle_needs_post(client, world):
    client.force_login(world.coord_a)
    assert client.get(reverse("registration:set_open", args=[world.a.pk])).status_code == 405


@pytest.mark.parametrize("who", ["lead", "evaluator", "user_a", "stranger"])
def test_non_coordinators_are_denied(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("registration:manage")).status_code == 403
    assert client.post(reverse("registration:set_open", args=[world.a.pk]), {"open": "0"}).status_code == 403
    world.a.refresh_from_db()
    assert world.a.registration_open is True


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(reverse("registration:manage"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_service_checks_access(world):
    with pytest.raises(AccessDenied):
        registration_link_set_open(access=access_for(world.coord_b), partner=world.a, is_open=False)
    registration_link_set_open(access=access_for(world.admin), partner=world.a, is_open=False)
    world.a.refresh_from_db()
    assert world.a.registration_open is False
