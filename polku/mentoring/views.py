"""Mentoring pages: programmes and matching for coordinators, the profile and mentees for mentors,
"my mentoring" for participants, and the page of one mentorship for the pair (and, without notes, the
coordinator)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.accounts.models import Role
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentoring import selectors, services
from polku.mentoring.forms import (
    AddPairForm,
    FeedbackForm,
    GoalForm,
    GoalStatusForm,
    MenteeAddForm,
    MenteeRequestForm,
    MentorProfileForm,
    ProgrammeForm,
    RatingForm,
    RunForm,
    SessionForm,
    criterion_labels,
)
from polku.mentoring.models import Goal, MenteeRequest, MentoringProgramme, MentorProfile, Mentorship
from polku.participants.forms import apply_field_errors
from polku.participants.models import Participation
from polku.projects.models import Partner, Project


def _status(request: HttpRequest) -> int:
    return 400 if request.method == "POST" else 200


# --- coordinators: programmes -----------------------------------------------------------------


@login_required
def programme_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not (
        access.is_admin
        or access.coordinator_partner_ids
        or access.lead_project_ids
        or access.evaluator_project_ids
    ):
        raise AccessDenied(_("Mentoring programmes are shown to coordinators, project leads and evaluators."))
    programmes = list(selectors.programme_list(access=access))
    for programme in programmes:
        programme.can_manage = services.can_manage_programme(access, programme)  # type: ignore[attr-defined]
    projects = Project.objects.filter(pk__in=access.lead_project_ids | access.coordinator_project_ids)
    if access.is_admin:
        projects = Project.objects.all()
    return TemplateResponse(
        request,
        "mentoring/programme_list.html",
        {"programmes": programmes, "projects": projects.order_by("code")},
    )


def _partner_choices(access: Any, project: Project) -> list[tuple[int | str, str]]:
    choices: list[tuple[int | str, str]] = []
    if access.can_manage_project(project.pk):
        choices.append(("", _("The whole project")))
    for partner in Partner.objects.filter(project=project).select_related("organisation"):
        if access.can_manage_activity(project.pk, partner.pk):
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
        status=_status(request),
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
        status=_status(request),
    )


def _participant_choices(access: Any, programme: MentoringProgramme) -> list[tuple[int, str]]:
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
    mentors = services.programme_mentors(programme)
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
        "mentors": mentors,
        "relationships": selectors.relationship_list(access=access, programme=programme),
        "runs": selectors.run_list(programme=programme),
        "run_form": RunForm(),
        "add_form": add_form,
        "add_forms": (add_form,),
    }
    return TemplateResponse(request, "mentoring/programme_detail.html", context, status=_status(request))


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
    mentees, mentors = selectors.unmatched(run=run)
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
                mentee=get_object_or_404(
                    MenteeRequest, pk=add_form.cleaned_data["mentee"], programme=run.programme
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
        "proposals": selectors.proposal_list(actor=request.user, run=run),
        "add_form": add_form,
        "add_forms": (add_form,),
        "can_add": bool(mentees and mentors),
        "labels": criterion_labels(),
    }
    return TemplateResponse(request, "mentoring/run_detail.html", context, status=_status(request))


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


# --- mentors ----------------------------------------------------------------------------------


@login_required
def mentor_profile_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not (access.is_admin or Role.MENTOR in access.roles):
        raise AccessDenied(_("Only mentors have a mentor profile."))
    profile = selectors.mentor_profile_of(user=request.user)
    initial = (
        {n: getattr(profile, n) for n in services.PROFILE_FIELDS}
        if profile
        else {"capacity": 2, "is_available": True}
    )
    form = MentorProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.mentor_profile_save(actor=request.user, access=access, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Your mentor profile is saved."))
            return redirect("mentoring:mine")
    return TemplateResponse(
        request,
        "mentoring/form.html",
        {"title": _("My mentor profile"), "form": form, "forms": (form,), "back": "mentoring:mine"},
        status=_status(request),
    )


# --- my mentoring (participants and mentors) --------------------------------------------------


@login_required
def my_mentoring_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    is_mentor = Role.MENTOR in access.roles
    if not (access.is_participant or is_mentor):
        raise AccessDenied(_("This page is for participants and mentors."))
    mine = selectors.my_mentorships(access=access)
    context = {
        "as_mentee": mine["mentee"],
        "as_mentor": mine["mentor"],
        "programmes": selectors.open_programmes_for(access=access),
        "is_mentor": is_mentor,
        "profile": selectors.mentor_profile_of(user=request.user) if is_mentor else None,
    }
    return TemplateResponse(request, "mentoring/mine.html", context)


@login_required
def programme_join_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    programme, participation = selectors.programme_for_participant(access=access, pk=pk)
    mentee = selectors.own_mentee_request(access=access, programme=programme)
    mentors = services.programme_mentors(programme)
    initial: dict[str, Any] = {}
    if mentee is not None:
        initial = {
            n: getattr(mentee, n)
            for n in ("kind", "skills", "industries", "availability", "employer", "wishes")
        }
        initial["wished_mentors"] = list(mentee.wished_mentors.values_list("pk", flat=True))
    form = MenteeRequestForm(request.POST or None, initial=initial, mentors=[(m.pk, str(m)) for m in mentors])
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
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
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Thank you. Your wishes are saved."))
            if programme.mode == MentoringProgramme.Mode.SELF_SERVICE:
                return redirect("mentoring:choose", programme.pk)
            return redirect("mentoring:mine")
    return TemplateResponse(
        request,
        "mentoring/form.html",
        {
            "title": _("Join %(programme)s") % {"programme": programme.name},
            "form": form,
            "forms": (form,),
            "back": "mentoring:mine",
        },
        status=_status(request),
    )


@login_required
def choose_mentor_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Self-service: the mentors ranked for this participant, with the reasons; asking one takes a seat."""
    access = access_for(request.user)
    programme, _participation = selectors.programme_for_participant(access=access, pk=pk)
    mentee = selectors.own_mentee_request(access=access, programme=programme)
    if programme.mode != MentoringProgramme.Mode.SELF_SERVICE:
        raise Http404
    if mentee is None:
        return redirect("mentoring:join", programme.pk)
    if request.method == "POST":
        mentor = get_object_or_404(MentorProfile, pk=request.POST.get("mentor", 0) or 0)
        try:
            mentorship = services.mentor_request(
                actor=request.user, access=access, mentee=mentee, mentor=mentor
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your request was sent to the mentor."))
            return redirect("mentoring:mentorship", mentorship.pk)
    context = {
        "programme": programme,
        "ranked": selectors.ranked_mentors(mentee=mentee),
        "labels": criterion_labels(),
    }
    return TemplateResponse(request, "mentoring/choose.html", context)


@login_required
def mentorship_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    view = selectors.mentorship_get(access=access, actor=request.user, pk=pk)
    mentorship = view.mentorship
    context: dict[str, Any] = {
        "view": view,
        "m": mentorship,
        "labels": criterion_labels(),
        "goals": list(mentorship.goals.all()),
        "feedback": list(mentorship.feedback.all()),
    }
    if view.side:
        answered = getattr(mentorship, f"{view.side}_response") != Mentorship.Response.WAITING
        context.update(
            can_answer=mentorship.status == Mentorship.Status.PENDING and not answered,
            session_form=SessionForm(),
            goal_form=GoalForm(),
            goal_status_form=GoalStatusForm,
            close_form=FeedbackForm(),
            checkins=list(selectors.open_checkins(mentorship=mentorship, side=view.side)),
            gave_feedback=any(f.side == view.side for f in context["feedback"]),
        )
    else:
        context["can_close"] = mentorship.status == Mentorship.Status.ACTIVE
    return TemplateResponse(request, "mentoring/mentorship.html", context)


def _pair_post(request: AuthenticatedHttpRequest, pk: int) -> tuple[Access, Mentorship]:
    access = access_for(request.user)
    view = selectors.mentorship_get(access=access, actor=request.user, pk=pk)
    return access, view.mentorship


def _back(
    request: HttpRequest,
    mentorship: Mentorship,
    error: ApplicationError | None = None,
    form: forms.Form | None = None,
) -> HttpResponse:
    if error is not None:
        messages.error(request, error.message)
    elif form is not None and not form.is_valid():
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect("mentoring:mentorship", mentorship.pk)


@login_required
@require_POST
def respond_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, mentorship = _pair_post(request, pk)
    accept = request.POST.get("answer") == "accept"
    try:
        services.mentorship_respond(actor=request.user, access=access, mentorship=mentorship, accept=accept)
    except ApplicationError as error:
        return _back(request, mentorship, error)
    messages.success(request, _("Thank you, you accepted.") if accept else _("You declined this match."))
    return redirect("mentoring:mentorship", mentorship.pk)


@login_required
@require_POST
def session_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, mentorship = _pair_post(request, pk)
    form = SessionForm(request.POST)
    if not form.is_valid():
        return _back(request, mentorship, form=form)
    try:
        services.session_log(access=access, mentorship=mentorship, **form.cleaned_data)
    except ApplicationError as error:
        return _back(request, mentorship, error)
    messages.success(request, _("Session logged."))
    return redirect("mentoring:mentorship", mentorship.pk)


@login_required
@require_POST
def goal_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, mentorship = _pair_post(request, pk)
    form = GoalForm(request.POST)
    if not form.is_valid():
        return _back(request, mentorship, form=form)
    try:
        services.goal_add(access=access, mentorship=mentorship, text=form.cleaned_data["text"])
    except ApplicationError as error:
        return _back(request, mentorship, error)
    return redirect("mentoring:mentorship", mentorship.pk)


@login_required
@require_POST
def goal_status_view(request: AuthenticatedHttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    access, mentorship = _pair_post(request, pk)
    goal = get_object_or_404(Goal, pk=goal_pk, mentorship=mentorship)
    form = GoalStatusForm(request.POST)
    if not form.is_valid():
        return _back(request, mentorship, form=form)
    try:
        services.goal_set_status(access=access, goal=goal, status=form.cleaned_data["status"])
    except ApplicationError as error:
        return _back(request, mentorship, error)
    return redirect("mentoring:mentorship", mentorship.pk)


@login_required
@require_POST
def close_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, mentorship = _pair_post(request, pk)
    rating, text = None, ""
    if services.side_of(access, mentorship) is not None:
        form = FeedbackForm(request.POST)
        if not form.is_valid():
            return _back(request, mentorship, form=form)
        rating, text = form.cleaned_data["rating"], form.cleaned_data["text"]
    try:
        services.mentorship_close(
            actor=request.user, access=access, mentorship=mentorship, rating=rating, text=text
        )
    except ApplicationError as error:
        return _back(request, mentorship, error)
    messages.success(request, _("Thank you. The mentorship is closed."))
    return redirect("mentoring:mentorship", mentorship.pk)


@login_required
def checkin_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    checkin = selectors.checkin_get(access=access, pk=pk)
    form = RatingForm(request.POST or None, initial={"rating": checkin.rating, "text": checkin.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_answer(access=access, checkin=checkin, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Thank you for your answer."))
            return redirect("mentoring:mentorship", checkin.mentorship_id)
    return TemplateResponse(
        request,
        "mentoring/form.html",
        {
            "title": _("Check-in: how is your mentoring going?"),
            "form": form,
            "forms": (form,),
            "back": "mentoring:mine",
        },
        status=_status(request),
    )
