"""The learning privacy handlers: export, anonymisation and erasure against the real database."""

import datetime as dt
import json

import pytest

from polku.accounts.access import access_for
from polku.learning.models import Comment, Completion, Milestone, Plan, PlanItem
from polku.learning.services.completions import completion_record
from polku.learning.tests.factories import PlanFactory, item, milestone, opportunity
from polku.privacy.selectors import person_export
from polku.privacy.services import person_anonymise

pytestmark = pytest.mark.django_db


def _data(world, participation, text):
    plan = PlanFactory(person=participation.person, business_goal=f"{text} bakery")
    item(plan).__class__.objects.filter(plan=plan).update(text=f"{text} job fair")
    milestone(plan, title=f"{text} milestone")
    Comment.objects.create(plan=plan, author=world.coord_a, text=f"{text} comment")
    completion_record(
        access=access_for(world.admin),
        actor=world.admin,
        person=participation.person,
        opportunity=opportunity(),
        completed_on=dt.date(2026, 1, 1),
        note=f"{text} certificate",
    )
    return plan


def test_export_has_the_persons_plans_and_only_theirs(world):
    _data(world, world.part_a, "Amina")
    _data(world, world.part_b, "Bogdan")
    sections = person_export(person=world.part_a.person)["sections"]
    text = json.dumps({k: v for k, v in sections.items() if k.startswith("learning.")})
    assert "Bogdan" not in text
    assert sections["learning.plans"]["records"][0]["business_goal"] == "Amina bakery"
    for name in ("learning.items", "learning.milestones", "learning.comments", "learning.completions"):
        assert "Amina" in json.dumps(sections[name])


def test_anonymise_empties_free_text_and_keeps_rows(world):
    _data(world, world.part_a, "Amina")
    other = _data(world, world.part_b, "Bogdan")
    counts = [m.objects.count() for m in (Plan, PlanItem, Milestone, Comment, Completion)]
    person_anonymise(person=world.part_a.person)
    assert [m.objects.count() for m in (Plan, PlanItem, Milestone, Comment, Completion)] == counts
    mine = Plan.objects.get(person=world.part_a.person)
    assert mine.business_goal == "" and "Amina" not in json.dumps(
        list(Comment.objects.filter(plan=mine).values("text"))
    )
    assert not Completion.objects.filter(person=world.part_a.person).exclude(note="").exists()
    assert Plan.objects.get(pk=other.pk).business_goal == "Bogdan bakery"


def test_erase_removes_plans_and_keeps_completions(world):
    from polku.learning import privacy

    _data(world, world.part_a, "Amina")
    result = privacy.erase(world.part_a.person)
    assert not Plan.objects.filter(person=world.part_a.person).exists()
    assert Completion.objects.filter(person=world.part_a.person).exists()
    assert result.erased and result.kept
