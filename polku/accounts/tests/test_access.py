"""Access flags per role (polku.accounts.access), the basis of partner isolation everywhere."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from polku.accounts.access import ANONYMOUS, access_for
from polku.accounts.models import Role, User
from polku.participants.models import Participation
from polku.testing import factories as f


def visible(access):
    return set(access.visible_participations(Participation.objects.all()))


def test_coordinator_sees_own_partner_only(world):
    access = access_for(world.coord_a)

    assert access.user_id == world.coord_a.pk
    assert access.coordinator_partner_ids == {world.a.pk}
    assert access.roles == {Role.COORDINATOR}
    assert access.project_ids() == {world.project.pk}
    assert access.is_coordinator and access.is_staff_role
    assert not access.is_admin and not access.is_participant
    assert access.can_view_project(world.project.pk)
    assert not access.can_view_aggregates(world.project.pk)
    assert access.can_manage_partner(world.a.pk)
    assert not access.can_manage_partner(world.b.pk)
    assert not access.can_manage_project(world.project.pk)
    assert visible(access) == {world.part_a}
    assert access.can_view_person(world.part_a.person_id, {world.a.pk})
    assert not access.can_view_person(world.part_b.person_id, {world.b.pk})


def test_coordinators_of_two_partners_are_isolated_from_each_other(world):
    assert visible(access_for(world.coord_b)) == {world.part_b}
    assert not access_for(world.coord_b).can_manage_partner(world.a.pk)


def test_project_lead_sees_aggregates_but_no_people(world):
    access = access_for(world.lead)

    assert access.lead_project_ids == {world.project.pk}
    assert access.is_staff_role
    assert not access.is_coordinator
    assert access.can_view_project(world.project.pk)
    assert access.can_view_aggregates(world.project.pk)
    assert access.can_manage_project(world.project.pk)
    assert not access.can_manage_partner(world.a.pk)
    assert visible(access) == set()
    assert not access.can_view_person(world.part_a.person_id, {world.a.pk})


def test_evaluator_sees_aggregates_only(world):
    access = access_for(world.evaluator)

    assert access.evaluator_project_ids == {world.project.pk}
    assert access.is_staff_role
    assert access.can_view_aggregates(world.project.pk)
    assert not access.can_manage_project(world.project.pk)
    assert not access.can_manage_partner(world.a.pk)
    assert not access.is_coordinator
    assert visible(access) == set()


def test_platform_admin_may_do_everything(world):
    access = access_for(world.admin)
    other_project = f.ProjectFactory()

    assert access.is_admin and access.is_staff_role and access.is_coordinator
    assert access.project_ids() == frozenset()  # no memberships; admins reach projects through is_admin
    assert access.can_view_project(other_project.pk)
    assert access.can_view_aggregates(other_project.pk)
    assert access.can_manage_project(other_project.pk)
    assert access.can_manage_partner(world.b.pk)
    assert visible(access) == {world.part_a, world.part_b}
    assert access.can_view_person(world.part_b.person_id, set())


def test_participant_sees_own_person_only(world):
    access = access_for(world.user_a)

    assert access.is_participant
    assert access.person_id == world.part_a.person_id
    assert not access.is_staff_role and not access.is_coordinator
    assert access.roles == frozenset()
    assert not access.can_view_project(world.project.pk)
    assert visible(access) == set()
    assert access.can_view_person(world.part_a.person_id, {world.a.pk})
    assert not access.can_view_person(world.part_b.person_id, {world.b.pk})


def test_user_without_role_or_person_gets_nothing(world):
    access = access_for(world.stranger)

    assert access.user_id == world.stranger.pk
    assert not (access.is_admin or access.is_staff_role or access.is_coordinator or access.is_participant)
    assert access.project_ids() == frozenset()
    assert visible(access) == set()
    assert not access.can_view_project(world.project.pk)


@pytest.mark.parametrize("role", [Role.MENTOR, Role.EMPLOYER])
def test_mentors_and_employers_are_members_but_not_staff(world, role):
    user = f.UserFactory()
    f.membership(user, role, project=world.project)

    access = access_for(user)

    assert access.can_view_project(world.project.pk)
    assert not access.is_staff_role
    assert not access.can_view_aggregates(world.project.pk)
    assert visible(access) == set()


def test_roles_in_two_projects_stay_apart(world):
    other = f.PartnerFactory()
    f.membership(world.coord_a, Role.PROJECT_LEAD, project=other.project)
    world.coord_a = User.objects.get(pk=world.coord_a.pk)  # a fresh object: no cached access

    access = access_for(world.coord_a)

    assert access.project_ids() == {world.project.pk, other.project.pk}
    assert access.can_manage_project(other.project.pk)
    assert not access.can_manage_project(world.project.pk)
    assert not access.can_manage_partner(other.pk)


def test_anonymous_and_missing_users_get_no_access(db):
    assert access_for(None) is ANONYMOUS
    assert access_for(AnonymousUser()) is ANONYMOUS  # type: ignore[arg-type]  # handled, though not in the signature
    assert ANONYMOUS.user_id is None
    assert not ANONYMOUS.is_staff_role
    assert not ANONYMOUS.can_view_project(1)


def test_access_is_computed_once_per_user_object(world, django_assert_num_queries):
    user = User.objects.get(pk=world.coord_a.pk)
    with django_assert_num_queries(2):  # memberships, and whether the user is a participant
        first = access_for(user)

    with django_assert_num_queries(0):
        again = access_for(user)

    assert again is first


def test_a_new_user_object_sees_new_memberships(world):
    user = User.objects.get(pk=world.stranger.pk)
    assert not access_for(user).is_coordinator
    f.membership(world.stranger, Role.COORDINATOR, partner=world.b)

    assert not access_for(user).is_coordinator  # cached on this object for the rest of the request
    assert access_for(User.objects.get(pk=world.stranger.pk)).can_manage_partner(world.b.pk)


def test_count_and_activity_rules_follow_the_roles(world):
    from polku.accounts.access import access_for

    project, a, b = world.project.pk, world.a.pk, world.b.pk
    coord_a, lead, evaluator = access_for(world.coord_a), access_for(world.lead), access_for(world.evaluator)
    participant, stranger = access_for(world.user_a), access_for(world.stranger)
    assert coord_a.coordinates_in(project) and coord_a.can_view_counts(project)
    assert coord_a.can_view_partner_counts(project, a) and not coord_a.can_view_partner_counts(project, b)
    assert lead.can_view_partner_counts(project, b) and not lead.coordinates_in(project)
    assert evaluator.can_view_counts(project) and not evaluator.can_manage_activity(project, a)
    assert lead.can_manage_activity(project, b) and lead.can_manage_activity(project, None)
    assert coord_a.can_manage_activity(project, a) and not coord_a.can_manage_activity(project, b)
    assert not coord_a.can_manage_activity(project, None)
    for reader in (participant, stranger):
        assert not reader.can_view_counts(project) and not reader.can_manage_activity(project, a)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "staff", "retention"),
    [
        ("coord_a", True, False),
        ("lead", True, True),
        ("evaluator", True, False),
        ("admin", True, True),
        ("user_a", False, False),
        ("stranger", False, False),
    ],
)
def test_menu_rules_follow_the_roles(world, who, staff, retention):
    access = access_for(getattr(world, who))
    assert access.is_project_staff() is staff
    assert access.can_view_retention() is retention
