"""The outcome selectors that take a participation check it against the reader's access themselves."""

import pytest
from django.http import Http404

from polku.accounts.access import access_for
from polku.outcomes.selectors import exit_record_get, follow_up_get, outcome_list
from polku.outcomes.tests.factories import ExitRecordFactory, FollowUpFactory, OutcomeFactory


@pytest.mark.django_db
@pytest.mark.parametrize("selector", [exit_record_get, follow_up_get, outcome_list])
def test_another_partners_participation_is_not_found(world, selector):
    # Partner b's participation has every kind of record, so only the access check can answer 404.
    ExitRecordFactory(participation=world.part_b)
    FollowUpFactory(participation=world.part_b)
    OutcomeFactory(participation=world.part_b)
    access = access_for(world.coord_a)
    with pytest.raises(Http404):
        selector(access=access, actor=world.coord_a, participation=world.part_b)


@pytest.mark.django_db
def test_own_partners_participation_is_read(world):
    access = access_for(world.coord_a)
    assert list(outcome_list(access=access, actor=world.coord_a, participation=world.part_a)) == []
