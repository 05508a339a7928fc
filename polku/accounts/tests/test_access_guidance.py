"""The rules of individual guidance as methods of Access (polku.accounts.access): who records sessions and
reads their notes (`can_guide`, `guidance_filter`) and who sees counts (`can_view_guidance_counts`)."""

from __future__ import annotations

import pytest

from polku.accounts.access import ANONYMOUS, access_for
from polku.participants.models import Participation


@pytest.mark.django_db
def test_only_the_partners_coordinators_and_admins_guide(world):
    a, b = world.a.pk, world.b.pk
    assert access_for(world.coord_a).can_guide(a) and not access_for(world.coord_a).can_guide(b)
    assert access_for(world.admin).can_guide(a) and access_for(world.admin).can_guide(b)
    for user in (world.lead, world.evaluator, world.user_a, world.stranger):
        assert not access_for(user).can_guide(a), user
    assert not ANONYMOUS.can_guide(a)


@pytest.mark.django_db
def test_guidance_filter_keeps_the_partners_participations(world):
    def guided(user):
        return set(Participation.objects.filter(access_for(user).guidance_filter()))

    assert guided(world.coord_a) == {world.part_a}
    assert guided(world.admin) == {world.part_a, world.part_b}
    assert guided(world.lead) == guided(world.user_a) == set()


@pytest.mark.django_db
def test_counts_for_the_projects_staff(world):
    project = world.project.pk
    for user in (world.coord_a, world.coord_b, world.lead, world.evaluator, world.admin):
        assert access_for(user).can_view_guidance_counts(project), user
    for user in (world.user_a, world.stranger):
        assert not access_for(user).can_view_guidance_counts(project), user
