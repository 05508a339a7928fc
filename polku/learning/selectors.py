"""Reads of the learning catalogue and of development plans, through the rules of `Access`.

The catalogue describes courses, not people: every signed-in user reads active opportunities, and those
who may edit one also see it when inactive. A plan is personal data: the person, their coordinators and
admins read it (staff reads are audited); everyone else gets 404. Project leads and evaluators see counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.lookups import IsNull
from django.http import Http404
from django.utils.translation import get_language

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.services import audit_staff_read
from polku.learning.explain import labels_for
from polku.learning.models import Completion, LearningOpportunity, Milestone, Plan, PlanItem
from polku.participants.models import Participation, Person
from polku.participants.selectors import can_view_person, reading_partner_id, visible_person
from polku.projects.models import Partner, Project

# --- catalogue ---------------------------------------------------------------------------------


def owner_choices(access: Access) -> list[tuple[str, str]]:
    """Owners the user may give an opportunity (`Access.can_manage_opportunities`): "platform",
    "project:<id>" or "partner:<id>", with a label."""
    choices: list[tuple[str, str]] = []
    if access.can_manage_opportunities(partner_id=None, project_id=None):
        choices.append(("platform", "platform"))
    for project in Project.objects.order_by("code"):
        if access.can_manage_opportunities(partner_id=None, project_id=project.pk):
            choices.append((f"project:{project.pk}", f"{project.code} {project.name}"))
    partners = Partner.objects.select_related("organisation", "project")
    for partner in partners.order_by("project__code", "organisation__name"):
        if access.can_manage_opportunities(partner_id=partner.pk, project_id=partner.project_id):
            choices.append((f"partner:{partner.pk}", f"{partner.project.code} {partner.organisation.name}"))
    return choices


def opportunity_list(
    *,
    access: Access,
    language: str = "",
    mode: str = "",
    skill: str = "",
    kind: str = "",
    include_inactive: bool = False,
) -> QuerySet[LearningOpportunity]:
    """Active opportunities (and, with `include_inactive`, inactive ones the user may edit), filtered.

    `language` keeps opportunities taught in it; `mode` those of that mode (blended ones fit both);
    `skill` those building a skill whose label (any language) contains the text, or with that ESCO URI.
    """
    rows = LearningOpportunity.objects.filter(is_active=True)
    if include_inactive:
        rows = LearningOpportunity.objects.filter(
            Q(is_active=True) | (Q(is_active=False) & access.managed_opportunities_filter())
        )
    if language:
        rows = rows.filter(languages__has_key=language)
    if mode:
        rows = rows.filter(mode__in={mode, "blended"})
    if kind:
        rows = rows.filter(kind=kind)
    if skill:
        text = " ".join(skill.lower().split())
        rows = rows.filter(
            Q(skills__labels__search_text__contains=text) | Q(skills__uri=skill.strip())
        ).distinct()
    return rows.select_related("partner__organisation", "project").prefetch_related("skills").order_by("code")


def opportunity_get(*, access: Access, pk: int, for_edit: bool = False) -> LearningOpportunity:
    opportunity = (
        LearningOpportunity.objects.select_related("partner__organisation", "partner__project", "project")
        .prefetch_related("skills")
        .filter(pk=pk)
        .first()
    )
    if opportunity is None or not access.can_view_catalogue():
        raise Http404
    editable = access.can_manage_opportunities(
        partner_id=opportunity.partner_id, project_id=opportunity.owner_project_id
    )
    if (for_edit or not opportunity.is_active) and not editable:
        raise Http404
    return opportunity


def skill_uris_of(opportunities: Iterable[LearningOpportunity]) -> dict[int, list[str]]:
    return {o.pk: sorted(s.uri for s in o.skills.all()) for o in opportunities}


# --- plans ----------------------------------------------------------------------------------------


def person_get(*, access: Access, pk: int) -> Person:
    """A person whose plans the user may see and edit; 404 otherwise, and for an anonymised person."""
    person = visible_person(access=access, person_id=pk)
    if person.anonymised_at is not None:
        raise Http404
    return person


def plan_list(*, access: Access, person_id: int | None = None) -> QuerySet[Plan]:
    """The plans the user may see (`Access.plan_filter`), of one person if `person_id` is given."""
    plans = Plan.objects.filter(access.plan_filter()).distinct()
    if person_id is not None:
        plans = plans.filter(person_id=person_id)
    return (
        plans.select_related("person", "target")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("-updated_at", "-id")
    )


def plan_get(*, access: Access, pk: int, actor: User | None = None, audit: bool = True) -> Plan:
    """One plan the user may see; a staff member's read is written to the audit log."""
    plan = Plan.objects.select_related("person", "target", "created_by").filter(pk=pk).first()
    if plan is None or not can_view_person(access, plan.person_id):
        raise Http404
    if audit and actor is not None and access.person_id != plan.person_id:
        audit_staff_read(
            actor=actor,
            obj=plan,
            person_id=plan.person_id,
            partner_id=reading_partner_id(access=access, person_id=plan.person_id),
            fields=["plan"],
        )
    return plan


def plan_detail(plan: Plan) -> dict:
    """Items, milestones and comments of a plan, fetched in a few queries."""
    return {
        "items": list(plan.items.select_related("opportunity").order_by("order", "id")),
        "milestones": list(plan.milestones.select_related("item__opportunity").order_by("due_on", "id")),
        "comments": list(plan.comments.select_related("author").order_by("created_at", "id")),
    }


def completions_of(person: Person) -> QuerySet[Completion]:
    return Completion.objects.filter(person=person).select_related("opportunity")


def open_on(day: OuterRef) -> Q:
    """Participations open on `day` (an outer query's date): entered on or before it, not exited before."""
    return Q(entry_date__lte=day) & (Q(exit_date__isnull=True) | Q(exit_date__gte=day))


def plans_of_participation() -> QuerySet[Plan]:
    """Plans of the participation in `OuterRef` made while it was open (entry date to exit date): a
    person's plans of their other projects are not this project's."""
    made = Q(created_at__date__lte=OuterRef("exit_date")) | Q(IsNull(OuterRef("exit_date"), True))
    return Plan.objects.filter(
        made, person_id=OuterRef("person_id"), created_at__date__gte=OuterRef("entry_date")
    ).order_by()


def plan_counts(*, access: Access, project: Project) -> list[dict]:
    """Per partner of the project: how many plans its people made while taking part, how many are active
    or done, and the completions recorded while they took part.

    Only counts: the project lead and evaluators never see what a plan holds. A plan or completion counts
    for the partner whose participation was open on its date, so a person's plans and courses of their
    other projects are not counted here.
    """
    if not access.can_view_counts(project.pk):
        raise Http404
    rows = []
    partners = (
        Partner.objects.filter(project=project).select_related("organisation").order_by("organisation__name")
    )
    for partner in partners:
        if not access.can_view_partner_counts(project.pk, partner.pk):
            continue
        people = Participation.objects.filter(partner=partner, person_id=OuterRef("person_id"))
        plans = Plan.objects.filter(Exists(people.filter(open_on(OuterRef("created_at__date")))))
        completions = Completion.objects.filter(Exists(people.filter(open_on(OuterRef("completed_on")))))
        rows.append(
            {
                "partner": partner.pk,
                "partner_name": partner.organisation.name,
                "plans": plans.count(),
                "active": plans.filter(status=Plan.Status.ACTIVE).count(),
                "done": plans.filter(status=Plan.Status.DONE).count(),
                "completions": completions.count(),
            }
        )
    return rows


def projects_with_counts(access: Access) -> list[Project]:
    """The projects whose plan counts the user may see (`Access.can_view_counts`)."""
    return [p for p in Project.objects.order_by("code") if access.can_view_counts(p.pk)]


# --- the plans section of the competence profile ---------------------------------------------------


@dataclass(frozen=True)
class PlanSummary:
    plan: Plan
    goal: str  # the target occupation's label, or the business goal
    done: int  # items completed
    total: int  # items not dropped
    next_milestone: Milestone | None  # the open milestone due first (undated ones last)


def plan_summaries(person: Person, language: str) -> list[PlanSummary]:
    """The person's plans in progress (draft or active), most recently changed first, in three queries
    plus one for the goal labels. No access check: see profile_section."""
    plans = list(
        Plan.objects.filter(person=person)
        .exclude(status=Plan.Status.DONE)
        .select_related("target")
        .annotate(
            done_count=Count("items", filter=Q(items__status=PlanItem.Status.COMPLETED), distinct=True),
            total_count=Count("items", filter=~Q(items__status=PlanItem.Status.DROPPED), distinct=True),
        )
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.filter(status=Milestone.Status.OPEN).order_by(
                    F("due_on").asc(nulls_last=True), "id"
                ),
                to_attr="open_milestones",
            )
        )
        .order_by("-updated_at", "-id")
    )
    labels = labels_for([p.target.uri for p in plans if p.target], language)
    return [
        PlanSummary(
            plan=p,
            goal=labels.get(p.target.uri, p.target.uri) if p.target else p.business_goal,
            done=p.done_count,
            total=p.total_count,
            next_milestone=next(iter(p.open_milestones), None),
        )
        for p in plans
    ]


def profile_section(person: Person, access: Access, request: Any) -> dict[str, Any] | None:
    """The development-plan section of the competence profile page and its print view
    (polku.competences.sections), or None when the reader may not see it or there is nothing to show.

    A staff member's read is audited (`plan`). The person with no plan in progress gets a link to make
    one; other readers get no empty section. The PDF (no request) leaves the section out.
    """
    if request is None or person.anonymised_at is not None or not can_view_person(access, person.pk):
        return None
    own = access.person_id == person.pk
    summaries = plan_summaries(person, (get_language() or "en")[:2])
    if not summaries and not own:
        return None
    if summaries:
        audit_staff_read(
            actor=request.user,
            obj=person,
            person_id=person.pk,
            partner_id=reading_partner_id(access=access, person_id=person.pk),
            fields=["plan"],
        )
    return {"plans": summaries, "own": own}
