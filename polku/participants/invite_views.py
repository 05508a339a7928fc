""" "Invite to Polku" pages: one participant from their page, many from the participant list (the rows
ticked, or everyone in the filtered list without a log-in) or from a confirmed import."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for, coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import ApplicationError
from polku.participants.forms import ParticipantFilterForm
from polku.participants.invitations import InviteCounts, participant_invite, participant_invite_many
from polku.participants.models import Participation
from polku.participants.selectors import participation_get, participation_list


@login_required
@require_POST
def participant_invite_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    if not access.can_manage_partner(participation.partner_id):
        raise Http404  # the person themselves sees their participation, but is not asked about it here
    try:
        invitation = participant_invite(actor=request.user, access=access, participation=participation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("An invitation to Polku was sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("participants:detail", pk=participation.pk)


def counts_message(counts: InviteCounts) -> str:
    """How many invitations went out and how many people were skipped, and why."""
    parts = [
        ngettext("%(n)s invitation sent.", "%(n)s invitations sent.", counts.sent) % {"n": counts.sent},
    ]
    if counts.with_login:
        parts.append(
            ngettext(
                "%(n)s person has a log-in already.", "%(n)s people have a log-in already.", counts.with_login
            )
            % {"n": counts.with_login}
        )
    if counts.without_email:
        parts.append(
            ngettext(
                "%(n)s person has no e-mail address.",
                "%(n)s people have no e-mail address.",
                counts.without_email,
            )
            % {"n": counts.without_email}
        )
    return " ".join(parts)


@login_required
@require_POST
def participant_invite_many_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators invite participants."))
    form = ParticipantFilterForm(request.POST, access=access)
    if request.POST.get("all"):
        listed = participation_list(access=access, filters=form.filters()).filter(person__user__isnull=True)
        rows = Participation.objects.filter(pk__in=listed.values("pk"))
    else:
        ids = {int(value) for value in request.POST.getlist("ids") if value.isdigit()}
        rows = Participation.objects.filter(access.participation_filter(), pk__in=ids)
        if len(ids) != rows.count():
            raise Http404  # a participation the reader does not see: not theirs to know about
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("participants:list") + (f"?{form.querystring()}" if form.querystring() else "")
    participations = rows.select_related("person", "project", "partner").order_by("pk")
    if not request.POST.get("all") and not participations:
        messages.error(request, _("Choose the participants to invite."))
        return redirect(back)
    counts = participant_invite_many(actor=request.user, access=access, participations=participations)
    messages.success(request, counts_message(counts))
    return redirect(back)


@login_required
@require_POST
def participant_export_chosen_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The chosen rows of the participant list as a CSV file (UTF-8 with BOM, so spreadsheets read it);
    each person's row is a read of their data in the audit log."""
    access = coordinator_access(request.user, refusal=_("Only coordinators export participants."))
    ids = {int(value) for value in request.POST.getlist("ids") if value.isdigit()}
    rows = list(
        Participation.objects.filter(access.participation_filter(), pk__in=ids)
        .select_related("person", "project", "partner__organisation")
        .order_by("person__last_name", "person__first_name")
    )
    if len(rows) != len(ids):
        raise Http404
    if not rows:
        messages.error(request, _("Choose at least one participant on the list."))
        return redirect("participants:list")
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    fields = ["first_name", "last_name", "email", "phone"]
    writer.writerow(
        [
            _("First name"),
            _("Last name"),
            _("E-mail"),
            _("Phone"),
            _("Project"),
            _("Partner"),
            _("Entry date"),
            _("Exit date"),
        ]
    )
    for row in rows:
        person = row.person
        writer.writerow(
            [
                person.first_name,
                person.last_name,
                person.email,
                person.phone,
                row.project.name,
                row.partner.organisation.name,
                row.entry_date.isoformat(),
                row.exit_date.isoformat() if row.exit_date else "",
            ]
        )
        audit_record(
            actor=request.user,
            action=AuditEvent.Action.READ,
            obj=person,
            person_id=person.pk,
            partner_id=row.partner_id,
            fields=fields,
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="participants.csv"'
    return response
