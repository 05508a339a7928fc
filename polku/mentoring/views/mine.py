"""Mentoring pages of mentors and participants: the mentor's profile, "my mentoring", joining a programme
and choosing a mentor (self-service), and the page of one mentorship with its answers, goals, sessions,
check-ins and closing, for the pair (and, without session notes, the programme's coordinator)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import response_status
from polku.mentoring import selectors, services
from polku.mentoring.forms import (
    FeedbackForm,
    GoalForm,
    GoalStatusForm,
    MenteeRequestForm,
    MentorProfileForm,
    RatingForm,
    SessionForm,
    criterion_labels,
)
from polku.mentoring.models import Goal, MentoringProgramme, MentorProfile, Mentorship
from polku.participants.forms import apply_field_errors

# --- mentors ----------------------------------------------------------------------------------


@login_required
def mentor_profile_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.can_keep_mentor_profile():
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
        status=response_status(request, form_ok=False),
    )


# --- my mentoring (participants and mentors) --------------------------------------------------


@login_required
def my_mentoring_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    is_mentor = access.is_mentor()
    if not access.can_use_my_mentoring():
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
    mentors = selectors.programme_mentors(programme)
    initial: dict[str, Any] = {}
    if mentee is not None:
        initial = {
            n: getattr(mentee, n)
            for n in ("kind", "skills", "industries", "availability", "employer", "wishes")
        }
        initial["wished_mentors"] = list(mentee.wished_mentors.values_list("pk", flat=True))
        initial["share_with_other_partners"] = mentee.shared_with_other_partners_at is not None
    form = MenteeRequestForm(
        request.POST or None,
        initial=initial,
        mentors=[(m.pk, str(m)) for m in mentors],
        project_wide=programme.partner_id is None,
    )
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
        status=response_status(request, form_ok=False),
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
    return _mentorship_page(request, pk)


def _mentorship_page(
    request: AuthenticatedHttpRequest, pk: int, *, bound: dict[str, forms.Form] | None = None
) -> TemplateResponse:
    """The pair's page; `bound` puts a form that came back with errors in place of its empty one, so
    what was typed stays and each error stands by its field (and in the summary at the page's top)."""
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
    context.update(bound or {})
    context["forms"] = list((bound or {}).values())
    return TemplateResponse(request, "mentoring/mentorship.html", context, status=400 if bound else 200)


# The page's context name of each form the pair posts.
_FORM_NAMES = {"SessionForm": "session_form", "GoalForm": "goal_form", "FeedbackForm": "close_form"}


def _pair_post(request: AuthenticatedHttpRequest, pk: int) -> tuple[Access, Mentorship]:
    access, view = _pair_view(request, pk)
    return access, view.mentorship


def _pair_view(request: AuthenticatedHttpRequest, pk: int) -> tuple[Access, selectors.MentorshipView]:
    access = access_for(request.user)
    return access, selectors.mentorship_get(access=access, actor=request.user, pk=pk)


def _back(
    request: HttpRequest,
    mentorship: Mentorship,
    error: ApplicationError | None = None,
    form: forms.Form | None = None,
) -> HttpResponse:
    name = _FORM_NAMES.get(type(form).__name__) if form is not None else None
    if form is not None and name:
        if error is not None:
            if error.field_errors:
                apply_field_errors(error, form)
            else:
                form.add_error(None, error.message)
        if not form.is_valid() or error is not None:
            return _mentorship_page(request, mentorship.pk, bound={name: form})  # type: ignore[arg-type]
    if error is not None:
        messages.error(request, error.message)
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
        return _back(request, mentorship, error, form)
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
    access, view = _pair_view(request, pk)
    mentorship = view.mentorship
    rating, text = None, ""
    if view.side is not None:
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
        status=response_status(request, form_ok=False),
    )
