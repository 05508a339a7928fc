"""Factories of learning rows (tests only) and a small ESCO graph for plan tests."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import factory

from polku.esco.tests.factories import occupation, skill
from polku.learning.models import LearningOpportunity, Milestone, Plan, PlanItem
from polku.participants.models import LanguageSkill
from polku.testing.factories import ModelFactory


class OpportunityFactory(ModelFactory[LearningOpportunity]):
    class Meta:
        model = LearningOpportunity
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"course-{n}")
    kind = LearningOpportunity.Kind.COURSE
    provider = "Omnia"
    title_fi = factory.Sequence(lambda n: f"Kurssi {n}")
    title_en = factory.Sequence(lambda n: f"Course {n}")
    languages = factory.LazyFunction(lambda: {"fi": "A2"})
    mode = "online"
    hours = Decimal(20)
    cost = Decimal(0)
    self_paced = True

    @factory.post_generation
    def skills(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.skills.set(extracted)


def opportunity(*skills: Any, **fields: Any) -> LearningOpportunity:
    return OpportunityFactory(skills=list(skills), **fields)


class PlanFactory(ModelFactory[Plan]):
    class Meta:
        model = Plan

    goal_kind = Plan.GoalKind.BUSINESS
    business_goal = "A cleaning company"


def speaks(person: Any, **levels: str) -> None:
    for language, level in levels.items():
        LanguageSkill.objects.update_or_create(person=person, language=language, defaults={"level": level})


def graph() -> SimpleNamespace:
    """A warehouse worker needs forklift driving and warehouse operations (essential) and customer
    service (optional); "drive vehicles" is broader than forklift driving."""
    vehicles = skill("drive vehicles", fi="ajaa ajoneuvoja")
    forklift = skill("operate forklift", fi="kuljettaa trukkia", broader=vehicles)
    reach_truck = skill("operate reach truck", fi="kuljettaa työntömastotrukkia", broader=forklift)
    warehouse = skill("warehouse operations", fi="varastotoiminnot")
    service = skill("customer service", fi="asiakaspalvelu")
    python = skill("Python (computer programming)")
    worker = occupation(
        "warehouse worker", fi="varastotyöntekijä", essential=(forklift, warehouse), optional=(service,)
    )
    return SimpleNamespace(
        vehicles=vehicles,
        forklift=forklift,
        reach_truck=reach_truck,
        warehouse=warehouse,
        service=service,
        python=python,
        worker=worker,
    )


def item(plan: Plan, opp: LearningOpportunity | None = None, **fields: Any) -> PlanItem:
    return PlanItem.objects.create(
        plan=plan, opportunity=opp, text="" if opp else "Visit a job fair", **fields
    )


def milestone(plan: Plan, **fields: Any) -> Milestone:
    return Milestone.objects.create(plan=plan, title=fields.pop("title", "Forklift card"), **fields)
