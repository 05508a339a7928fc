"""People and roles of a project: staff invitations from sending to acceptance, and memberships."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from polku.accounts.access import access_for
from polku.accounts.invitations import token_hash
from polku.accounts.models import Invitation, Membership, Role, User
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.projects.people.invitations import invitation_revoke, staff_invite
from polku.projects.people.memberships import membership_end, membership_update
from polku.projects.tests.page_roles import NEW_PASSWORD, invitation
from polku.testing import factories as f
from polku.testing.invitations import link_in

pytestmark = pytest.mark.django_db


def _invite(world, **kwargs):
    values = {"email": "Nora.New@Example.org", "role": Role.COORDINATOR, "partner": world.a, "language": "fi"}
    values.update(kwargs)
    return staff_invite(actor=world.lead, access=access_for(world.lead), project=world.project, **values)


def _link(message) -> str:
    return link_in(message)


def _accept_as_new(client, link: str, name: str = "Nora New"):
    return client.post(link, {"full_name": name, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})


# sending -------------------------------------------------------------------------------------------


def test_the_lead_invites_and_the_email_is_queued_in_the_chosen_language(world):
    invitation_row = _invite(world, language="fi")

    assert invitation_row.email == "nora.new@example.org"
    assert invitation_row.expires_at - invitation_row.sent_at == dt.timedelta(days=14)
    (message,) = mail.outbox
    assert message.to == ["nora.new@example.org"]
    assert message.subject == "Sinut on kutsuttu Polkuun hankkeeseen Test project"
    assert "koordinaattori" in message.body.lower()
    # the database keeps only the hash of the link's token
    token = _link(message).split("/")[-2]
    assert invitation_row.token_hash == token_hash(token) and token not in invitation_row.token_hash
    assert AuditEvent.objects.filter(object_type="accounts.invitation", action="create").count() == 1


def test_the_email_follows_the_language_chosen_for_the_invitee(world):
    _invite(world, language="sv")
    assert mail.outbox[0].subject == "Du är inbjuden till Test project i Polku"


def test_inviting_someone_who_has_the_role_already_is_a_clear_error(world):
    with pytest.raises(ApplicationError) as error:
        _invite(world, email="coord.a@example.org", role=Role.COORDINATOR, partner=world.a)
    assert error.value.field_errors["email"] == ["coord.a@example.org already has this role in the project."]


def test_a_second_invitation_while_the_first_waits_is_refused(world):
    _invite(world)
    with pytest.raises(ApplicationError) as error:
        _invite(world)
    assert "re-send" in error.value.field_errors["email"][0]


def test_a_coordinator_invites_only_mentors_and_employers_of_their_own_partner(world):
    access = access_for(world.coord_a)
    invite = staff_invite(
        actor=world.coord_a,
        access=access,
        project=world.project,
        email="m@example.org",
        role=Role.MENTOR,
        partner=world.a,
    )
    assert invite.partner == world.a
    for role, partner in ((Role.COORDINATOR, world.a), (Role.MENTOR, world.b), (Role.PROJECT_LEAD, None)):
        with pytest.raises(AccessDenied):
            staff_invite(
                actor=world.coord_a,
                access=access,
                project=world.project,
                email="x@example.org",
                role=role,
                partner=partner,
            )


def test_role_and_partner_rules_come_back_as_field_errors(world):
    with pytest.raises(ApplicationError) as error:
        _invite(world, role=Role.COORDINATOR, partner=None)
    assert "partner" in error.value.field_errors
    other = f.PartnerFactory()
    with pytest.raises(ApplicationError) as error:
        _invite(world, role=Role.MENTOR, partner=other)
    assert error.value.field_errors["partner"] == ["Choose a partner of this project."]
    with pytest.raises(ApplicationError):
        _invite(world, role=Role.EVALUATOR, partner=world.a)


def test_the_people_page_shows_the_form_errors_and_keeps_the_input(client, world):
    client.force_login(world.lead)
    response = client.post(
        reverse("projects:people_invite", args=[world.project.code]),
        {"email": "nora@example.org", "role": "coordinator", "partner": "", "language": "en"},
    )
    assert response.status_code == 400
    assert "A coordinator belongs to a partner" in response.content.decode()
    assert 'value="nora@example.org"' in response.content.decode()
    assert not Invitation.objects.exists()


# accepting --------------------------------------------------------------------------------------------


def test_a_new_person_sets_a_password_and_gets_the_role(client, world):
    _invite(world, role=Role.COORDINATOR, partner=world.b, language="en")
    link = _link(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200 and "Choose your password" in page.content.decode()
    response = _accept_as_new(client, link)

    assert response.status_code == 302
    user = User.objects.get(email="nora.new@example.org")
    assert user.full_name == "Nora New" and user.check_password(NEW_PASSWORD)
    assert Membership.objects.filter(user=user, role=Role.COORDINATOR, partner=world.b).exists()
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary
    assert Invitation.objects.get().accepted_by == user
    assert int(client.session["_auth_user_id"]) == user.pk
    assert AuditEvent.objects.filter(object_type="accounts.membership", action="create").exists()


def test_the_new_person_can_sign_in_with_their_password_afterwards(client, world):
    _invite(world)
    _accept_as_new(client, _link(mail.outbox[0]))
    client.logout()
    response = client.post("/accounts/login/", {"login": "nora.new@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == "/"


def test_a_weak_or_mismatched_password_is_refused_with_the_input_kept(client, world):
    _invite(world)
    link = _link(mail.outbox[0])
    response = client.post(link, {"full_name": "Nora New", "password1": "short", "password2": "short"})
    assert response.status_code == 400
    assert 'value="Nora New"' in response.content.decode()
    response = client.post(
        link, {"full_name": "Nora", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    )
    assert "The two passwords differ." in response.content.decode()
    assert not User.objects.filter(email="nora.new@example.org").exists()


def test_an_existing_user_signs_in_and_accepts(client, world):
    _row, token = invitation(world, email=world.stranger.email, role=Role.EVALUATOR, partner=None)
    _row.partner = None
    _row.save()
    link = reverse("invitations:accept", args=[token])
    page = client.get(link)
    assert "Sign in" in page.content.decode() and "next=" in page.content.decode()

    client.force_login(world.stranger)
    assert client.get(link).status_code == 200
    response = client.post(link)

    assert response.status_code == 302
    assert Membership.objects.filter(user=world.stranger, role=Role.EVALUATOR, project=world.project).exists()


def test_the_wrong_person_signed_in_is_told_and_nothing_changes(client, world):
    _row, token = invitation(world, email="someone.else@example.org")
    client.force_login(world.stranger)
    link = reverse("invitations:accept", args=[token])

    response = client.get(link)
    assert response.status_code == 403
    assert "This invitation was sent to someone.else@example.org" in response.content.decode()
    assert client.post(link).status_code == 403
    assert Invitation.objects.get().accepted_at is None
    assert not Membership.objects.filter(user=world.stranger).exists()


@pytest.mark.parametrize("state", ["expired", "revoked", "used"])
def test_a_dead_link_shows_a_clear_page(client, world, state):
    row, token = invitation(world, email="nora@example.org")
    if state == "expired":
        row.expires_at = timezone.now() - dt.timedelta(minutes=1)
        row.save()
        expected = "This invitation has expired."
    elif state == "revoked":
        invitation_revoke(actor=world.lead, access=access_for(world.lead), invitation=row)
        expected = "This invitation was withdrawn."
    else:
        link = reverse("invitations:accept", args=[token])
        assert _accept_as_new(client, link).status_code == 302
        client.logout()
        expected = "This invitation has been used already."

    response = client.get(reverse("invitations:accept", args=[token]))
    assert response.status_code == 410
    assert expected in response.content.decode()
    response = _accept_as_new(client, reverse("invitations:accept", args=[token]), name="Second Try")
    assert response.status_code == 410
    assert not User.objects.filter(full_name="Second Try").exists()


def test_an_unknown_link_shows_a_clear_page(client, db):
    response = client.get(reverse("invitations:accept", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()


def test_resending_retires_the_old_link_and_extends_the_expiry(client, world):
    row = _invite(world)
    old = _link(mail.outbox[0])
    row.expires_at = timezone.now() - dt.timedelta(days=1)
    row.save()
    client.force_login(world.lead)

    response = client.post(reverse("projects:invitation_resend", args=[world.project.code, row.pk]))

    assert response.status_code == 302
    new = _link(mail.outbox[1])
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    row.refresh_from_db()
    assert row.status == Invitation.Status.PENDING


@pytest.mark.mfa
def test_a_staff_invitee_must_set_up_mfa_before_reaching_staff_pages(client, world, settings):
    settings.POLKU_MFA_REQUIRED_FOR_STAFF = True
    _invite(world, role=Role.COORDINATOR, partner=world.a)
    _accept_as_new(client, _link(mail.outbox[0]))

    response = client.get("/participants/")

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"


@pytest.mark.mfa
def test_a_mentor_invitee_is_not_asked_for_mfa(client, world, settings):
    settings.POLKU_MFA_REQUIRED_FOR_STAFF = True
    _invite(world, role=Role.MENTOR, partner=world.a)
    _accept_as_new(client, _link(mail.outbox[0]))
    assert client.get(reverse("projects:detail", args=[world.project.code])).status_code == 200


# memberships ----------------------------------------------------------------------------------------


def test_a_lead_cannot_remove_the_last_lead_not_even_themselves(client, world):
    lead_membership = Membership.objects.get(user=world.lead, role=Role.PROJECT_LEAD)
    access = access_for(world.lead)
    with pytest.raises(ApplicationError, match="keep a lead"):
        membership_end(actor=world.lead, access=access, membership=lead_membership)
    with pytest.raises(ApplicationError, match="keep a lead"):
        membership_update(
            actor=world.lead, access=access, membership=lead_membership, role=Role.EVALUATOR, partner=None
        )
    client.force_login(world.lead)
    response = client.post(reverse("projects:membership_end", args=[world.project.code, lead_membership.pk]))
    assert response.status_code == 400
    assert Membership.objects.filter(pk=lead_membership.pk).exists()


def test_with_another_lead_a_lead_may_step_down(world):
    other = f.UserFactory()
    f.membership(other, Role.PROJECT_LEAD, project=world.project)
    lead_membership = Membership.objects.get(user=world.lead, role=Role.PROJECT_LEAD)
    membership_end(actor=world.lead, access=access_for(world.lead), membership=lead_membership)
    assert not Membership.objects.filter(pk=lead_membership.pk).exists()


def test_ending_a_membership_is_audited_with_whose_role_it_was(client, world):
    coordinator = Membership.objects.get(user=world.coord_b)
    client.force_login(world.lead)
    response = client.post(reverse("projects:membership_end", args=[world.project.code, coordinator.pk]))
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="delete", object_type="accounts.membership")
    assert event.actor == world.lead and event.partner_id == world.b.pk
    assert "user:coord.b@example.org" in event.fields and "role:coordinator" in event.fields


def test_changing_a_role_checks_the_partner_rule(world):
    coordinator = Membership.objects.get(user=world.coord_b)
    with pytest.raises(ApplicationError) as error:
        membership_update(
            actor=world.lead,
            access=access_for(world.lead),
            membership=coordinator,
            role=Role.EVALUATOR,
            partner=world.b,
        )
    assert "partner" in error.value.field_errors
    membership_update(
        actor=world.lead,
        access=access_for(world.lead),
        membership=coordinator,
        role=Role.EVALUATOR,
        partner=None,
    )
    coordinator.refresh_from_db()
    assert coordinator.role == Role.EVALUATOR and coordinator.partner is None


def test_a_coordinator_reads_the_people_page_without_change_links(client, world):
    client.force_login(world.coord_a)
    response = client.get(reverse("projects:people", args=[world.project.code]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "coord.b@example.org" in content and "lead@example.org" in content
    assert "/people/" in content and "/edit/" not in content
    # their invitation form offers mentors and employer representatives of their own partner only
    form = response.context["form"]
    assert [value for value, _label in form.fields["role"].choices] == ["mentor", "employer"]
    assert list(form.fields["partner"].queryset) == [world.a]


def test_the_project_page_links_to_people_and_roles(client, world):
    client.force_login(world.lead)
    response = client.get(reverse("projects:detail", args=[world.project.code]))
    assert reverse("projects:people", args=[world.project.code]) in response.content.decode()
    client.force_login(world.evaluator)
    response = client.get(reverse("projects:detail", args=[world.project.code]))
    assert reverse("projects:people", args=[world.project.code]) not in response.content.decode()


# API ------------------------------------------------------------------------------------------------------


def test_the_api_invites_lists_and_accepts(world):
    lead = APIClient()
    lead.force_login(world.lead)
    created = lead.post(
        f"/api/v1/projects/{world.project.code}/invitations/",
        {"email": world.stranger.email, "role": "employer", "partner": None, "language": "en"},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "pending"
    listed = lead.get(f"/api/v1/projects/{world.project.code}/invitations/").json()
    assert [row["email"] for row in listed["results"]] == [world.stranger.email]

    token = _link(mail.outbox[0]).split("/")[-2]
    stranger = APIClient()
    stranger.force_login(world.stranger)
    accepted = stranger.post("/api/v1/invitations/accept/", {"token": token}, format="json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    again = stranger.post("/api/v1/invitations/accept/", {"token": token}, format="json")
    assert again.status_code == 400
    assert "used already" in again.json()["detail"]
    assert stranger.post("/api/v1/invitations/accept/", {"token": "nope"}, format="json").status_code == 404
    members = lead.get(f"/api/v1/projects/{world.project.code}/memberships/").json()
    assert world.stranger.email in [row["email"] for row in members["results"]]


def test_the_api_refuses_to_remove_the_last_lead(world):
    lead = APIClient()
    lead.force_login(world.lead)
    membership = Membership.objects.get(user=world.lead)
    response = lead.delete(f"/api/v1/projects/{world.project.code}/memberships/{membership.pk}/")
    assert response.status_code == 400
    assert "keep a lead" in response.json()["detail"]


def test_the_api_validates_the_invitation_with_field_errors(world):
    lead = APIClient()
    lead.force_login(world.lead)
    response = lead.post(
        f"/api/v1/projects/{world.project.code}/invitations/",
        {"email": "not-an-email", "role": "boss"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) >= {"email", "role"}
