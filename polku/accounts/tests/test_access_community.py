"""The rules of the community network as methods of Access (polku.accounts.access): who keeps a directory
profile (`can_use_community`) and who handles reports of profiles (`can_handle_community_reports`)."""

from __future__ import annotations

import pytest

from polku.accounts.access import ANONYMOUS, access_for
from polku.testing import factories as f


@pytest.mark.django_db
def test_participants_mentors_and_employers_use_the_community_staff_do_not(world):
    mentor, employer = f.UserFactory(), f.UserFactory()
    f.membership(mentor, f.Role.MENTOR, partner=world.a)
    f.membership(employer, f.Role.EMPLOYER, project=world.project)
    for user in (world.user_a, world.user_b, mentor, employer):
        assert access_for(user).can_use_community(), user
    for user in (world.coord_a, world.lead, world.evaluator, world.admin, world.stranger):
        assert not access_for(user).can_use_community(), user
    assert not ANONYMOUS.can_use_community()


@pytest.mark.django_db
def test_reports_go_to_the_reporters_partners_coordinators_and_admins(world):
    a, b = world.a.pk, world.b.pk
    coord_a = access_for(world.coord_a)
    assert coord_a.can_handle_community_reports() and coord_a.can_handle_community_reports(a)
    assert not coord_a.can_handle_community_reports(b)
    assert access_for(world.admin).can_handle_community_reports(b)
    for user in (world.lead, world.evaluator, world.user_a, world.stranger):
        assert not access_for(user).can_handle_community_reports(), user
        assert not access_for(user).can_handle_community_reports(a), user
