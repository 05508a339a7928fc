"""What activities shows on the pages of the apps below it (registered in ActivitiesConfig.ready()).

- the project page (polku.projects.sections): the targets with their progress, and the activities;
- the project's API detail: `targets`, each against its current count (null for readers without counts);
- a participant's staff page and the participant's own page (polku.participants.sections): their
  activities.

It also keeps the registry of its own activity page, `activity_sections`: an app whose rows are activities
(a mentoring programme, a peer-group round) adds there a link to where the activity is run; each context
function is called with `activity`, `access` and `request` and returns None for readers it does not concern.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.activities.api import TargetProgressSerializer
from polku.activities.selectors import (
    activity_list,
    participation_enrolments,
    person_enrolments,
    target_progress,
)
from polku.core.sections import SectionRegistry
from polku.participants.models import Participation, Person
from polku.participants.sections import my_sections, participant_sections
from polku.projects.models import Project
from polku.projects.sections import project_sections, register_detail_field

activity_sections = SectionRegistry("activity")
# The project dashboard's sections from the apps between activities and dashboards (companies engaged,
# contacts made, ideas per stage…). Each context function is called with `project`, `access`, `within`
# (the dashboard's partners and period, an `activities.metrics.Within`), `threshold` (the suppression
# threshold: a figure below it is shown as hidden, `polku.suppression`) and `request`, and returns None for
# readers it does not concern.
dashboard_sections = SectionRegistry("dashboard")


def can_add_activity(access: Access, project: Project) -> bool:
    """The lead (or an admin) adds activities for any partner, a coordinator for their own partner."""
    if access.can_manage_project(project.pk):
        return True
    own = access.coordinator_partner_ids
    return bool(own) and project.partners.filter(pk__in=own).exists()


def project_targets_section(*, project: Project, access: Access, request: HttpRequest) -> dict[str, Any]:
    return {
        "progress": target_progress(project=project),
        "can_see_targets": access.can_view_counts(project.pk),
        "can_manage": access.can_manage_project(project.pk),
    }


def project_activities_section(*, project: Project, access: Access, request: HttpRequest) -> dict[str, Any]:
    return {
        "activities": activity_list(project=project),
        "counts_visible": access.can_view_counts(project.pk),
        "can_add_activity": can_add_activity(access, project),
    }


def participant_activities_section(
    *, participation: Participation, access: Access, request: HttpRequest
) -> dict[str, Any]:
    """The participation's activities; the page has checked the reader may see the participation."""
    return {"enrolments": participation_enrolments(participation=participation)}


def my_activities_section(*, person: Person, access: Access, request: HttpRequest) -> dict[str, Any]:
    return {"enrolments": person_enrolments(person_id=person.pk)}


def _targets_field() -> Any:
    return TargetProgressSerializer(many=True)


def project_targets_value(*, project: Project, access: Access) -> Any:
    """The targets against their current counts; the counts are null for readers who see none."""
    context = {"counts_visible": access.can_view_counts(project.pk)}
    return TargetProgressSerializer(target_progress(project=project), many=True, context=context).data


def register() -> None:
    project_sections.register(
        "targets", template="activities/_project_targets.html", context=project_targets_section, order=10
    )
    project_sections.register(
        "activities",
        template="activities/_project_activities.html",
        context=project_activities_section,
        order=20,
    )
    register_detail_field("targets", field=_targets_field, value=project_targets_value, order=10)
    participant_sections.register(
        "activities",
        template="activities/_participant_activities.html",
        context=participant_activities_section,
        order=10,
    )
    my_sections.register(
        "activities", template="activities/_my_activities.html", context=my_activities_section, order=10
    )
