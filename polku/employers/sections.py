"""What employers shows on the pages of the apps below it (registered in EmployersConfig.ready()):

- the staff home page (accounts `home_sections`): "Company follow-ups due", the follow-ups of logged company
  contacts due within two weeks or overdue, for the coordinators and leads who keep them;
- the participant's own page (participants `my_sections`): introduction requests waiting for their answer;
- the project dashboard (activities `dashboard_sections`): companies engaged, needs opened and filled,
  introductions and their outcomes, for the period and partners of the dashboard's filters. Companies and
  needs are not personal data; the counts of introductions and placements are people, so they are
  published through `polku.suppression` like the dashboard's own figures.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections, hub_sections
from polku.activities.metrics import Within
from polku.activities.sections import dashboard_sections
from polku.employers.models import CooperationEntry, Employer, Introduction, TalentNeed
from polku.employers.selectors import follow_ups_due, waiting_introductions
from polku.participants.models import Person
from polku.participants.sections import my_sections
from polku.projects.models import Project
from polku.suppression import publish

HOME_LIMIT = 20


def home_follow_ups_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    rows = follow_ups_due(access=access, today=today)
    count = rows.count()
    if not count:
        return None
    return {"entries": list(rows[:HOME_LIMIT]), "count": count, "today": today}


def my_introductions_section(
    *, person: Person, access: Access, request: HttpRequest
) -> dict[str, Any] | None:
    waiting = list(waiting_introductions(person_id=person.pk))
    if not waiting:
        return None
    return {"introductions": waiting}


def hub_introductions_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's home: introductions to employers waiting for their answer; nothing when none."""
    if access.person_id is None:
        return None
    waiting = list(waiting_introductions(person_id=access.person_id)[:3])
    if not waiting:
        return None
    return {"introductions": waiting}


def dashboard_employers_section(
    *, project: Project, access: Access, within: Within, threshold: int, request: HttpRequest
) -> dict[str, Any] | None:
    if not access.can_view_counts(project.pk) or not Employer.objects.filter(project=project).exists():
        return None  # one query for a project without employers
    partner = "employer__partner_id"
    companies = (
        CooperationEntry.objects.filter(within.q(partner, "happened_on"), employer__project=project)
        .values("employer_id")
        .distinct()
        .count()
    )
    needs = TalentNeed.objects.filter(
        within.q(partner, "opened_at__date"), employer__project=project, opened_at__isnull=False
    ).aggregate(
        opened=Count("id"),
        filled=Count("id", filter=Q(status=TalentNeed.Status.FILLED)),
    )
    intro = Introduction.objects.filter(within.q(partner, "created_at__date"), employer__project=project)
    counts = intro.aggregate(
        proposed=Count("id"),
        waiting=Count("id", filter=Q(status=Introduction.Status.PROPOSED)),
        approved=Count("id", filter=Q(status=Introduction.Status.APPROVED)),
        declined=Count("id", filter=Q(status=Introduction.Status.DECLINED)),
        interviewed=Count("id", filter=Q(interview_on__isnull=False)),
        started=Count("id", filter=Q(started_on__isnull=False)),
    )
    if not (companies or needs["opened"] or counts["proposed"]):
        return None
    exact = access.is_admin
    if not exact and access.coordinator_partner_ids:  # only a coordinator may see exact figures
        partner_ids = set(project.partners.values_list("pk", flat=True))
        scope = partner_ids if within.partner_ids is None else set(within.partner_ids)
        exact = scope <= set(access.coordinator_partner_ids)
    people = publish(counts, exact=exact, threshold=threshold)
    rows = [
        (_("Companies engaged"), companies, None),
        (_("Needs opened"), needs["opened"], None),
        (_("Needs filled"), needs["filled"], None),
        (_("Introductions proposed"), None, people["proposed"]),
        (_("Waiting for the participant"), None, people["waiting"]),
        (_("Approved by the participant"), None, people["approved"]),
        (_("Declined by the participant"), None, people["declined"]),
        (_("Interviewed"), None, people["interviewed"]),
        (_("Internships and jobs started"), None, people["started"]),
    ]
    return {"rows": rows}


def register() -> None:
    home_sections.register(
        "employers", template="employers/_home_follow_ups.html", context=home_follow_ups_section, order=30
    )
    my_sections.register(
        "employers", template="employers/_my_introductions.html", context=my_introductions_section, order=2
    )
    hub_sections.register(
        "employers", template="employers/_hub_introductions.html", context=hub_introductions_section, order=12
    )
    dashboard_sections.register(
        "employers", template="employers/_dashboard.html", context=dashboard_employers_section, order=30
    )
