"""Services of ideas, sparring, transfers and companies against the real database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.core.errors import ApplicationError
from polku.entrepreneurship import prh
from polku.entrepreneurship.models import (
    Company,
    Experiment,
    Introduction,
    Stage,
    StageChange,
    TransferListing,
)
from polku.entrepreneurship.services import companies, ideas, sparring, transfers
from polku.entrepreneurship.tests.factories import (
    BusinessIdeaFactory,
    InterviewFactory,
    IntroductionFactory,
    SparringFactory,
    SuccessorProfileFactory,
    TransferListingFactory,
)
from polku.outcomes.models import Outcome
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def _as(user):
    return access_for(user)


def test_participant_writes_an_idea_and_history_starts(world):
    idea = ideas.idea_create(
        actor=world.user_a,
        access=_as(world.user_a),
        participation=world.part_a,
        data={"title": " Meal kits "},
    )
    assert idea.title == "Meal kits" and idea.stage == Stage.IDEA
    assert list(idea.stage_changes.values_list("from_stage", "to_stage")) == [("", "idea")]
    assert AuditEvent.objects.filter(object_type="entrepreneurship.businessidea", action="create").exists()


def test_idea_needs_a_name_and_an_industry_from_the_list(world):
    with pytest.raises(ApplicationError) as error:
        ideas.idea_create(
            actor=world.user_a,
            access=_as(world.user_a),
            participation=world.part_a,
            data={"title": "", "industry": "I"},
        )
    assert set(error.value.field_errors) == {"title", "industry"}


def test_others_cannot_write_someone_elses_idea(world):
    with pytest.raises(PermissionDenied):
        ideas.idea_create(
            actor=world.user_b, access=_as(world.user_b), participation=world.part_a, data={"title": "x"}
        )
    idea = BusinessIdeaFactory(participation=world.part_a)
    with pytest.raises(PermissionDenied):
        ideas.idea_update(actor=world.coord_b, access=_as(world.coord_b), idea=idea, data={"pitch": "x"})


def test_stage_jump_is_refused_naming_the_rule(world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    with pytest.raises(ApplicationError) as error:
        ideas.stage_move(actor=world.user_a, access=_as(world.user_a), idea=idea, to_stage=Stage.STARTED)
    assert "one stage at a time" in error.value.message and "“Validating”" in error.value.message
    assert error.value.field_errors["stage"]


def test_validating_needs_the_canvas_and_ready_needs_evidence(world):
    idea = BusinessIdeaFactory(participation=world.part_a, problem="")
    access = _as(world.user_a)
    with pytest.raises(ApplicationError, match="problem, the customer segments"):
        ideas.stage_move(actor=world.user_a, access=access, idea=idea, to_stage=Stage.VALIDATING)
    ideas.idea_update(actor=world.user_a, access=access, idea=idea, data={"problem": "No halal meals"})
    ideas.stage_move(
        actor=world.user_a, access=access, idea=idea, to_stage=Stage.VALIDATING, note="Canvas done"
    )
    InterviewFactory.create_batch(2, idea=idea)
    with pytest.raises(ApplicationError, match="at least 3 customer interviews"):
        ideas.stage_move(actor=world.user_a, access=access, idea=idea, to_stage=Stage.READY)
    InterviewFactory(idea=idea)
    ideas.experiment_add(
        actor=world.user_a,
        access=access,
        idea=idea,
        data={"assumption": "People pay 60 €", "result": "confirmed", "done_on": dt.date(2025, 4, 1)},
    )
    moved = ideas.stage_move(actor=world.user_a, access=access, idea=idea, to_stage=Stage.READY)
    assert moved.stage == Stage.READY
    history = list(StageChange.objects.filter(idea=idea).values_list("from_stage", "to_stage", "note"))
    assert history[-2:] == [("idea", "validating", "Canvas done"), ("validating", "ready_to_start", "")]


def test_evidence_rules_name_their_fields(world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    access = _as(world.user_a)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ApplicationError) as error:
        ideas.interview_add(actor=world.user_a, access=access, idea=idea, data={"held_on": tomorrow})
    assert set(error.value.field_errors) == {"interviewee", "held_on", "learnt"}
    with pytest.raises(ApplicationError) as error:
        ideas.experiment_add(
            actor=world.user_a, access=access, idea=idea, data={"assumption": "x", "result": "refuted"}
        )
    assert set(error.value.field_errors) == {"done_on"}
    assert not Experiment.objects.exists()


def test_comments_from_coordinators_and_experts_only(world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    with pytest.raises(PermissionDenied):
        ideas.comment_add(actor=world.user_a, access=_as(world.user_a), idea=idea, body="Nice")
    expert = f.UserFactory()
    SparringFactory(idea=idea, expert=expert)
    ideas.comment_add(actor=expert, access=_as(expert), idea=idea, body="Test the price")
    ideas.comment_add(actor=world.coord_a, access=_as(world.coord_a), idea=idea, body="Good start")
    assert idea.comments.count() == 2


def test_sparring_attach_sessions_and_readiness(world):
    idea = BusinessIdeaFactory(participation=world.part_a)
    expert = f.UserFactory(full_name="Eva Expert")
    f.membership(expert, f.Role.MENTOR, partner=world.a)
    outsider = f.UserFactory()
    with pytest.raises(ApplicationError) as error:
        sparring.sparring_attach(
            actor=world.coord_a, access=_as(world.coord_a), idea=idea, expert=outsider, sessions_agreed=0
        )
    assert set(error.value.field_errors) == {"expert", "sessions_agreed"}
    row = sparring.sparring_attach(
        actor=world.coord_a, access=_as(world.coord_a), idea=idea, expert=expert, sessions_agreed=1
    )
    with pytest.raises(ApplicationError) as error:
        sparring.sparring_attach(
            actor=world.coord_a, access=_as(world.coord_a), idea=idea, expert=expert, sessions_agreed=1
        )
    assert error.value.field_errors == {"expert": ["This expert already spars the idea."]}
    with pytest.raises(PermissionDenied):
        sparring.session_add(actor=world.coord_a, access=_as(world.coord_a), sparring=row, data={})
    data = {"held_on": dt.date(2025, 4, 1), "duration_minutes": 45, "notes": "Private talk"}
    sparring.session_add(actor=expert, access=_as(expert), sparring=row, data=data)
    with pytest.raises(ApplicationError, match="All 1 agreed sessions"):
        sparring.session_add(actor=expert, access=_as(expert), sparring=row, data=data)
    sparring.readiness_give(
        actor=expert, access=_as(expert), sparring=row, readiness="almost", note="Test pricing"
    )
    row.refresh_from_db()
    assert (row.readiness, row.sessions.count()) == ("almost", 1)


def test_listing_requires_industry_and_region(world):
    data = {
        "headline": "A café",
        "industry": "",
        "country": "FI",
        "region": "",
        "staff_band": "1-9",
        "turnover_band": "lt200k",
        "capital_band": 1,
        "company_name": "Kahvila Oy",
    }
    with pytest.raises(ApplicationError) as error:
        transfers.listing_create(actor=world.coord_a, access=_as(world.coord_a), partner=world.a, data=data)
    assert set(error.value.field_errors) == {"industry", "region"}
    abroad = data | {"industry": "56", "country": "SE"}
    with pytest.raises(ApplicationError) as error:
        transfers.listing_create(actor=world.coord_a, access=_as(world.coord_a), partner=world.a, data=abroad)
    assert set(error.value.field_errors) == {"region_text"}
    listing = transfers.listing_create(
        actor=world.coord_a,
        access=_as(world.coord_a),
        partner=world.a,
        data=abroad | {"region_text": "Skåne"},
    )
    assert listing.region_text == "Skåne"
    with pytest.raises(PermissionDenied):
        transfers.listing_create(actor=world.coord_b, access=_as(world.coord_b), partner=world.a, data=abroad)


def test_introduction_exchanges_names_only_after_both_agree(world):
    listing = TransferListingFactory(partner=world.a)
    profile = SuccessorProfileFactory(participation=world.part_a)
    intro = transfers.introduction_propose(
        actor=world.coord_a, access=_as(world.coord_a), listing=listing, successor=profile, reasons=["x"]
    )
    with pytest.raises(ApplicationError, match="already been proposed"):
        transfers.introduction_propose(
            actor=world.coord_a, access=_as(world.coord_a), listing=listing, successor=profile
        )
    with pytest.raises(PermissionDenied):
        transfers.introduction_participant_answer(
            actor=world.coord_a, access=_as(world.coord_a), introduction=intro, agree=True
        )
    intro = transfers.introduction_owner_answer(
        actor=world.coord_a, access=_as(world.coord_a), introduction=intro, agree=True
    )
    assert intro.names_exchanged_at is None and intro.status == Introduction.Status.PROPOSED
    intro = transfers.introduction_participant_answer(
        actor=world.user_a, access=_as(world.user_a), introduction=intro, agree=True
    )
    assert intro.names_exchanged_at is not None and intro.status == Introduction.Status.AGREED
    steps = AuditEvent.objects.filter(object_type="entrepreneurship.introduction").values_list(
        "fields", flat=True
    )
    assert ["listing", "successor"] in list(steps)
    assert any("names_exchanged_at" in fields for fields in steps)


def test_a_declined_introduction_stays_closed(world):
    intro = IntroductionFactory(listing__partner=world.a, successor__participation=world.part_a)
    transfers.introduction_participant_answer(
        actor=world.user_a, access=_as(world.user_a), introduction=intro, agree=False
    )
    with pytest.raises(ApplicationError, match="already been answered"):
        transfers.introduction_owner_answer(
            actor=world.coord_a, access=_as(world.coord_a), introduction=intro, agree=True
        )


def test_company_founded_checks_the_business_id_naming_the_check_digit(world):
    idea = BusinessIdeaFactory(participation=world.part_a, stage=Stage.READY)
    data = {
        "name": "Meal Kits Oy",
        "country": "FI",
        "business_id": "0201256-7",
        "company_form": "limited",
        "registered_on": dt.date(2025, 5, 1),
    }
    with pytest.raises(ApplicationError) as error:
        companies.company_founded(actor=world.coord_a, access=_as(world.coord_a), idea=idea, data=data)
    assert "ends in 6" in error.value.field_errors["business_id"][0]
    company = companies.company_founded(
        actor=world.coord_a, access=_as(world.coord_a), idea=idea, data=data | {"business_id": "02012566"}
    )
    assert (
        company.business_id == "0201256-6" and present(company.outcome).kind == Outcome.Kind.COMPANY_FOUNDED
    )
    idea.refresh_from_db()
    assert idea.stage == Stage.STARTED and present(idea.stage_changes.last()).from_stage == Stage.READY


@pytest.mark.parametrize(
    ("country", "value", "digit"),
    [("SE", "556036-0794", "3"), ("NO", "988077918", "7")],
)
def test_swedish_and_norwegian_numbers_name_their_check_digit(world, country, value, digit):
    idea = BusinessIdeaFactory(participation=world.part_a)
    data = {
        "country": country,
        "business_id": value,
        "company_form": "limited",
        "registered_on": dt.date(2025, 5, 1),
    }
    with pytest.raises(ApplicationError) as error:
        companies.company_founded(actor=world.coord_a, access=_as(world.coord_a), idea=idea, data=data)
    assert f"ends in {digit}" in error.value.field_errors["business_id"][0]


def test_transfer_completes_listing_introduction_and_outcome(world):
    intro = IntroductionFactory(listing__partner=world.a, successor__participation=world.part_a)
    data = {
        "country": "FI",
        "business_id": "0201256-6",
        "company_form": "limited",
        "registered_on": dt.date(2025, 6, 1),
    }
    with pytest.raises(ApplicationError, match="after both sides agreed"):
        companies.company_taken_over(
            actor=world.coord_a, access=_as(world.coord_a), introduction=intro, data=data
        )
    now = timezone.now()
    Introduction.objects.filter(pk=intro.pk).update(
        participant_agreed_at=now, owner_agreed_at=now, names_exchanged_at=now, status="agreed"
    )
    intro.refresh_from_db()
    company = companies.company_taken_over(
        actor=world.coord_a, access=_as(world.coord_a), introduction=intro, data=data
    )
    assert company.name == "Kahvila Aurinko Oy" and company.how == Company.How.TAKEN_OVER
    assert present(company.outcome).kind == Outcome.Kind.BUSINESS_TAKEN_OVER
    assert TransferListing.objects.get().status == "completed"
    assert Introduction.objects.get().status == "completed"


def test_prh_check_uses_the_recorded_response(world, settings, monkeypatch):
    settings.POLKU_PRH_CHECK = True
    recorded = json.loads((FIXTURES / "prh_0201256-6.json").read_text(encoding="utf-8"))
    calls = []

    def fake_fetch(url, timeout):
        calls.append((url, timeout))
        return recorded if "0201256-6" in url else {"totalResults": 0, "companies": []}

    monkeypatch.setattr(prh, "fetch", fake_fetch)
    idea = BusinessIdeaFactory(participation=world.part_a)
    data = {
        "country": "FI",
        "business_id": "0201256-6",
        "company_form": "limited",
        "registered_on": dt.date(2025, 5, 1),
    }
    company = companies.company_founded(actor=world.coord_a, access=_as(world.coord_a), idea=idea, data=data)
    assert company.register_name == "Nokia Oyj" and company.register_checked_at is not None
    assert calls[0][1] == settings.POLKU_HTTP_TIMEOUT and "businessId=0201256-6" in calls[0][0]
    other = BusinessIdeaFactory(participation=world.part_a)
    with pytest.raises(ApplicationError) as error:
        companies.company_founded(
            actor=world.coord_a,
            access=_as(world.coord_a),
            idea=other,
            data=data | {"business_id": "0101263-6"},
        )
    assert "register has no company" in error.value.field_errors["business_id"][0]


def test_prh_off_or_unreachable_records_unchecked(world, settings, monkeypatch):
    def no_network(url, timeout):
        raise OSError("timed out")

    monkeypatch.setattr(prh, "fetch", no_network)
    assert prh.lookup("0201256-6") is None  # off by default
    settings.POLKU_PRH_CHECK = True
    assert prh.lookup("0201256-6") is None  # no answer: unchecked, not refused


def test_co_founders_join_the_team(world):
    from rest_framework.test import APIClient

    idea = BusinessIdeaFactory(participation=world.part_a)
    friend = f.ParticipationFactory(partner=world.a, person__user=f.UserFactory())
    client = APIClient()
    client.force_authenticate(world.coord_a)
    url = f"/api/v1/business-ideas/{idea.pk}/co-founders/"
    assert client.put(url, {"participants": [world.part_b.pk]}, format="json").status_code == 400
    response = client.put(url, {"participants": [friend.pk]}, format="json")
    assert response.status_code == 200 and response.json()["co_founder_names"] == [friend.person.full_name]
    # the co-founder now edits the idea as its team does
    member = present(friend.person.user)
    ideas.idea_update(actor=member, access=access_for(member), idea=idea, data={"pitch": "Together"})
