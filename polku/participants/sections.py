"""What apps above `participants` add to a participant's pages (polku.core.sections explains the pattern).

- `participant_sections`: the staff page of one participation (`participants:detail`), between the entry
  data and the consents; each context function is called with `participation`, `access` and `request`
  (the page has already checked that the reader may see the participation, and audited the read).
- `my_sections`: the participant's own page (`participants:me`), between their projects and their profile;
  called with `person`, `access` and `request`.

Participants also adds to the participant's home (accounts `hub_sections`): the greeting with their projects
and the link to their own page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import hub_sections
from polku.core.sections import SectionRegistry
from polku.participants.models import Participation, Person

participant_sections = SectionRegistry("participant")
my_sections = SectionRegistry("my page")


def hub_intro_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    if access.person_id is None:
        return None
    person = Person.objects.filter(pk=access.person_id).first()
    if person is None:
        return None
    projects = (
        Participation.objects.filter(person=person, exit_date__isnull=True)
        .select_related("project")
        .order_by("entry_date")
    )
    return {"first_name": person.first_name, "projects": [p.project.name for p in projects]}


def register() -> None:
    hub_sections.register(
        "participants", template="participants/_hub_intro.html", context=hub_intro_section, place="intro"
    )
