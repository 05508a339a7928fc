"""The demo's ideas, listings and companies keep the rules the services apply."""

from __future__ import annotations

import pytest

from polku.demo.builder import build_demo
from polku.entrepreneurship import rules
from polku.entrepreneurship.models import BusinessIdea, Company, Introduction, Stage, TransferListing
from polku.organisations.business_ids import business_id_check
from polku.outcomes.models import Outcome
from polku.testing.asserts import present


@pytest.mark.django_db
def test_demo_has_ideas_at_every_stage_and_a_transfer():
    build_demo(participants=60)
    stages = set(BusinessIdea.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    for idea in BusinessIdea.objects.prefetch_related("stage_changes"):
        history = list(idea.stage_changes.all())
        assert history[-1].to_stage == idea.stage and history[0].to_stage == Stage.IDEA
        for change in history[1:]:
            assert change.from_stage == "" or change.to_stage in rules.allowed_moves(
                change.from_stage, paused_from=change.from_stage
            )
    for company in Company.objects.select_related("outcome"):
        assert business_id_check(company.business_id, country=company.country).value == company.business_id
        assert company.outcome is not None and company.outcome.business_id == company.business_id
    assert Company.objects.filter(how="founded").count() >= 2
    taken = Company.objects.get(how="taken_over")
    assert present(taken.outcome).kind == Outcome.Kind.BUSINESS_TAKEN_OVER
    assert TransferListing.objects.get(pk=present(taken.listing_id)).status == "completed"
    assert set(Introduction.objects.values_list("status", flat=True)) == {"proposed", "agreed", "completed"}
