"""Employers pages: coordinators (employers, needs, candidates, introductions, the cooperation log, batch
placement of internships), employer representatives (their needs, blind candidates, introductions) and
participants (opportunities that fit them, introduction requests to approve). Access decides in the
selectors and services; a row outside the reader's reach is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.employers import assignment, selectors, services
from polku.employers.forms import (
    DecisionForm,
    EmployerForm,
    EntryForm,
    InviteForm,
    NeedForm,
    ProposeForm,
    RecordForm,
    SkillDecisionForm,
    StartForm,
    StatusForm,
    need_initial,
)
from polku.employers.models import Employer, Introduction, NeedSkill, TalentNeed
from polku.participants.models import Person
from polku.projects.models import Partner
from polku.projects.selectors import project_get


def _language() -> str:
    return (get_language() or "en")[:2]


def _page(
    request: AuthenticatedHttpRequest, template: str, context: dict[str, Any], ok: bool = True
) -> TemplateResponse:
    return TemplateResponse(request, template, context, status=response_status(request, ok))


def _partners(access: Access) -> Any:
    rows = Partner.objects.select_related("organisation", "project")
    if not access.is_admin:
        rows = rows.filter(
            Q(pk__in=access.coordinator_partner_ids) | Q(project_id__in=access.lead_project_ids)
        )
    return rows.order_by("project__name", "organisation__name")


# --- employers ---------------------------------------------------------------------------------------------


@login_required
def index_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    staff = access.is_admin or bool(access.lead_project_ids or access.coordinator_project_ids)
    if not staff and (request.method == "POST" or not access.is_employer_representative()):
        raise Http404
    employers = list(selectors.employer_list(access=access))
    if not staff and len(employers) == 1:
        return redirect("employers:employer", pk=employers[0].pk)
    form = EmployerForm(request.POST or None, partners=_partners(access)) if staff else None
    if form is not None and request.method == "POST" and form.is_valid():
        partner = form.cleaned_data["partner"]
        try:
            employer = services.employer_add(
                actor=request.user,
                access=access,
                project=partner.project,
                partner=partner,
                name=form.cleaned_data["name"],
                business_id=form.cleaned_data["business_id"],
                country=form.cleaned_data["country"],
                website=form.cleaned_data["website"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The employer was added."))
            return redirect("employers:employer", pk=employer.pk)
    context = {
        "employers": employers,
        "form": form,
        "forms": (form,) if form else (),
        "projects": selectors.manageable_projects(access=access) if staff else [],
    }
    return _page(request, "employers/index.html", context, request.method != "POST")


def _employer_context(
    request: AuthenticatedHttpRequest, access: Access, employer: Employer
) -> dict[str, Any]:
    manage = selectors.can_manage(access, employer)
    return {
        "employer": employer,
        "needs": selectors.need_list(employer=employer),
        "entries": selectors.cooperation_list(employer=employer) if manage else [],
        "representatives": employer.representatives.select_related("user") if manage else [],
        "can_manage": manage,
        "can_act": selectors.can_act(access, employer),
        "invite_form": InviteForm(),
        "entry_form": EntryForm(initial={"happened_on": timezone.localdate()}),
        "today": timezone.localdate(),
    }


@login_required
def employer_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    employer = selectors.employer_get(access=access, pk=pk)
    return TemplateResponse(request, "employers/employer.html", _employer_context(request, access, employer))


@login_required
@require_POST
def invite_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    employer = selectors.employer_get(access=access, pk=pk)
    if not selectors.can_manage(access, employer):
        raise Http404
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.representative_invite(
                actor=request.user, access=access, employer=employer, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The invitation was sent."))
            return redirect("employers:employer", pk=employer.pk)
    context = _employer_context(request, access, employer) | {"invite_form": form, "forms": (form,)}
    return _page(request, "employers/employer.html", context, False)


@login_required
@require_POST
def entry_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    employer = selectors.employer_get(access=access, pk=pk)
    if not selectors.can_manage(access, employer):
        raise Http404
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            services.cooperation_add(
                actor=request.user, access=access, employer=employer, data=form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The contact was logged."))
            return redirect(reverse("employers:employer", args=[employer.pk]) + "#log")
    context = _employer_context(request, access, employer) | {"entry_form": form, "forms": (form,)}
    return _page(request, "employers/employer.html", context, False)


@login_required
@require_POST
def follow_up_done_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    entry = selectors.cooperation_entry_get(access=access, pk=pk)
    services.follow_up_done(actor=request.user, access=access, entry=entry)
    messages.success(request, _("Marked as followed up."))
    return redirect(reverse("employers:employer", args=[entry.employer_id]) + "#log")


# --- needs ---------------------------------------------------------------------------------------------------


@login_required
def need_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    employer = selectors.employer_get(access=access, pk=pk)
    if not selectors.can_act(access, employer):
        raise Http404
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.need_create(
                actor=request.user,
                access=access,
                employer=employer,
                data=form.cleaned_data,
                languages=form.languages(),
                open_now=form.cleaned_data["open_now"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(
                request, _("The need was saved. Next, suggest its skills from the text and confirm them.")
            )
            return redirect("employers:need", pk=need.pk)
    context = {"form": form, "forms": (form,), "employer": employer, "title": _("New talent need")}
    return _page(request, "employers/need_form.html", context, request.method != "POST")


@login_required
def need_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    need = selectors.need_get(access=access, pk=pk)
    if not selectors.can_act(access, need.employer):
        raise Http404
    form = NeedForm(request.POST or None, initial=need_initial(need))
    form.fields.pop("open_now")
    if request.method == "POST" and form.is_valid():
        try:
            services.need_update(
                actor=request.user,
                access=access,
                need=need,
                data=form.cleaned_data,
                languages=form.languages(),
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The need was saved."))
            return redirect("employers:need", pk=need.pk)
    context = {
        "form": form,
        "forms": (form,),
        "employer": need.employer,
        "need": need,
        "title": _("Edit the need"),
    }
    return _page(request, "employers/need_form.html", context, request.method != "POST")


def _need_context(access: Access, need: TalentNeed) -> dict[str, Any]:
    today = timezone.localdate()
    act = selectors.can_act(access, need.employer)
    candidates = (
        selectors.need_candidates(need=need, language=_language(), today=today)
        if act and need.status == TalentNeed.Status.OPEN
        else []
    )
    return {
        "need": need,
        "employer": need.employer,
        "skills": selectors.need_skill_rows(need=need, language=_language()),
        "languages": selectors.need_language_rows(need=need),
        "can_act": act,
        "candidates": candidates,
        "status_form": StatusForm(initial={"status": need.status}),
        "propose_form": ProposeForm(),
    }


@login_required
def need_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    need = selectors.need_get(access=access, pk=pk)
    return TemplateResponse(request, "employers/need.html", _need_context(access, need))


@login_required
@require_POST
def need_status_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    need = selectors.need_get(access=access, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.need_set_status(
                actor=request.user, access=access, need=need, status=form.cleaned_data["status"]
            )
        except ApplicationError as error:
            messages.error(
                request, " ".join(m for ms in error.field_errors.values() for m in ms) or error.message
            )
        else:
            messages.success(request, _("The status was changed."))
    return redirect("employers:need", pk=need.pk)


@login_required
@require_POST
def need_suggest_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    need = selectors.need_get(access=access, pk=pk)
    found = services.need_suggest_skills(actor=request.user, access=access, need=need, language=_language())
    messages.success(request, _("Skills suggested from the text: %(n)s.") % {"n": found})
    return redirect(reverse("employers:need", args=[need.pk]) + "#skills")


@login_required
@require_POST
def need_skills_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    need = selectors.need_get(access=access, pk=pk)
    ids = list(NeedSkill.objects.filter(need=need).values_list("pk", flat=True))
    form = SkillDecisionForm(request.POST, ids=ids)
    if form.is_valid():
        services.need_skills_decide(
            actor=request.user,
            access=access,
            need=need,
            confirm=form.cleaned_data["confirm"],
            nice_to_have=form.cleaned_data["nice"],
            remove=form.cleaned_data["remove"],
        )
        messages.success(request, _("The skills were saved."))
    return redirect(reverse("employers:need", args=[need.pk]) + "#skills")


@login_required
@require_POST
def need_propose_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Ask for an introduction of a blind candidate (by their reference for this employer)."""
    access = access_for(request.user)
    need = selectors.need_get(access=access, pk=pk)
    if not selectors.can_act(access, need.employer):
        raise Http404
    form = ProposeForm(request.POST)
    if form.is_valid():
        participation = selectors.candidate_by_ref(need=need, ref=form.cleaned_data["candidate"])
        try:
            services.introduction_propose(
                actor=request.user,
                access=access,
                need=need,
                participation=participation,
                message=form.cleaned_data["message"],
            )
        except ApplicationError as error:
            messages.error(
                request, " ".join(m for ms in error.field_errors.values() for m in ms) or error.message
            )
        else:
            messages.success(
                request, _("The introduction was asked for. The candidate decides whether to accept.")
            )
    return redirect(reverse("employers:need", args=[need.pk]) + "#candidates")


# --- introductions ----------------------------------------------------------------------------------------


@login_required
def introductions_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    rows = list(selectors.introduction_list(access=access)[:200])
    items = [(i, selectors.sees_identity(access, i)) for i in rows]
    return TemplateResponse(request, "employers/introductions.html", {"items": items})


def _introduction_context(
    request: AuthenticatedHttpRequest, access: Access, introduction: Introduction
) -> dict[str, Any]:
    identity = selectors.sees_identity(access, introduction)
    contact = (
        selectors.introduction_contact(access=access, actor=request.user, pk=introduction.pk)
        if identity
        else None
    )
    profile = None
    if not identity:
        profile = selectors.blind_profile(
            participation=introduction.participation,
            employer_id=introduction.employer_id,
            language=_language(),
            today=timezone.localdate(),
        )
    participation = introduction.participation
    return {
        "introduction": introduction,
        "contact": contact,
        "profile": profile,
        "can_record": introduction.status == Introduction.Status.APPROVED
        and (
            access.can_manage_partner(participation.partner_id)
            or selectors.can_act(access, introduction.employer)
        ),
        "can_start": introduction.status == Introduction.Status.APPROVED
        and introduction.started_on is None
        and access.can_manage_partner(participation.partner_id),
        "record_form": RecordForm(
            initial={"interview_on": introduction.interview_on, "result": introduction.result}
        ),
        "start_form": StartForm(initial={"started_on": timezone.localdate()}),
    }


@login_required
def introduction_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    introduction = selectors.introduction_get(access=access, pk=pk)
    return TemplateResponse(
        request, "employers/introduction.html", _introduction_context(request, access, introduction)
    )


@login_required
@require_POST
def introduction_record_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    introduction = selectors.introduction_get(access=access, pk=pk)
    form = RecordForm(request.POST)
    if form.is_valid():
        try:
            services.introduction_record(
                actor=request.user, access=access, introduction=introduction, data=form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Saved."))
            return redirect("employers:introduction", pk=introduction.pk)
    context = _introduction_context(request, access, introduction) | {"record_form": form, "forms": (form,)}
    return _page(request, "employers/introduction.html", context, False)


@login_required
@require_POST
def introduction_start_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    introduction = selectors.introduction_get(access=access, pk=pk)
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            services.placement_start(
                actor=request.user,
                access=access,
                introduction=introduction,
                started_on=form.cleaned_data["started_on"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The start was recorded as an outcome of the participant."))
            return redirect("employers:introduction", pk=introduction.pk)
    context = _introduction_context(request, access, introduction) | {"start_form": form, "forms": (form,)}
    return _page(request, "employers/introduction.html", context, False)


# --- batch placement of internships ---------------------------------------------------------------------------


@login_required
def assign_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    if not access.can_manage_employers(project.pk):
        raise Http404
    plan = assignment.internship_plan(access=access, project=project, language=_language())
    if request.method == "POST":
        made = assignment.plan_propose(actor=request.user, access=access, project=project, plan=plan)
        messages.success(request, _("Introductions proposed: %(n)s.") % {"n": made})
        return redirect("employers:assign", code=project.code)
    return TemplateResponse(request, "employers/assign.html", {"project": project, "plan": plan})


# --- the participant's side ----------------------------------------------------------------------------------


def _own_person(access: Access) -> Person:
    if access.person_id is None:
        raise Http404
    return get_object_or_404(Person, pk=access.person_id)


@login_required
def mine_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    person = _own_person(access)
    rows = [
        {
            "participation": participation,
            "opted_in": opted_in,
            "opportunities": selectors.opportunities(participation=participation, language=_language())
            if opted_in
            else [],
        }
        for participation, opted_in in selectors.person_candidacies(person=person)
    ]
    waiting = [
        i for i in selectors.person_introductions(person=person) if i.status == Introduction.Status.PROPOSED
    ]
    return TemplateResponse(request, "employers/mine.html", {"rows": rows, "waiting": waiting})


@login_required
@require_POST
def mine_choice_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Opt in to be found by the employers of a project, or withdraw (at once)."""
    access = access_for(request.user)
    person = _own_person(access)
    participation = get_object_or_404(person.participations.all(), pk=pk)
    if request.POST.get("choice") == "in":
        try:
            services.employers_opt_in(
                actor=request.user, person=person, participation=participation, language=_language()
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Employers of the project can now find your profile, without your name.")
            )
    else:
        services.employers_opt_out(actor=request.user, person=person, participation=participation)
        messages.success(request, _("Employers no longer find your profile."))
    return redirect("employers:mine")


@login_required
def mine_introductions_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    person = _own_person(access)
    return TemplateResponse(
        request,
        "employers/mine_introductions.html",
        {"introductions": selectors.person_introductions(person=person), "decision_form": DecisionForm()},
    )


@login_required
@require_POST
def mine_decide_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    introduction = selectors.own_introduction(access=access, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.introduction_decide(
                actor=request.user, access=access, introduction=introduction, approve=approve
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("You approved: the employer now sees your name and contact details.")
                if approve
                else _("You declined: this employer is not proposed to you again."),
            )
    return redirect("employers:mine_introductions")
