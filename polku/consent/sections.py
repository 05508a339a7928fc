"""What consent shows on the pages of the apps below it (registered in ConsentConfig.ready()): the link to the
project's privacy notices among the project's facts; on the staff home ("Needs attention"), consents still in
force that were given to an older version of a project's privacy notice (to be renewed: a consent in Polku
does not run out by date, it goes out of date when the notice changes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Max, OuterRef, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections
from polku.consent.models import Consent, PrivacyNotice
from polku.projects.models import Project
from polku.projects.sections import project_sections


def project_notices_section(*, project: Project, access: Access, request: HttpRequest) -> dict[str, Any]:
    return {"can_publish": access.can_manage_project(project.pk)}


def home_consents_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    project_ids = [pid for pid in access.project_ids() if access.can_manage_project(pid)]
    if access.is_admin:
        project_ids = list(Project.objects.values_list("pk", flat=True))
    if not project_ids:
        return None
    latest = (
        PrivacyNotice.objects.filter(project=OuterRef("project"))
        .values("project")
        .annotate(v=Max("version"))
        .values("v")
    )
    stale = (
        Consent.objects.filter(project_id__in=project_ids, withdrawn_at__isnull=True)
        .annotate(latest=Subquery(latest))
        .filter(notice__version__lt=F("latest"))
        .values("project__code", "project__name")
        .annotate(n=Count("pk"))
        .order_by("project__name")
    )
    rows = list(stale)
    if not rows:
        return None
    return {
        "title": _("Consents to renew"),
        "count": sum(row["n"] for row in rows),
        "help": _("Consents in force that were given to an older version of the privacy notice."),
        "items": [
            {
                "text": row["project__name"],
                "href": reverse("consent:notices", args=[row["project__code"]]),
                "note": ngettext("%(n)d consent", "%(n)d consents", row["n"]) % {"n": row["n"]},
            }
            for row in rows
        ],
    }


def register() -> None:
    home_sections.register(
        "consent", template="components/attention.html", context=home_consents_section, order=60
    )
    project_sections.register(
        "privacy_notices",
        template="consent/_project_notices.html",
        context=project_notices_section,
        place="facts",
    )
