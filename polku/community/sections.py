"""What the community network shows on the pages of the apps below it (registered in CommunityConfig.ready()):
the project dashboard's counts (`dashboard_sections`): profiles in the directory, connections made, and
how many of them join two partners and two countries; small figures suppressed; never a message."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections, hub_sections
from polku.activities.metrics import Within
from polku.activities.sections import dashboard_sections
from polku.community.models import Report
from polku.community.selectors import incoming_requests, project_counts, report_list, unread_count, viewer_for
from polku.projects.models import Project
from polku.suppression.rules import hide_small


def dashboard_section(
    *, project: Project, access: Access, within: Within, threshold: int, request: HttpRequest
) -> dict[str, Any] | None:
    if not access.can_view_counts(project.pk):
        return None
    counts = project_counts(project_id=project.pk, partner_ids=within.partner_ids)
    if not counts.profiles_on and not counts.connections:
        return None
    return {
        "figures": [
            (label, hide_small(value, threshold=threshold))
            for label, value in (
                ("profiles_on", counts.profiles_on),
                ("connections", counts.connections),
                ("across_partners", counts.across_partners),
                ("across_countries", counts.across_countries),
            )
        ],
        "threshold": threshold,
    }


def hub_community_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's home: unread messages and requests to connect, or an invitation to turn the
    directory profile on."""
    if access.person_id is None:
        return None
    viewer = viewer_for(user)
    if viewer is None:
        return {"off": True}
    return {
        "off": False,
        "unread": unread_count(viewer.profile),
        "requests": incoming_requests(viewer).count(),
    }


def home_reports_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """Staff home: reports about community profiles waiting for the coordinators of the reporter's partner."""
    if not access.is_coordinator:
        return None
    count = report_list(access=access).filter(status=Report.Status.OPEN).count()
    if not count:
        return None
    return {
        "title": _("Community reports to handle"),
        "count": count,
        "help": _("Participants of your partners reported a profile in the community directory."),
        "more_href": reverse("community:reports"),
        "more_label": _("Handle the reports"),
    }


def register() -> None:
    hub_sections.register(
        "community", template="community/_hub_community.html", context=hub_community_section, order=35
    )
    home_sections.register(
        "community", template="components/attention.html", context=home_reports_section, order=40
    )
    dashboard_sections.register(
        "community", template="community/_dashboard.html", context=dashboard_section, order=50
    )
