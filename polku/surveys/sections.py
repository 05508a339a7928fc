"""What surveys show on the pages of the apps below them (registered in SurveysConfig.ready()): on the
participant's home (accounts `hub_sections`), the feedback forms they have not answered yet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import hub_sections
from polku.surveys.selectors import open_forms_for


def hub_surveys_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    if access.person_id is None:
        return None
    forms = [form for form, _participation, answered in open_forms_for(access=access) if not answered]
    if not forms:
        return None
    return {"forms": forms[:3], "more": len(forms) > 3}


def register() -> None:
    hub_sections.register(
        "surveys", template="surveys/_hub_surveys.html", context=hub_surveys_section, order=50
    )
