"""Entrepreneurship pages: the participant's ideas (canvas, evidence, stage), their successor profile and
introductions; the expert's ideas they spar; the coordinator's pipeline board by stage, transfer listings
with their matches, introductions and the companies founded or taken over. Access is checked by the
selectors and services; a row outside the reader's reach is a 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.entrepreneurship import codes, selectors
from polku.entrepreneurship.forms import (
    AnswerForm,
    CommentForm,
    CompanyRecordForm,
    ExperimentForm,
    IdeaForm,
    InterviewForm,
    ListingForm,
    MilestoneForm,
    ReadinessForm,
    SessionForm,
    SparringForm,
    StageForm,
    SuccessorProfileForm,
)
from polku.entrepreneurship.models import (
    CANVAS_FIELDS,
    CANVAS_LABELS,
    BusinessIdea,
    Introduction,
    Stage,
    TransferListing,
)
from polku.entrepreneurship.rules import allowed_moves
from polku.entrepreneurship.services import companies, ideas, sparring, transfers
from polku.entrepreneurship.services.ideas import evidence_of
from polku.esco.models import Concept
from polku.esco.selectors import search_ranked
from polku.projects.models import Partner

FORM = "entrepreneurship/form.html"


def _form_page(
    request: AuthenticatedHttpRequest,
    form: forms.BaseForm,
    *,
    title: str,
    back: str,
    save: Callable[[], Any],
    done: Callable[[Any], str],
    saved: str,
    intro: str = "",
) -> HttpResponse:
    """A page with one form: on a valid POST call `save` (a service), then go to `done(result)`; a
    service's error goes on the form's fields, with what was typed kept."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save()
        except ApplicationError as error:
            apply_field_errors(error, form)
            if not error.field_errors:
                form.add_error(None, error.message)
        else:
            messages.success(request, saved)
            return redirect(done(result))
    context = {"form": form, "forms": (form,), "title": title, "back": back, "intro": intro}
    return TemplateResponse(request, FORM, context, status=response_status(request, request.method != "POST"))


def _idea_page(idea: BusinessIdea) -> str:
    return reverse("entrepreneurship:idea", args=[idea.pk])


def _person(request: AuthenticatedHttpRequest, access: Access) -> Any:
    if not access.can_have_business_ideas():
        raise Http404
    return request.user.person


# --- the participant -------------------------------------------------------------------------------


@login_required
def mine_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    person = _person(request, access)
    context = {
        "ideas": selectors.my_ideas(person=person),
        "profile": selectors.my_successor_profile(person=person),
        "introductions": selectors.my_introductions(person=person),
    }
    return TemplateResponse(request, "entrepreneurship/mine.html", context)


@login_required
def idea_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    person = _person(request, access)
    participation = selectors.my_participations(person=person).first()
    if participation is None:
        raise Http404
    form = IdeaForm(request.POST or None)
    return _form_page(
        request,
        form,
        title=_("A new business idea"),
        back=reverse("entrepreneurship:mine"),
        save=lambda: ideas.idea_create(
            actor=request.user, access=access, participation=participation, data=form.cleaned_data
        ),
        done=_idea_page,
        saved=_("The idea was saved."),
        intro=_("Start with a name and a one-line pitch; fill in the canvas as you learn more."),
    )


@login_required
def idea_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    idea = selectors.idea_read(access=access, actor=request.user, pk=pk)
    evidence = evidence_of(idea)
    labels = dict(Stage.choices)
    editable = ideas.can_edit(access, idea)
    context = {
        "idea": idea,
        "industry": codes.industry_name(idea.industry),
        "canvas": [(CANVAS_LABELS[name], getattr(idea, name)) for name in CANVAS_FIELDS],
        "editable": editable,
        "team": ideas.is_team(access, idea),
        "coach": access.can_coach_idea(idea.participation.partner_id),
        "can_comment": access.can_coach_idea(idea.participation.partner_id) or ideas.is_expert(access, idea),
        "moves": [(s, labels[s]) for s in allowed_moves(idea.stage, paused_from=evidence.paused_from)],
        "stage_form": StageForm(),
        "history": idea.stage_changes.select_related("changed_by"),
        "interviews": idea.interviews.all(),
        "experiments": idea.experiments.all(),
        "milestones": idea.milestones.all(),
        "comments": idea.comments.select_related("author"),
        "sparrings": idea.sparrings.select_related("expert").prefetch_related("sessions"),
        "companies": idea.companies.all(),
        "audited": not ideas.is_team(access, idea),
    }
    return TemplateResponse(request, "entrepreneurship/idea.html", context)


@login_required
def idea_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    idea = selectors.idea_get(access=access, pk=pk)
    if not ideas.can_edit(access, idea):
        raise Http404
    form = IdeaForm(request.POST or None, instance=idea)
    return _form_page(
        request,
        form,
        title=_("The idea and its canvas"),
        back=_idea_page(idea),
        save=lambda: ideas.idea_update(actor=request.user, access=access, idea=idea, data=form.cleaned_data),
        done=_idea_page,
        saved=_("The idea was saved."),
    )


@login_required
def stage_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    idea = selectors.idea_get(access=access, pk=pk)
    if not ideas.can_edit(access, idea):
        raise Http404
    form = StageForm(request.POST or None, initial={"stage": idea.stage})
    return _form_page(
        request,
        form,
        title=_("Move the idea to another stage"),
        back=_idea_page(idea),
        save=lambda: ideas.stage_move(
            actor=request.user,
            access=access,
            idea=idea,
            to_stage=form.cleaned_data["stage"],
            note=form.cleaned_data["note"],
        ),
        done=_idea_page,
        saved=_("The stage was changed."),
    )


def _evidence_view(
    form_class: type[forms.ModelForm], verb: Callable[..., Any], title: Any, saved: Any
) -> Any:
    @login_required
    def view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        access = access_for(request.user)
        idea = selectors.idea_get(access=access, pk=pk)
        if not ideas.can_edit(access, idea):
            raise Http404
        form = form_class(request.POST or None)
        return _form_page(
            request,
            form,
            title=str(title),
            back=_idea_page(idea),
            save=lambda: verb(actor=request.user, access=access, idea=idea, data=form.cleaned_data),
            done=lambda _row: _idea_page(idea) + "#evidence",
            saved=str(saved),
        )

    return view


interview_create_view = _evidence_view(
    InterviewForm,
    ideas.interview_add,
    gettext_lazy("Add a customer interview"),
    gettext_lazy("The interview was saved."),
)
experiment_create_view = _evidence_view(
    ExperimentForm,
    ideas.experiment_add,
    gettext_lazy("Add an experiment"),
    gettext_lazy("The experiment was saved."),
)
milestone_create_view = _evidence_view(
    MilestoneForm,
    ideas.milestone_add,
    gettext_lazy("Add a milestone"),
    gettext_lazy("The milestone was saved."),
)


@login_required
def comment_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    idea = selectors.idea_get(access=access, pk=pk)
    if not (access.can_coach_idea(idea.participation.partner_id) or ideas.is_expert(access, idea)):
        raise Http404
    form = CommentForm(request.POST or None)
    return _form_page(
        request,
        form,
        title=_("Comment on the idea"),
        back=_idea_page(idea),
        save=lambda: ideas.comment_add(
            actor=request.user, access=access, idea=idea, body=form.cleaned_data["body"]
        ),
        done=lambda _row: _idea_page(idea) + "#comments",
        saved=_("The comment was saved."),
    )


@login_required
def sparring_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    idea = selectors.idea_get(access=access, pk=pk)
    if not access.can_coach_idea(idea.participation.partner_id):
        raise Http404
    experts = sparring.experts_for(idea)
    form = SparringForm(request.POST or None, experts=experts)
    by_id = {u.pk: u for u in experts}
    return _form_page(
        request,
        form,
        title=_("Attach a sparring expert"),
        back=_idea_page(idea),
        save=lambda: sparring.sparring_attach(
            actor=request.user,
            access=access,
            idea=idea,
            expert=by_id[form.cleaned_data["expert"]],
            sessions_agreed=form.cleaned_data["sessions_agreed"],
        ),
        done=lambda _row: _idea_page(idea) + "#sparring",
        saved=_("The expert was attached to the idea."),
    )


@login_required
def idea_company_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    idea = selectors.idea_get(access=access, pk=pk)
    if not access.can_coach_idea(idea.participation.partner_id):
        raise Http404
    form = CompanyRecordForm(request.POST or None, initial={"name": idea.title, "country": "FI"})
    return _form_page(
        request,
        form,
        title=_("Record the company founded"),
        back=_idea_page(idea),
        save=lambda: companies.company_founded(
            actor=request.user,
            access=access,
            idea=idea,
            data={**form.cleaned_data, "name": form.cleaned_data["name"] or idea.title},
        ),
        done=lambda _row: _idea_page(idea),
        saved=_("The company was recorded, and the outcome “Founded a company” with it."),
    )


# --- sparring --------------------------------------------------------------------------------------


@login_required
def sparring_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_spar_ideas():
        raise Http404
    return TemplateResponse(
        request,
        "entrepreneurship/sparring_list.html",
        {"sparrings": selectors.ideas_i_spar(user=request.user)},
    )


@login_required
def sparring_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    row = selectors.sparring_read(access=access, actor=request.user, pk=pk)
    context = {
        "sparring": row,
        "idea": row.idea,
        "hours": selectors.sparring_hours(row),
        "is_expert": access.user_id == row.expert_id or access.is_admin,
    }
    return TemplateResponse(request, "entrepreneurship/sparring.html", context)


@login_required
def sparring_session_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    row = selectors.sparring_get(access=access, pk=pk)
    if not (access.user_id == row.expert_id or access.is_admin):
        raise Http404
    form = SessionForm(request.POST or None)
    return _form_page(
        request,
        form,
        title=_("Record a sparring session"),
        back=reverse("entrepreneurship:sparring_detail", args=[row.pk]),
        save=lambda: sparring.session_add(
            actor=request.user, access=access, sparring=row, data=form.cleaned_data
        ),
        done=lambda _s: reverse("entrepreneurship:sparring_detail", args=[row.pk]),
        saved=_("The session was saved."),
    )


@login_required
def sparring_readiness_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    row = selectors.sparring_get(access=access, pk=pk)
    if not (access.user_id == row.expert_id or access.is_admin):
        raise Http404
    form = ReadinessForm(
        request.POST or None, initial={"readiness": row.readiness, "note": row.readiness_note}
    )
    return _form_page(
        request,
        form,
        title=_("Feedback on readiness"),
        back=reverse("entrepreneurship:sparring_detail", args=[row.pk]),
        save=lambda: sparring.readiness_give(
            actor=request.user,
            access=access,
            sparring=row,
            readiness=form.cleaned_data["readiness"],
            note=form.cleaned_data["note"],
        ),
        done=lambda _s: reverse("entrepreneurship:sparring_detail", args=[row.pk]),
        saved=_("The feedback was saved."),
    )


# --- the coordinator -------------------------------------------------------------------------------


def _coordinator(request: AuthenticatedHttpRequest) -> Access:
    access = access_for(request.user)
    if not access.can_run_entrepreneurship():
        raise PermissionDenied
    return access


@login_required
def pipeline_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = _coordinator(request)
    board = selectors.pipeline(access=access)
    labels = dict(Stage.choices)
    columns = [(stage, labels[stage], rows) for stage, rows in board.items()]
    return TemplateResponse(request, "entrepreneurship/pipeline.html", {"columns": columns})


@login_required
def transfers_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = _coordinator(request)
    context = {
        "listings": selectors.listings(access=access),
        "introductions": selectors.introductions(access=access),
    }
    return TemplateResponse(request, "entrepreneurship/transfers.html", context)


def _resolve_skills(text: str) -> tuple[list[Concept], list[str]]:
    """ESCO skills named one per line: the best match of each; the lines with none come back."""
    found, missing = [], []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        hits = search_ranked(line, get_language() or "en", limit=1)
        if hits:
            found.append(hits[0][0])
        else:
            missing.append(line)
    return found, missing


def _listing_save(
    request: AuthenticatedHttpRequest, access: Access, form: ListingForm, listing: TransferListing | None
) -> TransferListing:
    data = dict(form.cleaned_data)
    partner = data.pop("partner", None)
    skills, missing = _resolve_skills(data.pop("skills", ""))
    if missing:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={
                "skills": [_("No ESCO skill found for: %(lines)s.") % {"lines": ", ".join(missing)}]
            },
        )
    if listing is None:
        return transfers.listing_create(
            actor=request.user, access=access, partner=partner, data=data, skills=skills
        )
    return transfers.listing_update(
        actor=request.user, access=access, listing=listing, data=data, skills=skills
    )


@login_required
def listing_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = _coordinator(request)
    partners = (
        Partner.objects.filter(access.mentor_day_partner_filter())
        .select_related("organisation", "project")
        .order_by("project__name", "organisation__name")
    )
    form = ListingForm(request.POST or None, partners=partners)
    return _form_page(
        request,
        form,
        title=_("A company looking for a successor"),
        back=reverse("entrepreneurship:transfers"),
        save=lambda: _listing_save(request, access, form, None),
        done=lambda listing: reverse("entrepreneurship:listing", args=[listing.pk]),
        saved=_("The listing was saved."),
        intro=_(
            "The company's name, exact figures and the owner's contact stay hidden from successors until "
            "both sides agree to an introduction."
        ),
    )


@login_required
def listing_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    listing = selectors.listing_get(access=access, pk=pk)
    initial = {
        "skills": "\n".join(
            selectors.skill_labels(
                set(listing.skills.values_list("uri", flat=True)), get_language() or "en"
            ).values()
        ),
        "languages": listing.languages or {},
    }
    fields = [name for name in ListingForm.base_fields if name not in initial]
    initial |= {name: getattr(listing, name) for name in fields}
    form = ListingForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        form,
        title=_("Edit the listing"),
        back=reverse("entrepreneurship:listing", args=[listing.pk]),
        save=lambda: _listing_save(request, access, form, listing),
        done=lambda row: reverse("entrepreneurship:listing", args=[row.pk]),
        saved=_("The listing was saved."),
    )


@login_required
def listing_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    listing = selectors.listing_read(access=access, actor=request.user, pk=pk)
    context = {
        "listing": listing,
        "industry": codes.industry_name(listing.industry),
        "region": codes.region_name(listing.region) or listing.region_text,
        "skills": selectors.skill_labels(
            set(listing.skills.values_list("uri", flat=True)), get_language() or "en"
        ),
        "matches": selectors.successors_for_listing(
            access=access, listing=listing, language=get_language() or "en"
        ),
    }
    return TemplateResponse(request, "entrepreneurship/listing.html", context)


@login_required
@require_POST
def propose_view(request: AuthenticatedHttpRequest, pk: int, successor: int) -> HttpResponse:
    access = access_for(request.user)
    listing = selectors.listing_get(access=access, pk=pk)
    profile = selectors.successor_get(access=access, pk=successor)
    match = next(
        (
            m
            for m in selectors.successors_for_listing(
                access=access, listing=listing, language=get_language() or "en", top_k=1000
            )
            if m.successor.pk == profile.pk
        ),
        None,
    )
    try:
        intro = transfers.introduction_propose(
            actor=request.user,
            access=access,
            listing=listing,
            successor=profile,
            reasons=match.reasons if match else [],
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("entrepreneurship:listing", pk=listing.pk)
    messages.success(request, _("The introduction was proposed: the participant is asked to agree."))
    return redirect("entrepreneurship:introduction", pk=intro.pk)


@login_required
def successor_profile_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    person = _person(request, access)
    profile = selectors.my_successor_profile(person=person)
    participation = profile.participation if profile else selectors.my_participations(person=person).first()
    if participation is None:
        raise Http404
    form = SuccessorProfileForm(request.POST or None, instance=profile)
    return _form_page(
        request,
        form,
        title=_("I would like to take over a company"),
        back=reverse("entrepreneurship:mine"),
        save=lambda: transfers.successor_profile_save(
            actor=request.user, access=access, participation=participation, data=form.cleaned_data
        ),
        done=lambda _p: reverse("entrepreneurship:mine"),
        saved=_("Your successor profile was saved."),
        intro=_(
            "Your coordinator matches you with companies whose owners look for a successor. Your skills "
            "come from your competence profile."
        ),
    )


# --- introductions ---------------------------------------------------------------------------------


@login_required
def introduction_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    intro = selectors.introduction_get(access=access, pk=pk)
    listing = intro.listing
    manager = access.can_manage_listing(listing.partner.project_id, listing.partner_id)
    participation = intro.successor.participation
    context = {
        "intro": intro,
        "listing": listing,
        "industry": codes.industry_name(listing.industry),
        "region": codes.region_name(listing.region) or listing.region_text,
        "confidential": selectors.confidential_visible(access, intro),
        "manager": manager,
        "successor_self": access.is_own_person(participation.person_id),
        "proposed": intro.status == Introduction.Status.PROPOSED,
    }
    return TemplateResponse(request, "entrepreneurship/introduction.html", context)


def _answer(request: AuthenticatedHttpRequest, pk: int, owner: bool) -> HttpResponse:
    access = access_for(request.user)
    intro = selectors.introduction_get(access=access, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose yes or no."))
        return redirect("entrepreneurship:introduction", pk=intro.pk)
    verb = transfers.introduction_owner_answer if owner else transfers.introduction_participant_answer
    try:
        verb(actor=request.user, access=access, introduction=intro, agree=form.cleaned_data["agree"])
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The answer was recorded."))
    return redirect("entrepreneurship:introduction", pk=intro.pk)


@login_required
@require_POST
def introduction_answer_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, owner=False)


@login_required
@require_POST
def introduction_owner_answer_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, owner=True)


@login_required
def introduction_company_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    intro = selectors.introduction_get(access=access, pk=pk)
    listing = intro.listing
    if not access.can_manage_listing(listing.partner.project_id, listing.partner_id):
        raise Http404
    form = CompanyRecordForm(
        request.POST or None, initial={"name": listing.company_name, "country": listing.country}
    )
    return _form_page(
        request,
        form,
        title=_("Record the business transfer"),
        back=reverse("entrepreneurship:introduction", args=[intro.pk]),
        save=lambda: companies.company_taken_over(
            actor=request.user,
            access=access,
            introduction=intro,
            data={**form.cleaned_data, "name": form.cleaned_data["name"] or listing.company_name},
        ),
        done=lambda _c: reverse("entrepreneurship:transfers"),
        saved=_("The transfer was recorded, and the outcome “Took over a company” with it."),
    )
