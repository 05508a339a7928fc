"""What guidance shows on the pages of the apps below it (registered in GuidanceConfig.ready()):

- a participant's staff page (participants `participant_sections`): the sessions, latest first, with date,
  kind, channel, duration and open next steps (their timeline of guidance) and the link to record one —
  for the coordinators of the participation's partner; never the notes;
- the participant's own page (`my_sections`): "What we agreed", their next steps with due dates, their own
  to tick done; never the notes;
- the staff home page (accounts `home_sections`): next steps due in the coming two weeks or overdue;
- the participant's home (accounts `hub_sections`): their next open step, with the link to all of them;
- the project page (projects `project_sections`): sessions by kind, counts only, for those who see counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections, hub_sections
from polku.guidance.selectors import (
    home_next_steps,
    person_next_steps,
    project_guidance_counts,
    session_list,
)
from polku.participants.models import Participation, Person
from polku.participants.sections import my_sections, participant_sections
from polku.projects.models import Project
from polku.projects.sections import project_sections

PAGE_SESSIONS = 50


def participant_guidance_section(
    *, participation: Participation, access: Access, request: HttpRequest
) -> dict[str, Any] | None:
    """The participation's sessions; the page has checked the reader may see it and audited the read."""
    if not access.can_guide(participation.partner_id):
        return None
    return {"sessions": session_list(access=access, participation=participation)[:PAGE_SESSIONS]}


def my_steps_section(*, person: Person, access: Access, request: HttpRequest) -> dict[str, Any] | None:
    steps = list(person_next_steps(person=person)[:50])
    if not steps:
        return None
    return {"steps": steps, "today": timezone.localdate(), "next": request.get_full_path()}


def home_steps_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    steps = home_next_steps(access=access, user=user, today=today)
    if steps.empty:
        return None
    return {"steps": steps, "next": request.get_full_path()}


def project_guidance_section(
    *, project: Project, access: Access, request: HttpRequest
) -> dict[str, Any] | None:
    counts = project_guidance_counts(access=access, project=project)
    if counts is None or not counts.sessions:
        return None
    return {"counts": counts}


def hub_step_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's next open step agreed in guidance (soonest due), and how many are open."""
    person = Person.objects.filter(pk=access.person_id).first() if access.person_id is not None else None
    if person is None:
        return None
    open_steps = person_next_steps(person=person).filter(done_at__isnull=True)
    step = open_steps.first()
    if step is None:
        return None
    return {"step": step, "open": open_steps.count(), "today": today}


def register() -> None:
    hub_sections.register("guidance", template="guidance/_hub_step.html", context=hub_step_section, order=30)
    participant_sections.register(
        "guidance",
        template="guidance/_participant_sessions.html",
        context=participant_guidance_section,
        order=12,
    )
    my_sections.register("guidance", template="guidance/_my_steps.html", context=my_steps_section, order=3)
    home_sections.register(
        "guidance", template="guidance/_home_steps.html", context=home_steps_section, order=90
    )
    project_sections.register(
        "guidance", template="guidance/_project_guidance.html", context=project_guidance_section, order=40
    )
