"""The rules of learning and knowledge in `Access`: who reads and manages the catalogue, who sees which
development plans, who writes and edits knowledge pages, who keeps evaluation notes. Each filter method
must select exactly the rows its boolean method allows."""

from __future__ import annotations

import pytest

from polku.accounts.access import ANONYMOUS, access_for
from polku.knowledge.models import GoodPractice, Status
from polku.knowledge.tests.factories import GoodPracticeFactory
from polku.learning.models import LearningOpportunity, Plan
from polku.learning.tests.factories import PlanFactory, opportunity
from polku.testing import factories as f

STAFF = ("coord_a", "coord_b", "lead", "evaluator", "admin")
EVERYONE = (*STAFF, "user_a", "user_b", "stranger")


def _access(world, name):
    return access_for(getattr(world, name))


def _allowed(world, method, *args, **kwargs) -> set[str]:
    return {name for name in EVERYONE if getattr(_access(world, name), method)(*args, **kwargs)}


# --- learning catalogue ---------------------------------------------------------------------------


def test_every_signed_in_user_reads_the_catalogue(world):
    assert _allowed(world, "can_view_catalogue") == set(EVERYONE)
    assert not ANONYMOUS.can_view_catalogue()


def test_coordinators_leads_and_admins_add_opportunities(world):
    assert _allowed(world, "can_add_opportunities") == {"coord_a", "coord_b", "lead", "admin"}
    assert not ANONYMOUS.can_add_opportunities()


def test_who_manages_an_owners_opportunities(world):
    project, a = world.project, world.a
    other = f.PartnerFactory()

    def allowed(partner_id, project_id):
        return _allowed(world, "can_manage_opportunities", partner_id=partner_id, project_id=project_id)

    assert allowed(a.pk, project.pk) == {"coord_a", "lead", "admin"}
    assert allowed(world.b.pk, project.pk) == {"coord_b", "lead", "admin"}
    assert allowed(None, project.pk) == {"lead", "admin"}
    assert allowed(other.pk, other.project_id) == {"admin"}
    assert allowed(None, other.project_id) == {"admin"}
    assert allowed(None, None) == {"admin"}
    assert not ANONYMOUS.can_manage_opportunities(partner_id=a.pk, project_id=project.pk)


def test_managed_opportunities_filter_selects_what_the_rule_allows(world):
    other = f.PartnerFactory()
    opportunity(partner=world.a, project=world.project)
    opportunity(partner=world.b, project=world.project)
    opportunity(partner=world.a)  # an owner's project may be left out: the partner's project counts
    opportunity(project=world.project)
    opportunity(partner=other, project=other.project)
    opportunity(project=other.project)
    opportunity()  # the whole platform
    rows = list(LearningOpportunity.objects.select_related("partner"))
    for name in EVERYONE:
        access = _access(world, name)
        expected = {
            o.pk
            for o in rows
            if access.can_manage_opportunities(partner_id=o.partner_id, project_id=o.owner_project_id)
        }
        filtered = set(
            LearningOpportunity.objects.filter(access.managed_opportunities_filter()).values_list(
                "pk", flat=True
            )
        )
        assert filtered == expected, name


# --- development plans ----------------------------------------------------------------------------


def test_the_plans_page_is_for_participants_their_coordinators_leads_and_evaluators(world):
    assert _allowed(world, "can_view_plan_list") == set(EVERYONE) - {"stranger"}
    assert not ANONYMOUS.can_view_plan_list()


def test_a_participant_who_coordinates_nobody_sees_only_own_plans(world):
    assert _allowed(world, "sees_only_own_plans") == {"user_a", "user_b"}
    coordinating = f.UserFactory()
    f.ParticipationFactory(partner=world.a, person__user=coordinating, person__email=coordinating.email)
    f.membership(coordinating, f.Role.COORDINATOR, partner=world.b)
    assert not access_for(coordinating).sees_only_own_plans()


def test_participants_create_their_own_plans(world):
    assert _allowed(world, "can_create_own_plan") == {"user_a", "user_b"}
    assert not ANONYMOUS.can_create_own_plan()


def test_plan_filter_selects_the_plans_of_people_the_user_may_see(world):
    plan_a = PlanFactory(person=world.part_a.person)
    plan_b = PlanFactory(person=world.part_b.person)
    outsider = PlanFactory(person=f.ParticipationFactory().person)

    def visible(access):
        return set(Plan.objects.filter(access.plan_filter()).distinct())

    assert visible(access_for(world.coord_a)) == {plan_a}
    assert visible(access_for(world.coord_b)) == {plan_b}
    assert visible(access_for(world.user_a)) == {plan_a}
    assert visible(access_for(world.admin)) == {plan_a, plan_b, outsider}
    for name in ("lead", "evaluator", "stranger"):
        assert visible(_access(world, name)) == set(), name
    assert visible(ANONYMOUS) == set()
    for name in EVERYONE:
        access = _access(world, name)
        for plan in (plan_a, plan_b, outsider):
            partner_ids = set(plan.person.participations.values_list("partner_id", flat=True))
            assert (plan in visible(access)) == access.can_view_person(plan.person_id, partner_ids), name


# --- knowledge ------------------------------------------------------------------------------------


def test_leads_and_coordinators_author_knowledge_of_their_projects(world):
    other = f.ProjectFactory()
    assert _allowed(world, "can_author_knowledge", world.project.pk) == {
        "coord_a",
        "coord_b",
        "lead",
        "admin",
    }
    assert _allowed(world, "can_author_knowledge", other.pk) == {"admin"}
    assert _allowed(world, "can_author_knowledge", None) == {"coord_a", "coord_b", "lead", "admin"}
    assert not ANONYMOUS.can_author_knowledge(None)


def test_knowledge_is_edited_in_own_projects_and_by_its_author(world):
    other = f.ProjectFactory()
    project = world.project.pk

    def allowed(project_id, author):
        author_id = getattr(world, author).pk if author else None
        return _allowed(world, "can_edit_knowledge", project_id=project_id, author_id=author_id)

    assert allowed(project, None) == {"coord_a", "coord_b", "lead", "admin"}
    assert allowed(None, "coord_a") == {"coord_a", "admin"}
    assert allowed(other.pk, "lead") == {"lead", "admin"}
    assert allowed(None, "user_a") == {"admin"}  # authoring needs a staff role, even of one's own text
    assert allowed(None, None) == {"admin"}


def test_knowledge_edit_filter_selects_what_the_rule_allows(world):
    other = f.ProjectFactory()
    GoodPracticeFactory(project=world.project, author=world.stranger)
    GoodPracticeFactory(project=None, author=world.coord_a, status=Status.DRAFT)
    GoodPracticeFactory(project=None, author=world.coord_b)
    GoodPracticeFactory(project=other, author=world.lead)
    GoodPracticeFactory(project=other, author=None)
    rows = list(GoodPractice.objects.all())
    for name in EVERYONE:
        access = _access(world, name)
        expected = {
            p.pk for p in rows if access.can_edit_knowledge(project_id=p.project_id, author_id=p.author_id)
        }
        filtered = set(
            GoodPractice.objects.filter(access.knowledge_edit_filter()).values_list("pk", flat=True)
        )
        assert filtered == expected, name
    assert not GoodPractice.objects.filter(ANONYMOUS.knowledge_edit_filter()).exists()


def test_evaluation_notes_are_for_the_projects_staff(world):
    project = world.project.pk
    assert _allowed(world, "can_use_evaluation_notes", project) == set(STAFF)
    assert _allowed(world, "can_use_evaluation_notes", f.ProjectFactory().pk) == {"admin"}
    assert _allowed(world, "can_use_partner_evaluation_notes", project, world.a.pk) == {
        "coord_a",
        "lead",
        "evaluator",
        "admin",
    }
    assert _allowed(world, "can_use_any_evaluation_notes") == set(STAFF)
    assert not ANONYMOUS.can_use_any_evaluation_notes()


@pytest.mark.parametrize("role", [f.Role.MENTOR, f.Role.EMPLOYER])
def test_other_members_keep_no_evaluation_notes(world, role):
    member = f.UserFactory()
    f.membership(member, role, project=world.project)
    access = access_for(member)
    assert not access.can_use_evaluation_notes(world.project.pk)
    assert not access.can_use_any_evaluation_notes()
    assert not access.can_author_knowledge(None)
