""" "Invite to Polku": participants registered by a coordinator or imported get a log-in by invitation."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from polku.accounts.access import access_for
from polku.accounts.models import Invitation, Membership
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.imports.models import ImportBatch
from polku.participants.invitations import participant_invite, participant_invite_many
from polku.privacy.services import person_anonymise
from polku.projects.tests.page_roles import NEW_PASSWORD
from polku.testing import factories as f
from polku.testing.invitations import link_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("invitation_mail_at_once")]


def _person(world, partner=None, **person):
    values = {"person__email": "leila@example.org", "person__preferred_language": "sv"}
    values.update({f"person__{k}": v for k, v in person.items()})
    return f.ParticipationFactory(partner=partner or world.a, **values)


def test_the_invited_participant_sets_a_password_and_their_person_is_linked(client, world):
    participation = _person(world, first_name="Leila", last_name="Haddad")
    invite = participant_invite(
        actor=world.coord_a, access=access_for(world.coord_a), participation=participation
    )

    (message,) = mail.outbox
    assert message.to == ["leila@example.org"]
    assert message.subject == "Din inloggning till Polku för Test project"  # the person's language
    assert invite.role == "" and invite.person == participation.person
    page = client.get(link_in(message))
    assert 'value="Leila Haddad"' in page.content.decode()  # the name comes from the record
    response = client.post(
        link_in(message), {"full_name": "Leila Haddad", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    participation.person.refresh_from_db()
    user = participation.person.user
    assert user is not None and user.email == "leila@example.org"
    assert not Membership.objects.filter(user=user).exists()  # a participant through their person
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("participants:me")).status_code == 200
    assert AuditEvent.objects.filter(object_type="participants.person", fields=["user"]).exists()


def test_people_without_email_or_with_a_login_cannot_be_invited(world):
    access = access_for(world.coord_a)
    with pytest.raises(ApplicationError, match="has a log-in already"):
        participant_invite(actor=world.coord_a, access=access, participation=world.part_a)
    with pytest.raises(ApplicationError, match="has no e-mail address"):
        participant_invite(actor=world.coord_a, access=access, participation=_person(world, email=""))


def test_a_coordinator_of_partner_b_cannot_invite_partner_a_participants(client, world):
    participation = _person(world)
    with pytest.raises(AccessDenied):
        participant_invite(actor=world.coord_b, access=access_for(world.coord_b), participation=participation)
    client.force_login(world.coord_b)
    assert client.post(reverse("participants:invite", args=[participation.pk])).status_code == 404
    assert client.post(reverse("participants:invite_many"), {"ids": [participation.pk]}).status_code == 404
    api = APIClient()
    api.force_login(world.coord_b)
    assert api.post(f"/api/v1/participants/{participation.pk}/invite/").status_code == 404
    response = api.post("/api/v1/participants/invite/", {"participations": [participation.pk]}, format="json")
    assert response.status_code == 404
    assert not Invitation.objects.exists() and not mail.outbox


def test_inviting_twice_sends_the_waiting_invitation_again_with_a_new_link(world):
    participation = _person(world)
    access = access_for(world.coord_a)
    first = participant_invite(actor=world.coord_a, access=access, participation=participation)
    second = participant_invite(actor=world.coord_a, access=access, participation=participation)
    assert first.pk == second.pk and Invitation.objects.count() == 1
    assert link_in(mail.outbox[0]) != link_in(mail.outbox[1])


def test_bulk_invitations_count_the_sent_and_the_skipped(world):
    rows = [
        _person(world, email="one@example.org"),
        _person(world, email="two@example.org"),
        _person(world, email=""),
        world.part_a,  # has a log-in
    ]
    counts = participant_invite_many(
        actor=world.coord_a, access=access_for(world.coord_a), participations=rows
    )
    assert (counts.sent, counts.without_email, counts.with_login, counts.skipped) == (2, 1, 1, 2)
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]


def test_the_list_invites_the_ticked_rows_and_says_how_many(client, world):
    one = _person(world, email="one@example.org")
    none = _person(world, email="")
    client.force_login(world.coord_a)
    response = client.post(reverse("participants:invite_many"), {"ids": [one.pk, none.pk]}, follow=True)
    text = response.content.decode()
    assert "1 invitation sent." in text and "1 person has no e-mail address." in text
    assert [m.to for m in mail.outbox] == [["one@example.org"]]


def test_invite_everyone_without_a_login_follows_the_list_filters(client, world):
    _person(world, email="nadia@example.org", first_name="Nadia")
    _person(world, email="omar@example.org", first_name="Omar")
    client.force_login(world.coord_a)
    response = client.post(reverse("participants:invite_many"), {"all": "1", "q": "nadia"})
    assert response.status_code == 302 and "q=nadia" in response.url
    assert [m.to for m in mail.outbox] == [["nadia@example.org"]]


def test_the_api_invites_many_and_counts(world):
    api = APIClient()
    api.force_login(world.coord_a)
    one = _person(world, email="one@example.org")
    response = api.post(
        "/api/v1/participants/invite/", {"participations": [one.pk, world.part_a.pk]}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"sent": 1, "skipped_with_login": 1, "skipped_without_email": 0}
    response = api.post(f"/api/v1/participants/{world.part_a.pk}/invite/")
    assert response.status_code == 400 and "log-in already" in response.json()["detail"]


def test_the_participant_page_offers_the_invitation(client, world):
    participation = _person(world)
    client.force_login(world.coord_a)
    page = client.get(reverse("participants:detail", args=[participation.pk])).content.decode()
    assert reverse("participants:invite", args=[participation.pk]) in page
    page = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert reverse("participants:invite", args=[world.part_a.pk]) not in page


def test_a_confirmed_import_offers_to_invite_the_imported(client, world):
    participation = _person(world)
    batch = ImportBatch.objects.create(
        partner=world.a,
        uploaded_by=world.coord_a,
        filename="list.csv",
        status=ImportBatch.Status.COMMITTED,
        imported_count=1,
        rows=[{"row": 2, "errors": {}, "values": {}, "imported": True, "participation_id": participation.pk}],
    )
    client.force_login(world.coord_a)
    page = client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert reverse("participants:invite_many") in page and f'value="{participation.pk}"' in page
    response = client.post(
        reverse("participants:invite_many"),
        {"ids": [participation.pk], "next": reverse("imports:detail", args=[batch.pk])},
    )
    assert response.url == reverse("imports:detail", args=[batch.pk])
    assert len(mail.outbox) == 1


def test_anonymising_a_person_removes_their_invitations(world):
    participation = _person(world)
    participant_invite(actor=world.coord_a, access=access_for(world.coord_a), participation=participation)
    person_anonymise(person=participation.person)
    assert not Invitation.objects.filter(email="leila@example.org").exists()
