"""Entrepreneurship in the person's data: export, anonymisation (free text emptied, counted facts kept) and
erasure; transfer listings are not a participant's data and stay."""

from __future__ import annotations

import datetime as dt

import pytest

from polku.entrepreneurship import privacy
from polku.entrepreneurship.models import (
    BusinessIdea,
    Company,
    Interview,
    SparringSession,
    StageChange,
    TransferListing,
)
from polku.entrepreneurship.tests.factories import (
    BusinessIdeaFactory,
    InterviewFactory,
    IntroductionFactory,
    SparringSessionFactory,
)

pytestmark = pytest.mark.django_db


def _company(idea):
    return Company.objects.create(
        participation=idea.participation,
        how="founded",
        name="Meal Kits Oy",
        country="FI",
        business_id="0201256-6",
        company_form="limited",
        registered_on=dt.date(2025, 5, 1),
        idea=idea,
    )


def _fill(world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    StageChange.objects.create(idea=idea, to_stage="idea", changed_on=dt.date(2025, 3, 1), note="Started")
    InterviewFactory(idea=idea)
    SparringSessionFactory(sparring__idea=idea, notes="Private talk")
    IntroductionFactory(listing__partner=world.a, successor__participation=world.part_a)
    _company(idea)
    return idea


def test_export_holds_ideas_evidence_sparring_transfers_and_companies(world):
    _fill(world)
    BusinessIdeaFactory(participation=world.part_b, title="Someone else's")
    sections = privacy.export(world.part_a.person)
    assert [r["title"] for r in sections["entrepreneurship.ideas"]["records"]] == ["Halal meal kits"]
    assert sections["entrepreneurship.sparring"]["records"][0]["notes"] == "Private talk"
    assert sections["entrepreneurship.interviews"]["records"][0]["learnt"] == "Would pay 60 euros a week."
    assert (
        sections["entrepreneurship.introductions"]["records"][0]["company"]
        == "A lunch café in a shopping centre"
    )
    assert sections["entrepreneurship.companies"]["records"][0]["business_id"] == "0201256-6"


def test_anonymise_keeps_counted_facts(world):
    idea = _fill(world)
    assert privacy.anonymise(world.part_a.person) > 0
    idea.refresh_from_db()
    assert (idea.title, idea.problem, idea.stage, idea.industry) == ("–", "", "idea", "56")
    assert Interview.objects.get().learnt == "" and SparringSession.objects.get().notes == ""
    company = Company.objects.get()
    assert (company.name, company.business_id, company.how) == ("", "", "founded")
    assert privacy.anonymise(world.part_a.person) == 0


def test_erase_removes_the_persons_rows_and_keeps_listings(world):
    _fill(world)
    other = BusinessIdeaFactory(participation=world.part_b)
    other.co_founders.add(world.part_a.person)
    result = privacy.erase(world.part_a.person)
    assert list(BusinessIdea.objects.all()) == [other] and not other.co_founders.exists()
    assert not Company.objects.exists() and TransferListing.objects.count() == 1
    assert len(result.erased) == 4
