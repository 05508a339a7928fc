from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from polku.accounts.access import coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.audit.selectors import audit_events_for_staff, described


@login_required
def audit_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    """The audit log of the coordinator's own partners (all of it for platform admins)."""
    access = coordinator_access(request.user, refusal=_("Only coordinators can read the audit log."))
    action = request.GET.get("action", "")
    events = audit_events_for_staff(access=access)
    if action:
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    # Each event with what it is about and its fields in words, never the tables' and fields' names.
    rows = [
        {"event": event, **row}
        for event, row in zip(page.object_list, described(page.object_list), strict=True)
    ]
    return TemplateResponse(request, "audit/audit_list.html", {"page": page, "rows": rows, "action": action})
