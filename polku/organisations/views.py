from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.organisations.selectors import organisation_get, organisation_partnerships


@login_required
def organisation_detail_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    organisation = organisation_get(access=access, pk=pk)
    context = {
        "organisation": organisation,
        "partnerships": organisation_partnerships(access=access, organisation=organisation),
    }
    return TemplateResponse(request, "organisations/organisation_detail.html", context)
