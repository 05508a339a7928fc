"""What mentoring shows on the pages of the apps below it (registered in MentoringConfig.ready()): on the
page of a programme's activity, what the activity is and, for those who run the programme, a link to it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from polku.accounts.access import Access
from polku.activities.models import Activity
from polku.activities.sections import activity_sections
from polku.mentoring.models import MentoringProgramme


def activity_programme_section(
    *, activity: Activity, access: Access, request: HttpRequest
) -> dict[str, Any] | None:
    programme = MentoringProgramme.objects.filter(activity=activity).first()
    if programme is None:
        return None
    return {
        "programme": programme,
        "can_open": access.can_manage_mentoring_programme(programme.project_id, programme.partner_id),
    }


def register() -> None:
    activity_sections.register(
        "mentoring_programme",
        template="mentoring/_activity_programme.html",
        context=activity_programme_section,
    )
