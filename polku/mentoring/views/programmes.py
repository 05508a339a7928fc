"""Mentoring pages of the staff: the programme list (with counts for evaluators too), and for those who
run a programme its page, mentees, matching runs, proposals and publishing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import response_status
from polku.mentoring import selectors, services
from polku.mentoring.forms import (
    AddPairForm,
    MenteeAddForm,
    ProgrammeForm,
    RunForm,
    criterion_labels,
)
from polku.mentoring.models import MenteeRequest, MentoringProgramme, MentorProfile
from polku.participants.forms import apply_field_errors
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

# --- coordinators: programmes -----------------------------------------------------------------


@login_required
def programme_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_view_mentoring_programmes():
        raise AccessDenied(_("Mentoring programmes are shown to coordinators, project leads and evaluators."))
    programmes = list(selectors.programme_list(access=access))
    for programme in programmes:
        programme.can_manage = access.can_manage_mentoring_programme(  # type: ignore[attr-defined]
            programme.project_id, programme.partner_id
        )
    projects = Project.objects.filter(access.mentoring_project_filter())
    return TemplateResponse(
        request,
        "mentoring/programme_list.html",
        {"programmes": programmes, "projects": projects.order_by("code")},
    )


def _partner_choices(access: Access, project: Project) -> list[tuple[int | str, str]]:
    choices: list[tuple[int | str, str]] = []
    if access.can_manage_mentoring_programme(project.pk, None):
        choices.append(("", _("The whole project")))
    for partner in Partner.objects.filter(project=project).select_related("organisation"):
        if access.can_manage_mentoring_programme(project.pk, partner.pk):
            choices.append((partner.pk, partner.organisation.name))
    return choices


@login_required
def programme_create_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access = access_for(request.user)
    project = get_object_or_404(Project, code=code)
    choices = _partner_choices(access, project)
    if not choices:
        raise AccessDenied(_("Only the project's coordinators can create mentoring programmes."))
    form = ProgrammeForm(request.POST or None, partners=choices)
    if request.method == "POST" and form.is_valid():
        data = form.programme_data()
        partner_id = data.pop("partner")
        data.pop("status")
        try:
            programme = services.programme_create(
                access=access,
                project=project,
                partner=Partner.objects.filter(pk=partner_id).first() if partner_id else None,
                **data,
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Programme created."))
            return redirect("mentoring:programme", programme.pk)
    return TemplateResponse(
        request,
        "mentoring/form.html",
        {
            "title": _("New mentoring programme"),
            "form": form,
            "forms": (form,),
            "back": "mentoring:programmes",
        },
        status=response_status(request, form_ok=False),
    )


@login_required
def programme_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    programme = selectors.programme_get(access=access, pk=pk)
    initial = {
        "partner": programme.partner_id or "",
        **{n: getattr(programme, n) for n in services.PROGRAMME_FIELDS if n != "weights"},
        **{f"weight_{k}": v for k, v in (programme.weights or {}).items()},
    }
    form = ProgrammeForm(
        request.POST or None,
        initial=initial,
        partners=[
            (
                programme.partner_id or "",
                str(programme.partner.organisation.name if programme.partner else _("The whole project")),
            )
        ],
    )
    if request.method == "POST" and form.is_valid():
        data = form.programme_data()
        data.pop("partner")
        try:
            services.programme_update(access=access, programme=programme, data=data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Programme saved."))
            return redirect("mentoring:programme", programme.pk)
    return TemplateResponse(
        request,
        "mentoring/form.html",
        {"title": _("Edit programme"), "form": form, "forms": (form,), "programme": programme},
        status=response_status(request, form_ok=False),
    )


def _participant_choices(access: Access, programme: MentoringProgramme) -> list[tuple[int, str]]:
    joined = MenteeRequest.objects.filter(programme=programme).values("participation_id")
    rows = Participation.objects.filter(
        access.participation_filter(), project_id=programme.project_id, exit_date__isnull=True
    )
    if programme.partner_id:
        rows = rows.filter(partner_id=programme.partner_id)
    rows = (
        rows.exclude(pk__in=joined)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")[:500]
    )
    return [(p.pk, p.person.full_name) for p in rows]


@login_required
def programme_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    programme = selectors.programme_get(access=access, pk=pk)
    mentors = selectors.programme_mentors(programme)
    add_form = MenteeAddForm(
        request.POST or None,
        participants=_participant_choices(access, programme),
        mentors=[(m.pk, str(m)) for m in mentors],
    )
    if request.method == "POST" and add_form.is_valid():
        data = dict(add_form.cleaned_data)
        participation = get_object_or_404(
            Participation.objects.filter(access.participation_filter()), pk=data.pop("participation")
        )
        try:
            services.mentee_join(
                actor=request.user,
                access=access,
                programme=programme,
                participation=participation,
                wished_mentor_ids=data.pop("wished_mentors", []),
                **data,
            )
        except ApplicationError as error:
            apply_field_errors(error, add_form)
        else:
            messages.success(request, _("Mentee added."))
            return redirect("mentoring:programme", programme.pk)
    context = {
        "programme": programme,
        "mentees": selectors.mentee_list(access=access, programme=programme),
        "hidden_mentees": selectors.hidden_mentee_count(access=access, programme=programme),
        "mentors": mentors,
        "relationships": selectors.relationship_list(access=access, programme=programme),
        "runs": selectors.run_list(programme=programme),
        "run_form": RunForm(),
        "add_form": add_form,
        "add_forms": (add_form,),
    }
    return TemplateResponse(
        request, "mentoring/programme_detail.html", context, status=response_status(request, form_ok=False)
    )


@login_required
@require_POST
def run_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    programme = selectors.programme_get(access=access, pk=pk)
    form = RunForm(request.POST)
    objective = form.cleaned_data["objective"] if form.is_valid() else "total"
    try:
        run = services.matching_run(
            actor=request.user, access=access, programme=programme, objective=objective
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("mentoring:programme", programme.pk)
    return redirect("mentoring:run", run.pk)


@login_required
def run_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    run = selectors.run_get(access=access, pk=pk)
    mentees, mentors = selectors.unmatched(access=access, run=run)
    add_form = AddPairForm(
        request.POST or None,
        mentees=[(m.pk, str(m)) for m in mentees],
        mentors=[(p.pk, str(p)) for p in mentors],
    )
    if request.method == "POST" and add_form.is_valid():
        try:
            services.proposal_add(
                access=access,
                run=run,
                mentee=selectors.mentee_get(
                    access=access, programme=run.programme, pk=add_form.cleaned_data["mentee"]
                ),
                mentor=get_object_or_404(MentorProfile, pk=add_form.cleaned_data["mentor"]),
            )
        except ApplicationError as error:
            add_form.add_error(None, error.message)
        else:
            messages.success(request, _("Pair added."))
            return redirect("mentoring:run", run.pk)
    context = {
        "run": run,
        "programme": run.programme,
        "proposals": selectors.proposal_list(access=access, actor=request.user, run=run),
        "add_form": add_form,
        "add_forms": (add_form,),
        "can_add": bool(mentees and mentors),
        "labels": criterion_labels(),
    }
    return TemplateResponse(
        request, "mentoring/run_detail.html", context, status=response_status(request, form_ok=False)
    )


@login_required
@require_POST
def proposal_remove_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    proposal = selectors.proposal_get(access=access, pk=pk)
    try:
        services.proposal_remove(access=access, proposal=proposal)
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("mentoring:run", proposal.run_id)


@login_required
@require_POST
def run_publish_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    run = selectors.run_get(access=access, pk=pk)
    try:
        created = services.run_publish(actor=request.user, access=access, run=run)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("mentoring:run", run.pk)
    messages.success(
        request,
        ngettext(
            "Published: %(n)s pair was asked to accept.",
            "Published: %(n)s pairs were asked to accept.",
            len(created),
        )
        % {"n": len(created)},
    )
    return redirect("mentoring:programme", run.programme_id)
