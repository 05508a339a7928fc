"""Development-plan pages: the list (plans and, for leads and evaluators, counts), making a plan, the plan
page with its gap, items, milestones and comments and the forms that change them, marking an item
completed, and a participant's plans and completions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import response_status
from polku.esco.models import Concept
from polku.esco.selectors import search
from polku.learning import explain, selectors
from polku.learning.forms import (
    CommentForm,
    CompletionForm,
    ItemForm,
    ItemStatusForm,
    MilestoneForm,
    MilestoneStatusForm,
    PlanForm,
    PlanStatusForm,
)
from polku.learning.models import LearningOpportunity, Milestone, Plan, PlanItem
from polku.learning.services.completions import completion_record
from polku.learning.services.gap import plan_opportunities
from polku.learning.services.plans import (
    build_plan,
    comment_add,
    item_add,
    item_move,
    item_remove,
    item_update,
    milestone_delete,
    milestone_save,
    plan_update,
    propose,
)
from polku.learning.views.common import page_language
from polku.participants.forms import apply_field_errors


@login_required
def plan_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_view_plan_list():
        raise AccessDenied(
            _(
                "Development plans are shown to participants, their coordinators, project leads and evaluators."
            )
        )
    plans = _with_goal_labels(list(selectors.plan_list(access=access)))
    counts = [
        (p, selectors.plan_counts(access=access, project=p)) for p in selectors.projects_with_counts(access)
    ]
    return TemplateResponse(
        request,
        "learning/plan_list.html",
        {
            "plans": plans,
            "counts": [(p, rows) for p, rows in counts if rows],
            "can_create_own": access.can_create_own_plan(),
        },
    )


def _with_goal_labels(plans: list[Plan]) -> list[Plan]:
    labels = explain.labels_for([p.target.uri for p in plans if p.target], page_language())
    for plan in plans:
        plan.goal_label = (  # type: ignore[attr-defined]
            labels.get(plan.target.uri, "") if plan.target else _("Starting a business")
        )
    return plans


def _target_choices(query: str) -> list[tuple[str, str]]:
    return [
        (hit.concept.uri, hit.label)
        for hit in search(query, language=page_language(), kinds=(Concept.Kind.OCCUPATION,), limit=10)
    ]


@login_required
def plan_create_view(request: AuthenticatedHttpRequest, person_pk: int | None = None) -> HttpResponse:
    access = access_for(request.user)
    if person_pk is None:
        if not access.can_create_own_plan():
            raise AccessDenied(
                _("Only participants have their own plans; open a participant's plans instead.")
            )
        person_pk = access.person_id
        assert person_pk is not None
    person = selectors.person_get(access=access, pk=person_pk)
    query = request.POST.get("occupation", "") if request.method == "POST" else ""
    targets = _target_choices(query) if query.strip() else []
    form = PlanForm(request.POST or None, targets=targets, initial={"goal_kind": Plan.GoalKind.OCCUPATION})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = None
        if data["goal_kind"] == Plan.GoalKind.OCCUPATION:
            chosen = data.get("target") or (targets[0][0] if len(targets) == 1 else "")
            exact = [uri for uri, label in targets if label.lower() == query.strip().lower()]
            chosen = chosen or (exact[0] if exact else "")
            target = (
                Concept.objects.filter(uri=chosen, kind=Concept.Kind.OCCUPATION).first() if chosen else None
            )
            if target is None and targets:
                form.add_error("target", _("Several occupations match: choose one."))
            elif target is None:
                form.add_error("occupation", _("No occupation matches these words; try other words."))
        if form.is_valid():
            try:
                plan = build_plan(
                    access=access,
                    actor=request.user,
                    person=person,
                    goal_kind=data["goal_kind"],
                    target=target,
                    business_goal=data.get("business_goal", ""),
                    preferred_mode=data.get("preferred_mode", ""),
                )
            except ApplicationError as error:
                apply_field_errors(error, form)
            else:
                proposed = plan.items.count()
                messages.success(
                    request,
                    ngettext(
                        "Plan created: Polku proposes %(n)d course. Edit the plan freely.",
                        "Plan created: Polku proposes %(n)d courses. Edit the plan freely.",
                        proposed,
                    )
                    % {"n": proposed}
                    if proposed
                    else _(
                        "Plan created. No course in the catalogue builds the skills the goal needs yet: "
                        "add what the person will do below."
                    ),
                )
                return redirect("learning:plan", plan.pk)
    return TemplateResponse(
        request,
        "learning/plan_create.html",
        {"form": form, "forms": (form,), "person": person, "own": person.pk == access.person_id},
        status=response_status(request, form.is_valid() if request.method == "POST" else True),
    )


def _plan_context(request: HttpRequest, access: Access, plan: Plan, **forms: Any) -> dict[str, Any]:
    language = page_language()
    detail = selectors.plan_detail(plan)
    gap_rows = explain.gap_rows(plan.gap, language)
    covered_uris = {u for i in detail["items"] for u in i.covers}
    labels = explain.labels_for(covered_uris, language)
    for item in detail["items"]:
        item.title_shown = item.opportunity.title(language) if item.opportunity else item.text
        item.why = (
            explain.choice_sentence(item.reason, item.covers, labels) if item.source == "engine" else ""
        )
        item.status_form = ItemStatusForm(initial={"status": item.status}, prefix=f"item{item.pk}")
    for stone in detail["milestones"]:
        stone.status_form = MilestoneStatusForm(initial={"status": stone.status}, prefix=f"ms{stone.pk}")
    opportunities = [(str(o.pk), o.title(language)) for o in plan_opportunities(plan.person)]
    items = [(str(i.pk), i.title_shown) for i in detail["items"]]
    missing = [r for r in gap_rows if r.status != "covered"]
    recommendation = plan.gap.get("recommendation", {})
    return {
        "plan": plan,
        "own": plan.person_id == access.person_id,
        "goal": plan.target and explain.labels_for([plan.target.uri], language).get(plan.target.uri),
        "gap_rows": gap_rows,
        "missing_count": len(missing),
        "uncovered": [r for r in gap_rows if r.uri in set(recommendation.get("uncovered", []))],
        "exclusions": explain.exclusions(plan.gap, language),
        "recommendation": recommendation,
        **detail,
        "item_form": forms.get("item_form") or ItemForm(opportunities=opportunities),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(items=items),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "status_form": PlanStatusForm(initial={"status": plan.status}),
        "forms": [f for f in forms.values() if f is not None],
    }


@login_required
def plan_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    plan = selectors.plan_get(access=access, pk=pk, actor=request.user)
    return TemplateResponse(request, "learning/plan.html", _plan_context(request, access, plan))


def _plan_for_write(request: AuthenticatedHttpRequest, pk: int) -> tuple[Access, Plan]:
    access = access_for(request.user)
    return access, selectors.plan_get(access=access, pk=pk, audit=False)


@login_required
@require_POST
def plan_propose_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    propose(access=access, actor=request.user, plan=plan)
    messages.success(request, _("The gap was analysed again and new recommendations added."))
    return redirect("learning:plan", plan.pk)


@login_required
@require_POST
def plan_status_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    form = PlanStatusForm(request.POST)
    if form.is_valid():
        plan_update(access=access, actor=request.user, plan=plan, data=form.cleaned_data)
        messages.success(request, _("Plan status saved."))
    return redirect("learning:plan", plan.pk)


@login_required
@require_POST
def item_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    language = page_language()
    choices = [(str(o.pk), o.title(language)) for o in plan_opportunities(plan.person)]
    form = ItemForm(request.POST, opportunities=choices)
    if form.is_valid():
        opportunity = None
        if form.cleaned_data["opportunity"]:
            opportunity = LearningOpportunity.objects.filter(pk=int(form.cleaned_data["opportunity"])).first()
        try:
            item_add(
                access=access,
                actor=request.user,
                plan=plan,
                opportunity=opportunity,
                text=form.cleaned_data["text"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Item added."))
            return redirect("learning:plan", plan.pk)
    return TemplateResponse(
        request, "learning/plan.html", _plan_context(request, access, plan, item_form=form), status=400
    )


def _item(request: AuthenticatedHttpRequest, pk: int) -> tuple[Access, PlanItem]:
    access = access_for(request.user)
    item = get_object_or_404(PlanItem.objects.select_related("plan", "opportunity"), pk=pk)
    selectors.plan_get(access=access, pk=item.plan_id, audit=False)
    return access, item


@login_required
@require_POST
def item_action_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, item = _item(request, pk)
    action = request.POST.get("action", "")
    actor = request.user
    if action in {"up", "down"}:
        item_move(access=access, actor=actor, item=item, up=action == "up")
    elif action == "remove":
        item_remove(access=access, actor=actor, item=item)
        messages.success(request, _("Item removed."))
    else:
        form = ItemStatusForm(request.POST, prefix=f"item{item.pk}")
        if form.is_valid():
            if form.cleaned_data["status"] == PlanItem.Status.COMPLETED and item.opportunity_id:
                return redirect("learning:item_complete", item.pk)
            item_update(access=access, actor=actor, item=item, data=form.cleaned_data)
            messages.success(request, _("Item saved."))
    return redirect("learning:plan", item.plan_id)


@login_required
def item_complete_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark an item completed by hand: the date and an evidence note; its skills go to the profile."""
    access, item = _item(request, pk)
    if item.opportunity is None:
        raise Http404
    form = CompletionForm(request.POST or None, initial={"completed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            completion_record(
                access=access,
                actor=request.user,
                person=item.plan.person,
                opportunity=item.opportunity,
                **form.cleaned_data,
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(
                request, _("Completion recorded; its skills were added to the competence profile.")
            )
            return redirect("learning:plan", item.plan_id)
    return TemplateResponse(
        request,
        "learning/form.html",
        {
            "title": _("Mark completed: %(title)s") % {"title": item.opportunity.title(page_language())},
            "form": form,
            "forms": (form,),
            "plan": item.plan,
        },
        status=response_status(request, form.is_valid() if request.method == "POST" else True),
    )


@login_required
@require_POST
def milestone_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    items = [(str(i.pk), str(i.pk)) for i in plan.items.all()]
    form = MilestoneForm(request.POST, items=items)
    if form.is_valid():
        data = dict(form.cleaned_data)
        data["item"] = plan.items.filter(pk=int(data["item"])).first() if data["item"] else None
        try:
            milestone_save(access=access, actor=request.user, plan=plan, data=data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Milestone added."))
            return redirect("learning:plan", plan.pk)
    return TemplateResponse(
        request, "learning/plan.html", _plan_context(request, access, plan, milestone_form=form), status=400
    )


@login_required
@require_POST
def milestone_action_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    milestone = get_object_or_404(Milestone.objects.select_related("plan"), pk=pk)
    selectors.plan_get(access=access, pk=milestone.plan_id, audit=False)
    if request.POST.get("action") == "remove":
        milestone_delete(access=access, actor=request.user, milestone=milestone)
        messages.success(request, _("Milestone removed."))
    else:
        form = MilestoneStatusForm(request.POST, prefix=f"ms{milestone.pk}")
        if form.is_valid():
            milestone_save(
                access=access,
                actor=request.user,
                plan=milestone.plan,
                data=form.cleaned_data,
                milestone=milestone,
            )
            messages.success(request, _("Milestone saved."))
    return redirect("learning:plan", milestone.plan_id)


@login_required
@require_POST
def comment_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        comment_add(access=access, actor=request.user, plan=plan, text=form.cleaned_data["text"])
        messages.success(request, _("Comment added."))
        return redirect("learning:plan", plan.pk)
    return TemplateResponse(
        request, "learning/plan.html", _plan_context(request, access, plan, comment_form=form), status=400
    )


@login_required
def person_plans_view(request: AuthenticatedHttpRequest, person_pk: int) -> TemplateResponse:
    """A participant's plans and completions, for their coordinator (and themselves)."""
    access = access_for(request.user)
    person = selectors.person_get(access=access, pk=person_pk)
    return TemplateResponse(
        request,
        "learning/person_plans.html",
        {
            "person": person,
            "plans": _with_goal_labels(list(selectors.plan_list(access=access, person_id=person.pk))),
            "completions": list(selectors.completions_of(person)),
        },
    )
