"""The planning engine (`polku.planning`) fed from the database: the skills a plan's goal needs, what the
person has, the opportunities open to them; the gap analysis and least-effort recommendation that come
back, in the plain form stored on the plan; and `refresh_gap`, which moves a plan on as the profile grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils import timezone

from polku import planning
from polku.competences.selectors import confirmed_skill_uris
from polku.esco import selectors as esco_selectors
from polku.esco.models import Concept, OccupationSkill
from polku.learning.models import LearningOpportunity, Plan, PlanItem
from polku.participants.models import LanguageSkill, Participation, Person

# A business goal has no ESCO occupation; its target is this set of entrepreneurship skills (ESCO v1.1.1),
# all counted as essential. Skills missing from the loaded ESCO data are left out.
BUSINESS_SKILLS = (
    "http://data.europa.eu/esco/skill/658605f2-1c95-49f0-bd98-0af7b15ad0b0",  # entrepreneurship
    "http://data.europa.eu/esco/skill/bdcf429c-5ccf-4c3d-bb61-4c987573a35e",  # show entrepreneurial spirit
    "http://data.europa.eu/esco/skill/ead58f22-0af5-467c-ac1e-b750e4e1ac6a",  # develop business plans
    "http://data.europa.eu/esco/skill/21c5790c-0930-4d74-b3b0-84caf5af12ea",  # manage budgets
    "http://data.europa.eu/esco/skill/08fd2839-670c-4f16-8024-97437f2035ab",  # plan marketing strategy
    "http://data.europa.eu/esco/skill/d669af41-756c-48d9-a286-1443253f54b1",  # tax legislation
)


def learner_languages(person: Person) -> dict[str, str]:
    return dict(LanguageSkill.objects.filter(person=person).values_list("language", "level"))


def target_skills(plan: Plan) -> list[planning.TargetSkill]:
    if plan.goal_kind == Plan.GoalKind.OCCUPATION and plan.target_id is not None:
        links = OccupationSkill.objects.filter(occupation_id=plan.target_id).values_list(
            "skill__uri", "relation"
        )
        return [planning.TargetSkill(uri=uri, essential=relation == "essential") for uri, relation in links]
    uris = Concept.objects.filter(uri__in=BUSINESS_SKILLS).values_list("uri", flat=True)
    return [planning.TargetSkill(uri=uri, essential=True) for uri in uris]


def plan_opportunities(person: Person) -> list[LearningOpportunity]:
    """Active opportunities open to the person: platform-wide ones and those of their projects."""
    projects = set(Participation.objects.filter(person=person).values_list("project_id", flat=True))
    return list(
        LearningOpportunity.objects.filter(is_active=True).filter(
            Q(project__isnull=True, partner__isnull=True) | Q(project_id__in=projects)
        )
    )


def engine_opportunity(opportunity: LearningOpportunity, skills: Iterable[str]) -> planning.Opportunity:
    return planning.Opportunity(
        id=str(opportunity.pk),
        skills=frozenset(skills),
        hours=float(opportunity.hours),
        cost=float(opportunity.cost),
        languages=dict(opportunity.languages or {}),
        mode=opportunity.mode,
        starts=None if opportunity.self_paced else opportunity.starts_on,
        ends=None if opportunity.self_paced else opportunity.ends_on,
    )


def analyse(
    plan: Plan,
) -> tuple[planning.Gap, planning.Taxonomy, list[LearningOpportunity], dict[int, list[str]]]:
    """The plan's gap, the ESCO taxonomy around it, the opportunities open to the person and their skills."""
    target = target_skills(plan)
    have = confirmed_skill_uris(plan.person)
    opportunities = plan_opportunities(plan.person)
    skill_map: dict[int, list[str]] = {}
    for pk, uri in LearningOpportunity.skills.through.objects.filter(
        learningopportunity_id__in=[o.pk for o in opportunities]
    ).values_list("learningopportunity_id", "concept__uri"):
        skill_map.setdefault(pk, []).append(uri)
    involved = {t.uri for t in target} | have | {u for us in skill_map.values() for u in us}
    broader = esco_selectors.broader_closure(involved)
    taxonomy = planning.Taxonomy(
        broader=broader,
        related=esco_selectors.related_map(involved),
        groups=esco_selectors.skill_group_uris(set(broader) | {b for bs in broader.values() for b in bs}),
    )
    gap = planning.analyse_gap(target=target, have=have, taxonomy=taxonomy)
    return gap, taxonomy, opportunities, skill_map


def gap_json(gap: planning.Gap) -> dict[str, Any]:
    """The gap as the plain data stored in `Plan.gap`."""
    return {
        "items": [
            {
                "uri": i.uri,
                "essential": i.essential,
                "status": i.status,
                "covered_by": list(i.covered_by),
                "reason": i.reason,
                "priority": round(i.priority, 4),
            }
            for i in gap.items
        ],
        "essential_total": gap.essential_total,
        "essential_covered": gap.essential_covered,
        "optional_total": gap.optional_total,
        "optional_covered": gap.optional_covered,
    }


def recommendation_json(rec: planning.Recommendation) -> dict[str, Any]:
    """The recommendation as the plain data stored in `Plan.gap["recommendation"]`."""
    return {
        "chosen": [
            {"opportunity": int(c.opportunity_id), "covers": list(c.covers), "reason": c.reason}
            for c in rec.chosen
        ],
        "uncovered": list(rec.uncovered),
        "total_hours": rec.total_hours,
        "total_cost": rec.total_cost,
        "excluded": [{"opportunity": int(e.opportunity_id), "reason": e.reason} for e in rec.excluded],
        "optimal": rec.optimal,
    }


def recommend(plan: Plan) -> tuple[planning.Gap, planning.Recommendation]:
    """The gap and the engine's least-effort choice of opportunities for the person's languages and mode."""
    gap, taxonomy, opportunities, skill_map = analyse(plan)
    learner = planning.Learner(
        languages=learner_languages(plan.person),
        mode=plan.preferred_mode or None,
        today=timezone.localdate(),
    )
    rec = planning.recommend(
        gap=gap,
        opportunities=[engine_opportunity(o, skill_map.get(o.pk, ())) for o in opportunities],
        learner=learner,
        taxonomy=taxonomy,
    )
    return gap, rec


def refresh_gap(*, plan: Plan) -> Plan:
    """Analyse the gap again from the confirmed profile as it is now and store it on the plan.

    The items stay as the person and coordinator left them (decision 0043); the plan moves on: a draft
    with progress becomes active, and a plan with no essential gap left and nothing planned or ongoing is done.
    """
    gap, _taxonomy, _opportunities, _skill_map = analyse(plan)
    stored = dict(plan.gap or {})
    stored.update(gap_json(gap))
    plan.gap = stored
    plan.gap_computed_at = timezone.now()
    open_items = plan.items.filter(status__in=[PlanItem.Status.PLANNED, PlanItem.Status.ENROLLED]).exists()
    if plan.items.filter(status=PlanItem.Status.COMPLETED).exists():
        if gap.essential_covered >= gap.essential_total and not open_items:
            plan.status = Plan.Status.DONE
        elif plan.status == Plan.Status.DRAFT:
            plan.status = Plan.Status.ACTIVE
    plan.save(update_fields=["gap", "gap_computed_at", "status", "updated_at"])
    return plan
