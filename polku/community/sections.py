"""What the community network shows on the pages of the apps below it (registered in CommunityConfig.ready()):
the project dashboard's counts (`dashboard_sections`): profiles in the directory, connections made, and
how many of them join two partners and two countries; small figures suppressed; never a message."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.activities.metrics import Within
from polku.activities.sections import dashboard_sections
from polku.community.selectors import project_counts
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


def register() -> None:
    dashboard_sections.register(
        "community", template="community/_dashboard.html", context=dashboard_section, order=50
    )
