"""Pages: the coordinator's rounds (form, move with live scores, publish) and a member's own peer group."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.participants.models import Participation
from polku.peergroups import services
from polku.peergroups.forms import RoundForm
from polku.peergroups.models import PeerGroupMeeting
from polku.peergroups.selectors import (
    my_groups,
    open_rounds,
    round_candidates,
    round_get,
    round_list,
    round_meetings,
    round_scores,
)
from polku.projects.models import Partner


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@login_required
def round_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.can_manage_peer_groups():
        raise AccessDenied(_("Peer-group rounds are for coordinators."))
    partners = Partner.objects.filter(access.peer_round_filter("pk")).select_related(
        "organisation", "project"
    )
    if request.method == "POST" and not partners.filter(pk=_int(request.POST.get("partner"))).exists():
        raise AccessDenied(_("Only the partner's coordinators manage its peer-group rounds."))
    form = RoundForm(request.POST if request.method == "POST" else None, partners=partners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            peer_round = services.round_create(
                actor=request.user,
                access=access,
                partner=data["partner"],
                name=data["name"].strip() or _("Peer groups"),
                group_size=data["group_size"],
                min_language_level=data["min_language_level"] or "B1",
                attributes=data["attributes"],
            )
        except ApplicationError as error:
            if error.field_errors:
                apply_field_errors(error, form)
            else:
                form.add_error(None, str(error))
        else:
            return redirect("peergroups:detail", pk=peer_round.pk)
    return TemplateResponse(
        request,
        "peergroups/round_list.html",
        {"rounds": round_list(access=access), "form": form, "forms": [form]},
        status=response_status(request, not form.errors),
    )


def _detail(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    peer_round = round_get(access=access, pk=pk)
    scores = round_scores(peer_round=peer_round)
    template = "peergroups/round_detail.html"
    if request.htmx:
        template += "#groups"
    candidates = round_candidates(peer_round=peer_round)
    addable = (
        Participation.objects.filter(partner=peer_round.partner, exit_date__isnull=True)
        .exclude(peer_group_opt_ins__round=peer_round)
        .select_related("person")
    )
    meeting_groups = []
    if scores is not None and not peer_round.is_draft and not request.htmx:
        meetings = round_meetings(actor=request.user, peer_round=peer_round)
        meeting_groups = [(g, meetings.get(g.group.number, [])) for g in scores.groups]
    return TemplateResponse(
        request,
        template,
        {
            "round": peer_round,
            "scores": scores,
            "meeting_groups": meeting_groups,
            "candidates": candidates,
            "addable": addable,
        },
    )


@login_required
def round_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


@login_required
@require_POST
def round_action_view(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    access = access_for(request.user)
    peer_round = round_get(access=access, pk=pk)
    try:
        if action == "form":
            services.round_form(actor=request.user, access=access, peer_round=peer_round)
        elif action == "move":
            services.round_move(
                actor=request.user,
                access=access,
                peer_round=peer_round,
                participation_id=int(request.POST.get("participation") or 0),
                group_number=int(request.POST.get("group") or 0),
            )
        elif action == "publish":
            services.round_publish(actor=request.user, access=access, peer_round=peer_round)
            messages.success(request, _("The round is published and its members are told."))
        elif action == "meeting":
            group = get_object_or_404(peer_round.groups, number=int(request.POST.get("group") or 0))
            starts_at = parse_datetime(request.POST.get("starts_at") or "")
            if starts_at is None:
                raise ApplicationError(_("Give the meeting's date and time."))
            if timezone.is_naive(starts_at):
                starts_at = timezone.make_aware(starts_at)
            services.meeting_create(
                access=access,
                group=group,
                starts_at=starts_at,
                place=(request.POST.get("place") or "")[:200],
                topic=(request.POST.get("topic") or "")[:200],
            )
        elif action == "attendance":
            meeting = get_object_or_404(
                PeerGroupMeeting, pk=int(request.POST.get("meeting") or 0), group__round=peer_round
            )
            present = {int(x) for x in request.POST.getlist("present")}
            for m in meeting.group.memberships.all():
                services.attendance_record(
                    actor=request.user,
                    access=access,
                    meeting=meeting,
                    participation_id=m.participation_id,
                    present=m.participation_id in present,
                )
            messages.success(request, _("Attendance saved."))
        elif action == "add":
            participation = get_object_or_404(
                Participation, pk=int(request.POST.get("participation") or 0), partner=peer_round.partner
            )
            services.round_opt_in(
                actor=request.user, access=access, peer_round=peer_round, participation=participation
            )
    except (ApplicationError, ValueError) as error:
        messages.error(request, str(error))
    if request.htmx and action == "move":
        return _detail(request, pk)
    return redirect("peergroups:detail", pk=pk)


@login_required
def mine_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.can_join_peer_groups():
        return TemplateResponse(
            request, "peergroups/mine.html", {"groups": [], "open_rounds": []}, status=403
        )
    if request.method == "POST":
        peer_round = get_object_or_404(open_rounds(access=access), pk=int(request.POST.get("round") or 0))
        participation = get_object_or_404(
            Participation, person_id=access.person_id, partner_id=peer_round.partner_id
        )
        try:
            services.round_opt_in(
                actor=request.user, access=access, peer_round=peer_round, participation=participation
            )
            messages.success(request, _("You are in the pool for the next peer groups."))
        except ApplicationError as error:
            messages.error(request, str(error))
        return redirect("peergroups:mine")
    return TemplateResponse(
        request,
        "peergroups/mine.html",
        {"groups": my_groups(access=access), "open_rounds": open_rounds(access=access)},
    )


@login_required
@require_POST
def reflection_view(request: AuthenticatedHttpRequest, meeting_pk: int) -> HttpResponse:
    access = access_for(request.user)
    meeting = get_object_or_404(
        PeerGroupMeeting.objects.filter(group__in=my_groups(access=access)), pk=meeting_pk
    )
    try:
        services.reflection_write(
            actor=request.user, access=access, meeting=meeting, text=request.POST.get("text", "")
        )
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("peergroups:mine")
