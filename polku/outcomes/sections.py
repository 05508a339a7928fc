"""What outcomes shows on the pages of the apps below it (registered in OutcomesConfig.ready()): on the staff
home ("Needs attention"), how many follow-ups of the reader's participants are overdue or due soon. Counts
only, so the home page reads no one's personal data; the list of follow-ups names the people."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections
from polku.outcomes.models import FollowUp
from polku.outcomes.selectors import follow_up_list

HORIZON_DAYS = 14


def home_follow_ups_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    if not access.is_project_staff():
        return None
    pending = follow_up_list(access=access, status=FollowUp.Status.PENDING)
    overdue = pending.filter(due_on__lt=today).count()
    soon = pending.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=HORIZON_DAYS)).count()
    if not overdue and not soon:
        return None
    href = reverse("outcomes:follow_up_list") + "?status=" + FollowUp.Status.PENDING
    items = []
    if overdue:
        items.append(
            {
                "text": ngettext("%(n)d follow-up overdue", "%(n)d follow-ups overdue", overdue)
                % {"n": overdue},
                "href": href,
            }
        )
    if soon:
        items.append(
            {
                "text": ngettext(
                    "%(n)d follow-up due in the next two weeks",
                    "%(n)d follow-ups due in the next two weeks",
                    soon,
                )
                % {"n": soon},
                "href": href,
            }
        )
    return {
        "title": _("Follow-ups due"),
        "count": overdue + soon,
        "help": _(
            "Former participants asked how they are doing some months after leaving, still without an answer."
        ),
        "items": items,
        "more_href": reverse("outcomes:follow_up_list"),
        "more_label": _("All follow-ups"),
    }


def register() -> None:
    home_sections.register(
        "outcomes", template="components/attention.html", context=home_follow_ups_section, order=30
    )
