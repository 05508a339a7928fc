"""After an event: the people one met there, asking them to stay in touch and answering their requests."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.events.models import ContactRequest
from polku.events.selectors.contacts import people_met
from polku.events.selectors.events import event_get
from polku.events.selectors.meetings import attendee_get, require_own_registration
from polku.events.services import contacts as services


@login_required
def met_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = require_own_registration(access=access, event=event)
    return TemplateResponse(
        request, "events/contacts/met.html", {"event": event, "people": people_met(registration)}
    )


@login_required
@require_POST
def contact_request_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    other = attendee_get(event=event, pk=int(request.POST.get("recipient") or 0))
    try:
        services.contact_request(access=access, event=event, recipient=other)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s was asked; you see each other's e-mail once they accept.") % {"name": other.name},
        )
    return redirect("events:met", pk=event.pk)


@login_required
@require_POST
def contact_answer_view(request: AuthenticatedHttpRequest, contact_pk: int) -> HttpResponse:
    access = access_for(request.user)
    contact = get_object_or_404(ContactRequest.objects.select_related("event"), pk=contact_pk)
    event_get(access=access, pk=contact.event_id)  # 404 for those the event is not open to
    accept = request.POST.get("action") == "accept"
    try:
        services.contact_answer(access=access, contact=contact, accept=accept)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You now see each other's e-mail.") if accept else _("The request was declined.")
        )
    return redirect("events:met", pk=contact.event_id)
