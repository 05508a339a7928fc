"""Mentors join a mentoring programme by invitation (polku.mentoring.invitations, the acceptance hook)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from polku.accounts.models import Invitation, Membership, Role, User
from polku.mentoring.models import MentorProfile
from polku.mentoring.selectors import programme_mentors
from polku.mentoring.tests import factories as mf
from polku.projects.tests.page_roles import NEW_PASSWORD
from polku.testing.invitations import link_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("invitation_mail_at_once")]


def test_an_invited_mentor_joins_the_programme_with_a_profile(client, world):
    programme = mf.ProgrammeFactory(partner=world.a)
    client.force_login(world.coord_a)
    response = client.post(
        reverse("mentoring:invite_mentor", args=[programme.pk]),
        {"email": "mona@example.org", "language": "en"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.role, invitation.partner, invitation.extra) == (
        Role.MENTOR,
        world.a,
        {"mentoring_programme": programme.pk},
    )
    client.logout()

    link = link_in(mail.outbox[0])
    client.post(link, {"full_name": "Mona Mentor", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    user = User.objects.get(email="mona@example.org")
    assert Membership.objects.filter(user=user, role=Role.MENTOR, partner=world.a).exists()
    profile = MentorProfile.objects.get(user=user)
    assert profile in programme_mentors(programme)


def test_a_coordinator_of_another_partner_cannot_invite_to_the_programme(client, world):
    programme = mf.ProgrammeFactory(partner=world.a)
    client.force_login(world.coord_b)
    response = client.post(
        reverse("mentoring:invite_mentor", args=[programme.pk]),
        {"email": "mona@example.org", "language": "en"},
    )
    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_the_programme_page_offers_the_invitation(client, world):
    programme = mf.ProgrammeFactory(partner=world.a)
    client.force_login(world.coord_a)
    page = client.get(reverse("mentoring:programme", args=[programme.pk])).content.decode()
    assert reverse("mentoring:invite_mentor", args=[programme.pk]) in page
