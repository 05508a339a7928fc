"""Completions: a person finished a learning opportunity, marked by hand (an item of a plan, pages and
API) or read from a MOOC platform's file (`services.mooc`). A completion confirms the opportunity's
skills in the competence profile with the completion as evidence and moves the person's plans on.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.competences.models import SkillEvidence
from polku.competences.services import add_confirmed_skill
from polku.core.errors import ApplicationError
from polku.learning.models import Completion, LearningOpportunity, Milestone, PlanItem
from polku.learning.services.common import check_plan_access, recorded_actor
from polku.learning.services.gap import refresh_gap
from polku.participants.models import Person
from polku.participants.selectors import reading_partner_id


def completion_reference(completion: Completion) -> str:
    return f"learning.completion:{completion.pk}"


@transaction.atomic
def completion_record(
    *,
    access: Access,
    actor: User | None,
    person: Person,
    opportunity: LearningOpportunity,
    completed_on: dt.date,
    grade: str = "",
    note: str = "",
    source: str = Completion.Source.MANUAL,
) -> tuple[Completion, bool]:
    """Record that the person completed the opportunity (once; a repeat changes nothing) and act on it:
    each of its skills is confirmed in the profile with the completion as evidence, the person's plan
    items of it are completed, milestones linked to them are closed, and their plans' gaps recomputed.
    Returns the completion and whether it is new."""
    check_plan_access(access, person.pk)
    if completed_on > timezone.localdate():
        raise ApplicationError(
            _("The completion date is in the future."),
            field_errors={"completed_on": [_("Give a date that has passed.")]},
        )
    completion, created = Completion.objects.get_or_create(
        person=person,
        opportunity=opportunity,
        defaults={
            "completed_on": completed_on,
            "grade": grade[:40],
            "note": note[:500],
            "source": source,
            "recorded_by": recorded_actor(actor),
        },
    )
    if not created:
        return completion, False
    title = opportunity.title("en")
    for skill in opportunity.skills.all():
        add_confirmed_skill(
            person=person,
            skill=skill,
            kind=SkillEvidence.Kind.COMPLETION,
            text=f"Completed: {title}, {completed_on.isoformat()}"[:500],
            reference=completion_reference(completion),
            actor=recorded_actor(actor),
        )
    plans = set()
    for item in PlanItem.objects.filter(plan__person=person, opportunity=opportunity).select_related("plan"):
        if item.status != PlanItem.Status.COMPLETED:
            item.status = PlanItem.Status.COMPLETED
            item.completed_on = completed_on
            item.save(update_fields=["status", "completed_on", "updated_at"])
        close_milestones(item)
        plans.add(item.plan)
    for plan in plans:
        refresh_gap(plan=plan)
    audit_record(
        actor=recorded_actor(actor),
        action=AuditEvent.Action.CREATE,
        obj=completion,
        person_id=person.pk,
        partner_id=reading_partner_id(access=access, person_id=person.pk),
    )
    return completion, True


def close_milestones(item: PlanItem) -> None:
    """A completed item's open milestones are done."""
    if item.status == PlanItem.Status.COMPLETED:
        item.milestones.filter(status=Milestone.Status.OPEN).update(
            status=Milestone.Status.DONE, done_at=timezone.now(), updated_at=timezone.now()
        )
