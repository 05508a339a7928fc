"""Writes of development plans: a plan made from the planning engine's proposal and then edited freely
(decision 0043), its goal and status, its items, milestones and review comments.

Every write is checked against the person (`common.check_plan_access`), runs in one transaction and is
audited with the person and the reader's partner.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.core.errors import ApplicationError
from polku.esco.models import Concept
from polku.learning.models import Comment, LearningOpportunity, Milestone, Plan, PlanItem
from polku.learning.services.common import audit_plan, check_plan_access, recorded_actor
from polku.learning.services.completions import close_milestones, completion_record
from polku.learning.services.gap import gap_json, recommend, recommendation_json, refresh_gap
from polku.participants.models import Person


@transaction.atomic
def propose(*, access: Access, actor: User | None, plan: Plan) -> Plan:
    """Run the engine again and store its proposal: planned items the engine added earlier are replaced;
    items added by hand, and items enrolled, completed or dropped, stay as they are."""
    check_plan_access(access, plan.person_id)
    gap, rec = recommend(plan)
    plan.items.filter(source=PlanItem.Source.ENGINE, status=PlanItem.Status.PLANNED).delete()
    kept = set(plan.items.exclude(opportunity__isnull=True).values_list("opportunity_id", flat=True))
    order = (plan.items.aggregate(m=Max("order"))["m"] or 0) + 1
    for choice in rec.chosen:
        pk = int(choice.opportunity_id)
        if pk in kept:
            continue
        PlanItem.objects.create(
            plan=plan,
            opportunity_id=pk,
            order=order,
            source=PlanItem.Source.ENGINE,
            reason=choice.reason,
            covers=list(choice.covers),
        )
        order += 1
    plan.gap = {**gap_json(gap), "recommendation": recommendation_json(rec)}
    plan.gap_computed_at = timezone.now()
    plan.save(update_fields=["gap", "gap_computed_at", "updated_at"])
    audit_plan(actor, access, AuditEvent.Action.UPDATE, plan, plan, ["items"])
    return plan


PLAN_FIELDS = ("goal_kind", "target", "business_goal", "preferred_mode", "status")


def _check_goal(goal_kind: str, target: Concept | None, business_goal: str) -> None:
    if goal_kind == Plan.GoalKind.OCCUPATION and (target is None or target.kind != Concept.Kind.OCCUPATION):
        raise ApplicationError(
            _("Choose the occupation you aim at."), field_errors={"target": [_("Choose an ESCO occupation.")]}
        )
    if goal_kind == Plan.GoalKind.BUSINESS and not business_goal.strip():
        raise ApplicationError(
            _("Describe the business you plan."),
            field_errors={"business_goal": [_("Describe your business goal.")]},
        )


@transaction.atomic
def build_plan(
    *,
    access: Access,
    actor: User | None,
    person: Person,
    goal_kind: str,
    target: Concept | None = None,
    business_goal: str = "",
    preferred_mode: str = "",
) -> Plan:
    """A new plan for the person with the engine's proposal stored as its items."""
    check_plan_access(access, person.pk)
    _check_goal(goal_kind, target, business_goal)
    plan = Plan.objects.create(
        person=person,
        goal_kind=goal_kind,
        target=target if goal_kind == Plan.GoalKind.OCCUPATION else None,
        business_goal=business_goal.strip(),
        preferred_mode=preferred_mode,
        created_by=recorded_actor(actor),
    )
    audit_plan(actor, access, AuditEvent.Action.CREATE, plan, plan)
    return propose(access=access, actor=actor, plan=plan)


@transaction.atomic
def plan_update(*, access: Access, actor: User | None, plan: Plan, data: dict[str, Any]) -> Plan:
    """Change the goal, mode or status; a new goal or mode is analysed and proposed again."""
    check_plan_access(access, plan.person_id)
    changed = [n for n in PLAN_FIELDS if n in data and getattr(plan, n) != data[n]]
    for name in changed:
        setattr(plan, name, data[name])
    _check_goal(plan.goal_kind, plan.target, plan.business_goal)
    if plan.goal_kind == Plan.GoalKind.BUSINESS:
        plan.target = None
    plan.save()
    if changed:
        audit_plan(actor, access, AuditEvent.Action.UPDATE, plan, plan, changed)
    if set(changed) & {"goal_kind", "target", "preferred_mode"}:
        propose(access=access, actor=actor, plan=plan)
    return plan


@transaction.atomic
def plan_delete(*, access: Access, actor: User | None, plan: Plan) -> None:
    check_plan_access(access, plan.person_id)
    audit_plan(actor, access, AuditEvent.Action.DELETE, plan, plan)
    plan.delete()


# --- items, milestones, comments -----------------------------------------------------------------


@transaction.atomic
def item_add(
    *,
    access: Access,
    actor: User | None,
    plan: Plan,
    opportunity: LearningOpportunity | None = None,
    text: str = "",
) -> PlanItem:
    check_plan_access(access, plan.person_id)
    if opportunity is None and not text.strip():
        raise ApplicationError(
            _("Choose an opportunity or describe the item."), field_errors={"text": [_("Describe the item.")]}
        )
    order = (plan.items.aggregate(m=Max("order"))["m"] or 0) + 1
    item = PlanItem.objects.create(plan=plan, opportunity=opportunity, text=text.strip()[:300], order=order)
    audit_plan(actor, access, AuditEvent.Action.CREATE, item, plan)
    return item


@transaction.atomic
def item_update(*, access: Access, actor: User | None, item: PlanItem, data: dict[str, Any]) -> PlanItem:
    """Change an item's status, order or text. Marking it completed records a completion (see below)."""
    plan = item.plan
    check_plan_access(access, plan.person_id)
    if (
        data.get("status") == PlanItem.Status.COMPLETED
        and item.opportunity_id is not None
        and item.status != PlanItem.Status.COMPLETED
    ):
        assert item.opportunity is not None
        completion_record(
            access=access,
            actor=actor,
            person=plan.person,
            opportunity=item.opportunity,
            completed_on=data.get("completed_on") or timezone.localdate(),
            note=data.get("note", ""),
        )
        item.refresh_from_db()
    changed = []
    for name in ("status", "order", "text", "enrolled_on", "completed_on"):
        if name in data and data[name] is not None and getattr(item, name) != data[name]:
            setattr(item, name, data[name])
            changed.append(name)
    if item.status == PlanItem.Status.ENROLLED and item.enrolled_on is None:
        item.enrolled_on = timezone.localdate()
        changed.append("enrolled_on")
    if item.status == PlanItem.Status.COMPLETED and item.completed_on is None:
        item.completed_on = timezone.localdate()
        changed.append("completed_on")
    if changed:
        item.save()
        audit_plan(actor, access, AuditEvent.Action.UPDATE, item, plan, changed)
        if "status" in changed:
            close_milestones(item)
            refresh_gap(plan=plan)
    return item


@transaction.atomic
def item_move(*, access: Access, actor: User | None, item: PlanItem, up: bool) -> None:
    """Swap the item with its neighbour above (or below)."""
    plan = item.plan
    check_plan_access(access, plan.person_id)
    items = list(plan.items.order_by("order", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(items):
        return
    items[index], items[other_index] = items[other_index], items[index]
    for position, row in enumerate(items, start=1):
        if row.order != position:
            row.order = position
            row.save(update_fields=["order", "updated_at"])
    audit_plan(actor, access, AuditEvent.Action.UPDATE, item, plan, ["order"])


@transaction.atomic
def item_remove(*, access: Access, actor: User | None, item: PlanItem) -> None:
    plan = item.plan
    check_plan_access(access, plan.person_id)
    audit_plan(actor, access, AuditEvent.Action.DELETE, item, plan)
    item.delete()


@transaction.atomic
def milestone_save(
    *,
    access: Access,
    actor: User | None,
    plan: Plan,
    data: dict[str, Any],
    milestone: Milestone | None = None,
) -> Milestone:
    check_plan_access(access, plan.person_id)
    item = data.get("item")
    if item is not None and item.plan_id != plan.pk:
        raise ApplicationError(
            _("The item is not part of this plan."),
            field_errors={"item": [_("Choose an item of this plan.")]},
        )
    created = milestone is None
    milestone = milestone or Milestone(plan=plan)
    for name in ("title", "due_on", "status", "item"):
        if name in data:
            setattr(milestone, name, data[name])
    if not milestone.title.strip():
        raise ApplicationError(_("Give the milestone a title."), field_errors={"title": [_("Give a title.")]})
    milestone.done_at = (
        (milestone.done_at or timezone.now()) if milestone.status == Milestone.Status.DONE else None
    )
    milestone.save()
    audit_plan(
        actor, access, AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE, milestone, plan
    )
    return milestone


@transaction.atomic
def milestone_delete(*, access: Access, actor: User | None, milestone: Milestone) -> None:
    check_plan_access(access, milestone.plan.person_id)
    audit_plan(actor, access, AuditEvent.Action.DELETE, milestone, milestone.plan)
    milestone.delete()


@transaction.atomic
def comment_add(*, access: Access, actor: User, plan: Plan, text: str) -> Comment:
    """A comment on the plan; a coordinator's (or admin's) comment is marked as a review."""
    check_plan_access(access, plan.person_id)
    if not text.strip():
        raise ApplicationError(_("Write a comment."), field_errors={"text": [_("Write a comment.")]})
    comment = Comment.objects.create(
        plan=plan, author=actor, text=text.strip(), is_review=access.person_id != plan.person_id
    )
    audit_plan(actor, access, AuditEvent.Action.CREATE, comment, plan)
    return comment
