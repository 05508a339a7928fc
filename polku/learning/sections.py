"""What learning shows on the pages of the apps below it (registered in LearningConfig.ready()): on the
participant's home (accounts `hub_sections`), the next step of their plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import hub_sections
from polku.learning.models import Plan, PlanItem


def hub_plan_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's current plan (active, else the newest draft) and its first open item."""
    if access.person_id is None or not access.can_create_own_plan():
        return None
    plan = (
        Plan.objects.filter(person_id=access.person_id)
        .exclude(status=Plan.Status.DONE)
        .order_by("status", "-created_at")  # "active" sorts before "draft"
        .first()
    )
    item = None
    step = ""
    if plan is not None:
        item = (
            plan.items.filter(status__in=[PlanItem.Status.PLANNED, PlanItem.Status.ENROLLED])
            .select_related("opportunity")
            .order_by("order", "pk")
            .first()
        )
        if item is not None:
            step = (
                item.opportunity.title(get_language() or "en") if item.opportunity is not None else item.text
            )
    return {"plan": plan, "item": item, "step": step}


def register() -> None:
    hub_sections.register("learning", template="learning/_hub_plan.html", context=hub_plan_section, order=40)
