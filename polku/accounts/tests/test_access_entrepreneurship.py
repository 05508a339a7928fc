"""The rules of entrepreneurship as methods of Access: ideas (team, coordinators, experts), the staff
pages, and business-transfer listings (the partner's coordinators and the project lead)."""

from __future__ import annotations

import pytest

from polku.accounts.access import ANONYMOUS, access_for
from polku.entrepreneurship.models import BusinessIdea, TransferListing
from polku.entrepreneurship.tests.factories import (
    BusinessIdeaFactory,
    SparringFactory,
    TransferListingFactory,
)
from polku.testing import factories as f


@pytest.mark.django_db
def test_idea_filter_reaches_team_coordinators_and_experts(world):
    mine = BusinessIdeaFactory(participation=world.part_a)
    theirs = BusinessIdeaFactory(participation=world.part_b)
    expert = f.UserFactory()
    SparringFactory(idea=theirs, expert=expert)
    co_founded = BusinessIdeaFactory(participation=world.part_b)
    co_founded.co_founders.add(world.part_a.person)

    def reached(user):
        return set(BusinessIdea.objects.filter(access_for(user).idea_filter()).distinct())

    assert reached(world.user_a) == {mine, co_founded}
    assert reached(world.coord_a) == {mine}
    assert reached(world.coord_b) == {theirs, co_founded}
    assert reached(expert) == {theirs}
    assert reached(world.admin) == {mine, theirs, co_founded}
    assert reached(world.lead) == reached(world.stranger) == set()
    assert not BusinessIdea.objects.filter(ANONYMOUS.idea_filter()).exists()


@pytest.mark.django_db
def test_who_runs_what(world):
    assert access_for(world.user_a).can_have_business_ideas()
    assert not access_for(world.coord_a).can_have_business_ideas()
    assert (
        access_for(world.coord_a).can_run_entrepreneurship()
        and access_for(world.admin).can_run_entrepreneurship()
    )
    assert not access_for(world.lead).can_run_entrepreneurship()
    mentor = f.UserFactory()
    f.membership(mentor, f.Role.MENTOR, partner=world.a)
    assert access_for(mentor).can_spar_ideas() and not access_for(world.coord_a).can_spar_ideas()
    assert access_for(world.coord_a).can_coach_idea(world.a.pk)
    assert not access_for(world.coord_a).can_coach_idea(world.b.pk)


@pytest.mark.django_db
def test_listings_for_their_partners_coordinators_and_the_lead(world):
    listing = TransferListingFactory(partner=world.a)
    project = world.project.pk
    for user in (world.coord_a, world.lead, world.admin):
        assert access_for(user).can_manage_listing(project, world.a.pk), user
        assert list(TransferListing.objects.filter(access_for(user).listing_filter())) == [listing]
    for user in (world.coord_b, world.evaluator, world.user_a, world.stranger):
        assert not access_for(user).can_manage_listing(project, world.a.pk), user
        assert not TransferListing.objects.filter(access_for(user).listing_filter()).exists()
