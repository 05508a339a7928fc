"""The rules of employers as methods of Access (polku.accounts.access): who manages employers and acts for
one, who decides an introduction, and that employer representatives need MFA like staff."""

from __future__ import annotations

import pytest

from polku.accounts.access import ANONYMOUS, access_for
from polku.accounts.middleware import needs_mfa_setup
from polku.testing import factories as f


@pytest.fixture
def rep(world):
    user = f.UserFactory(email="rep@firm.fi")
    f.membership(user, f.Role.EMPLOYER, partner=world.a)
    return user


@pytest.mark.django_db
def test_employer_representatives_need_mfa_like_staff(world, rep, settings):
    settings.POLKU_MFA_REQUIRED_FOR_STAFF = True
    assert access_for(rep).needs_mfa and not access_for(rep).is_staff_role
    assert needs_mfa_setup(rep)
    assert access_for(world.coord_a).needs_mfa
    assert not access_for(world.user_a).needs_mfa and not needs_mfa_setup(world.user_a)


@pytest.mark.django_db
def test_is_employer_representative(world, rep):
    assert access_for(rep).is_employer_representative()
    for user in (world.coord_a, world.lead, world.user_a, world.admin):
        assert not access_for(user).is_employer_representative(), user


@pytest.mark.django_db
def test_the_projects_lead_and_coordinators_manage_its_employers(world, rep):
    project = world.project.pk
    for user in (world.coord_a, world.coord_b, world.lead, world.admin):
        assert access_for(user).can_manage_employers(project), user
    for user in (world.evaluator, rep, world.user_a, world.stranger):
        assert not access_for(user).can_manage_employers(project), user


@pytest.mark.django_db
def test_an_employer_is_managed_by_its_partners_coordinators_and_the_lead(world, rep):
    project, a = world.project.pk, world.a.pk
    for user in (world.coord_a, world.lead, world.admin):
        assert access_for(user).can_manage_employer(project, a), user
    for user in (world.coord_b, world.evaluator, rep, world.user_a):
        assert not access_for(user).can_manage_employer(project, a), user


@pytest.mark.django_db
def test_a_representative_acts_only_for_the_employers_they_represent(world, rep):
    assert access_for(rep).can_act_for_employer(7, frozenset({7}))
    assert not access_for(rep).can_act_for_employer(8, frozenset({7}))
    # representing needs the role too
    assert not access_for(world.coord_a).can_act_for_employer(7, frozenset({7}))


@pytest.mark.django_db
def test_employer_filter(world, rep):
    from polku.employers.models import Employer
    from polku.employers.tests.factories import EmployerFactory

    mine = EmployerFactory(partner=world.a, project=world.project)
    elsewhere = EmployerFactory()

    def seen(user, represented=frozenset()):
        return set(Employer.objects.filter(access_for(user).employer_filter(represented)))

    assert seen(world.coord_b) == seen(world.lead) == {mine}
    assert seen(world.admin) == {mine, elsewhere}
    assert seen(rep, frozenset({elsewhere.pk})) == {elsewhere}
    assert seen(world.user_a) == seen(world.evaluator) == set()


@pytest.mark.django_db
def test_only_the_participant_decides_and_is_found(world):
    person = world.part_a.person_id
    assert access_for(world.user_a).can_decide_introduction(person)
    for user in (world.coord_a, world.admin, world.user_b):
        assert not access_for(user).can_decide_introduction(person), user
    assert access_for(world.user_a).can_be_found_by_employers()
    assert not access_for(world.coord_a).can_be_found_by_employers()
    assert not ANONYMOUS.can_be_found_by_employers()
