"""What mentoring shows on the pages of the apps below it (registered in MentoringConfig.ready()): on the
page of a programme's activity, what the activity is and, for those who run the programme, a link to it; on
the staff home ("Needs attention"), the matching runs whose proposals wait for review; on the participant's
home (accounts `hub_sections`), their mentor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections, hub_sections
from polku.activities.models import Activity
from polku.activities.sections import activity_sections
from polku.mentoring.models import MatchingRun, MentoringProgramme, Mentorship, Proposal
from polku.mentoring.selectors import my_mentorships

HOME_ITEMS = 5


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


def home_proposals_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """Matching runs not yet published, with proposals waiting, in the programmes the reader runs."""
    if not access.can_view_mentoring_programmes():
        return None
    rows = (
        MatchingRun.objects.filter(
            access.mentoring_programme_filter("programme__"), published_at__isnull=True
        )
        .annotate(waiting=Count("proposals", filter=Q(proposals__status=Proposal.Status.PROPOSED)))
        .filter(waiting__gt=0)
        .select_related("programme__activity")
        .order_by("created_at")
    )
    runs = [
        run
        for run in rows
        if access.can_manage_mentoring_programme(run.programme.project_id, run.programme.partner_id)
    ]
    if not runs:
        return None
    return {
        "title": _("Mentoring proposals to review"),
        "count": sum(run.waiting for run in runs),
        "help": _("Matching runs whose proposed pairs wait for you to check and publish."),
        "items": [
            {
                "text": str(run.programme),
                "href": reverse("mentoring:run", args=[run.pk]),
                "note": ngettext("%(n)d proposed pair", "%(n)d proposed pairs", run.waiting)
                % {"n": run.waiting},
            }
            for run in runs[:HOME_ITEMS]
        ],
        "more_href": reverse("mentoring:programmes"),
        "more_label": _("All mentoring programmes"),
    }


def hub_mentor_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's mentor: the newest mentorship that is active or waiting for answers."""
    if not access.can_use_my_mentoring():
        return None
    if access.person_id is None:
        return None
    pairs = [
        m
        for m in my_mentorships(access=access)["mentee"]
        if m.status in (Mentorship.Status.ACTIVE, Mentorship.Status.PENDING)
    ]
    return {"mentorship": pairs[0] if pairs else None}


def register() -> None:
    hub_sections.register(
        "mentoring", template="mentoring/_hub_mentor.html", context=hub_mentor_section, order=20
    )
    home_sections.register(
        "mentoring", template="components/attention.html", context=home_proposals_section, order=20
    )
    activity_sections.register(
        "mentoring_programme",
        template="mentoring/_activity_programme.html",
        context=activity_programme_section,
    )
