"""Plans through the services: the gap and the engine's proposal against a small ESCO graph, free editing,
and completions that add evidence and move the plan on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from polku.accounts.access import access_for
from polku.competences.models import ProfileSkill, SkillEvidence
from polku.competences.services import add_confirmed_skill
from polku.core.errors import AccessDenied, ApplicationError
from polku.learning import explain
from polku.learning.models import Milestone, Plan, PlanItem
from polku.learning.selectors import plan_counts
from polku.learning.services.completions import completion_record
from polku.learning.services.gap import BUSINESS_SKILLS
from polku.learning.services.plans import build_plan, item_add, item_move, item_remove, item_update, propose
from polku.learning.tests.factories import PlanFactory, graph, milestone, opportunity, speaks
from polku.participants.models import Participation
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def g(world):
    return graph()


def _build(world, g, **kwargs):
    person = world.part_a.person
    return build_plan(
        access=access_for(world.user_a),
        actor=world.user_a,
        person=person,
        goal_kind="occupation",
        target=g.worker,
        **kwargs,
    )


def test_gap_is_ranked_and_explained_through_the_hierarchy(world, g):
    add_confirmed_skill(person=world.part_a.person, skill=g.reach_truck, kind="manual")
    plan = _build(world, g)
    items = {i["uri"]: i for i in plan.gap["items"]}
    assert items[g.forklift.uri]["status"] == "covered"
    assert items[g.forklift.uri]["reason"] == "narrower-skill"
    assert items[g.warehouse.uri]["status"] == "missing"
    # Missing essential first, then the optional one, covered last.
    assert [i["uri"] for i in plan.gap["items"]] == [g.warehouse.uri, g.service.uri, g.forklift.uri]
    assert plan.gap["essential_total"] == 2 and plan.gap["essential_covered"] == 1
    rows = explain.gap_rows(plan.gap, "fi")
    assert rows[0].label == "varastotoiminnot"
    assert "varastotoiminnot" in rows[0].sentence
    assert "kuljettaa työntömastotrukkia" in rows[2].sentence


def test_recommendation_picks_least_effort_and_explains_exclusions(world, g):
    speaks(world.part_a.person, fi="A2", en="B1")
    cheap = opportunity(g.warehouse, g.service, hours=Decimal(30), code="warehouse-basics")
    opportunity(g.warehouse, hours=Decimal(60), code="warehouse-long")
    finnish_b2 = opportunity(g.forklift, hours=Decimal(5), languages={"fi": "B2"}, code="forklift-fi-b2")
    onsite = opportunity(
        g.forklift, hours=Decimal(8), mode="onsite", languages={"en": "A2"}, code="forklift-onsite"
    )
    blended = opportunity(
        g.forklift, hours=Decimal(16), mode="blended", languages={"en": "B1"}, code="forklift-blended"
    )
    plan = _build(world, g, preferred_mode="online")
    chosen = list(plan.items.values_list("opportunity__code", flat=True))
    assert sorted(chosen) == ["forklift-blended", "warehouse-basics"]
    by_code = {i.opportunity.code: i for i in plan.items.select_related("opportunity")}
    assert by_code["warehouse-basics"].reason == "covers-essential"
    assert set(by_code["warehouse-basics"].covers) == {g.warehouse.uri, g.service.uri}
    assert all(i.source == PlanItem.Source.ENGINE for i in by_code.values())
    excluded = {e["opportunity"]: e["reason"] for e in plan.gap["recommendation"]["excluded"]}
    assert excluded[finnish_b2.pk] == "language-level"
    assert excluded[onsite.pk] == "mode"
    sentences = dict((o.code, s) for o, s in explain.exclusions(plan.gap, "en"))
    assert "Finnish B2" in sentences["forklift-fi-b2"]
    assert "another way of studying" in sentences["forklift-onsite"]
    assert blended.pk not in excluded and cheap.pk not in excluded


def test_items_are_edited_freely_and_a_new_proposal_keeps_hand_made_ones(world, g):
    speaks(world.part_a.person, fi="B1")
    opportunity(g.warehouse, code="warehouse")
    access = access_for(world.coord_a)
    plan = _build(world, g)
    engine_item = plan.items.get()
    own = item_add(access=access, actor=world.coord_a, plan=plan, text="Job fair in Espoo")
    item_move(access=access, actor=world.coord_a, item=own, up=True)
    assert list(plan.items.order_by("order").values_list("text", flat=True)) == ["Job fair in Espoo", ""]
    item_update(access=access, actor=world.coord_a, item=engine_item, data={"status": "enrolled"})
    engine_item.refresh_from_db()
    assert engine_item.status == "enrolled" and engine_item.enrolled_on is not None
    propose(access=access, actor=world.coord_a, plan=plan)
    assert plan.items.count() == 2  # the enrolled item is not proposed twice; the hand-made one stays
    item_remove(access=access, actor=world.coord_a, item=own)
    assert plan.items.count() == 1


def test_completion_adds_evidence_closes_milestones_and_moves_the_plan_on(world, g):
    speaks(world.part_a.person, fi="B1")
    add_confirmed_skill(person=world.part_a.person, skill=g.forklift, kind="manual")
    course = opportunity(g.warehouse, code="warehouse")
    plan = _build(world, g)
    row = plan.items.get()
    stone = milestone(plan, item=row)
    other = milestone(plan, title="Apply for jobs")
    access = access_for(world.coord_a)
    completion, created = completion_record(
        access=access,
        actor=world.coord_a,
        person=world.part_a.person,
        opportunity=course,
        completed_on=dt.date(2026, 5, 4),
    )
    assert created
    skill = ProfileSkill.objects.get(person=world.part_a.person, skill=g.warehouse)
    assert skill.status == "confirmed"
    evidence = SkillEvidence.objects.get(profile_skill=skill)
    assert evidence.kind == "completion" and evidence.reference == f"learning.completion:{completion.pk}"
    row.refresh_from_db()
    stone.refresh_from_db()
    other.refresh_from_db()
    plan.refresh_from_db()
    assert row.status == "completed" and row.completed_on == dt.date(2026, 5, 4)
    assert stone.status == Milestone.Status.DONE and stone.done_at is not None
    assert other.status == Milestone.Status.OPEN
    assert plan.gap["essential_covered"] == 2
    assert plan.status == Plan.Status.DONE
    # Again: nothing changes.
    _again, created = completion_record(
        access=access,
        actor=world.coord_a,
        person=world.part_a.person,
        opportunity=course,
        completed_on=dt.date(2026, 5, 4),
    )
    assert not created and SkillEvidence.objects.filter(profile_skill=skill).count() == 1


def test_marking_an_item_completed_records_the_completion(world, g):
    course = opportunity(g.warehouse, code="warehouse")
    plan = _build(world, g)
    row = (
        item_add(access=access_for(world.user_a), actor=world.user_a, plan=plan, opportunity=course)
        if not plan.items.exists()
        else plan.items.get()
    )
    item_update(access=access_for(world.user_a), actor=world.user_a, item=row, data={"status": "completed"})
    assert ProfileSkill.objects.filter(
        person=world.part_a.person, skill=g.warehouse, status="confirmed"
    ).exists()


def test_other_partners_coordinator_cannot_build_or_edit(world, g):
    with pytest.raises(AccessDenied):
        build_plan(
            access=access_for(world.coord_b),
            actor=world.coord_b,
            person=world.part_a.person,
            goal_kind="occupation",
            target=g.worker,
        )


def test_goal_is_required(world, g):
    with pytest.raises(ApplicationError):
        build_plan(
            access=access_for(world.user_a),
            actor=world.user_a,
            person=world.part_a.person,
            goal_kind="occupation",
        )
    with pytest.raises(ApplicationError):
        build_plan(
            access=access_for(world.user_a),
            actor=world.user_a,
            person=world.part_a.person,
            goal_kind="business",
        )


@pytest.mark.usefixtures("esco_empty")  # only the concepts the test builds
def test_business_goal_uses_entrepreneurship_skills(world):
    from polku.esco.tests.factories import skill

    entrepreneurship = skill("entrepreneurship", uri=BUSINESS_SKILLS[0])
    course = opportunity(entrepreneurship, code="start-up", languages={})
    plan = build_plan(
        access=access_for(world.user_a),
        actor=world.user_a,
        person=world.part_a.person,
        goal_kind="business",
        business_goal="A café",
    )
    assert [i["uri"] for i in plan.gap["items"]] == [entrepreneurship.uri]
    assert list(plan.items.values_list("opportunity", flat=True)) == [course.pk]


def test_plan_counts_leave_out_plans_made_in_another_project(world):
    """A plan counts for the partner whose participation was open when it was made (issue 16)."""
    person = world.part_a.person  # entered project S29999 (partner A) on 2025-03-01
    other = f.PartnerFactory()  # a partner of another project
    f.ParticipationFactory(person=person, partner=other, entry_date=dt.date(2024, 1, 1))
    Participation.objects.filter(person=person, partner=other).update(exit_date=dt.date(2024, 12, 31))
    made_before = PlanFactory(person=person, business_goal="From the other project")
    made_while = PlanFactory(person=person, business_goal="In this project")
    Plan.objects.filter(pk=made_before.pk).update(created_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
    Plan.objects.filter(pk=made_while.pk).update(created_at=dt.datetime(2025, 4, 1, tzinfo=dt.UTC))
    rows = plan_counts(access=access_for(world.lead), project=world.project)
    assert {r["partner"]: r["plans"] for r in rows} == {world.a.pk: 1, world.b.pk: 0}
    admin = f.UserFactory(is_staff=True, is_superuser=True)
    theirs = plan_counts(access=access_for(admin), project=other.project)
    assert {r["partner"]: r["plans"] for r in theirs} == {other.pk: 1}
