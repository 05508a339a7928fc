"""Learning pages: the catalogue (list, detail, create/edit, CSV import and export), development plans
(list, create, the plan page with its gap, items, milestones and comments), completions by hand and the
MOOC completion import. Views parse and check access through selectors; services do the writes."""

from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.esco.models import Concept
from polku.esco.selectors import search
from polku.learning import explain, selectors, services
from polku.learning.forms import (
    CatalogueFilterForm,
    CatalogueImportForm,
    CommentForm,
    CompletionForm,
    ItemForm,
    ItemStatusForm,
    MilestoneForm,
    MilestoneStatusForm,
    MoocImportForm,
    OpportunityForm,
    PlanForm,
    PlanStatusForm,
    format_languages,
)
from polku.learning.models import LearningOpportunity, Milestone, Plan, PlanItem
from polku.participants.forms import apply_field_errors
from polku.projects.models import Partner

SESSION_UPLOAD = "learning_catalogue_upload"


def _language() -> str:
    return (get_language() or "en")[:2]


def _status(request: HttpRequest, form_ok: bool = True) -> int:
    return 400 if request.method == "POST" and not form_ok else 200


def _owner_choices(access: Access) -> list[tuple[str, str]]:
    return [
        (key, _("The whole platform") if key == "platform" else label)
        for key, label in selectors.owner_choices(access)
    ]


# --- catalogue -----------------------------------------------------------------------------------


@login_required
def catalogue_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list(
        selectors.opportunity_list(
            access=access,
            language=filters.get("language", ""),
            mode=filters.get("mode", ""),
            skill=filters.get("skill", ""),
            kind=filters.get("kind", ""),
            include_inactive=services.can_create_opportunities(access),
        )[:500]
    )
    language = _language()
    for row in rows:
        row.title_shown = row.title(language)  # type: ignore[attr-defined]
    return TemplateResponse(
        request,
        "learning/catalogue.html",
        {
            "form": form,
            "opportunities": rows,
            "can_create": services.can_create_opportunities(access),
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def opportunity_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    opportunity = selectors.opportunity_get(access=access, pk=pk)
    language = _language()
    labels = explain.labels_for([s.uri for s in opportunity.skills.all()], language)
    from polku.assessments import frameworks

    competences = []
    for code in opportunity.competences:
        if frameworks.is_competence_code(code):
            competences.append((code, frameworks.competence(code).name.get(language)))
    return TemplateResponse(
        request,
        "learning/opportunity.html",
        {
            "opportunity": opportunity,
            "title": opportunity.title(language),
            "description": opportunity.text("description", language),
            "skills": sorted(labels.values()),
            "competences": competences,
            "languages": sorted(opportunity.languages.items()),
            "can_edit": selectors.can_edit_opportunity(access, opportunity),
        },
    )


def _opportunity_form(
    request: AuthenticatedHttpRequest, access: Access, opportunity: LearningOpportunity | None
) -> HttpResponse:
    owners = _owner_choices(access)
    if opportunity is not None:
        key = services.Owner(partner=opportunity.partner, project=opportunity.project).key
        if opportunity.partner_id is None and opportunity.project_id is None:
            key = "platform"
        if key not in {k for k, _label in owners}:
            owners.insert(
                0, (key, str(opportunity.partner or opportunity.project or _("The whole platform")))
            )
        initial: dict[str, Any] = {n: getattr(opportunity, n) for n in services.OPPORTUNITY_FIELDS}
        initial["languages"] = format_languages(opportunity.languages)
        initial["skills"] = "\n".join(sorted(s.uri for s in opportunity.skills.all()))
        initial["owner"] = key
    else:
        initial = {"is_active": True, "cost": 0}
    if not owners:
        raise AccessDenied(_("Only coordinators, project leads and admins add learning opportunities."))
    form = OpportunityForm(request.POST or None, initial=initial, owners=owners, language=_language())
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.opportunity_save(
                access=access,
                actor=request.user,
                values=form.values(),
                skill_uris=form.skill_uris(),
                owner=services.owner_from_key(form.cleaned_data["owner"]),
                opportunity=opportunity,
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Opportunity saved."))
            return redirect("learning:opportunity", saved.pk)
    title = _("Edit learning opportunity") if opportunity else _("New learning opportunity")
    return TemplateResponse(
        request,
        "learning/form.html",
        {"title": title, "form": form, "forms": (form,), "back": "learning:catalogue"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def opportunity_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not services.can_create_opportunities(access):
        raise AccessDenied(_("Only coordinators, project leads and admins add learning opportunities."))
    return _opportunity_form(request, access, None)


@login_required
def opportunity_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    return _opportunity_form(request, access, selectors.opportunity_get(access=access, pk=pk, for_edit=True))


@login_required
def catalogue_export_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.opportunity_list(
        access=access, include_inactive=services.can_create_opportunities(access), **filters
    )
    response = HttpResponse(services.catalogue_export(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="learning-catalogue.csv"'
    return response


@login_required
def catalogue_import_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload → preview with each row's errors → import (all or nothing). The upload waits in the session."""
    access = access_for(request.user)
    owners = _owner_choices(access)
    if not owners:
        raise AccessDenied(_("Only coordinators, project leads and admins import learning opportunities."))
    form = CatalogueImportForm(request.POST or None, request.FILES or None, owners=owners)
    check = None
    failed = False
    pending = request.session.get(SESSION_UPLOAD)
    if request.method == "POST" and request.POST.get("action") == "import" and pending:
        content = base64.b64decode(pending["content"])
        try:
            count = services.catalogue_import(
                access=access,
                actor=request.user,
                content=content,
                owner=services.owner_from_key(pending["owner"]),
            )
        except ApplicationError as error:
            messages.error(request, error.message)
            form = CatalogueImportForm(owners=owners)
            failed = True
        else:
            del request.session[SESSION_UPLOAD]
            messages.success(
                request,
                ngettext("%(count)s opportunity imported.", "%(count)s opportunities imported.", count)
                % {"count": count},
            )
            return redirect("learning:catalogue")
    elif request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        try:
            check = services.catalogue_check(
                access=access, content=content, owner=services.owner_from_key(form.cleaned_data["owner"])
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            if check.ok:
                request.session[SESSION_UPLOAD] = {
                    "content": base64.b64encode(content).decode(),
                    "owner": form.cleaned_data["owner"],
                }
            else:
                request.session.pop(SESSION_UPLOAD, None)
    if request.method == "POST" and request.POST.get("action") != "import":
        failed = not form.is_valid() or check is None or not check.ok
    return TemplateResponse(
        request,
        "learning/catalogue_import.html",
        {"form": form, "forms": (form,), "check": check},
        status=400 if failed else 200,
    )


# --- plans ----------------------------------------------------------------------------------------


@login_required
def plan_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    plans = _with_goal_labels(list(selectors.plan_list(access=access)))
    projects = list(selectors.projects_with_counts(access))
    counts = [(p, selectors.plan_counts(access=access, project=p)) for p in projects]
    if not (plans or access.is_participant or access.is_coordinator or counts):
        raise AccessDenied(
            _(
                "Development plans are shown to participants, their coordinators, project leads and evaluators."
            )
        )
    return TemplateResponse(
        request,
        "learning/plan_list.html",
        {
            "plans": plans,
            "counts": [(p, rows) for p, rows in counts if rows],
            "can_create_own": access.is_participant,
        },
    )


def _with_goal_labels(plans: list[Plan]) -> list[Plan]:
    labels = explain.labels_for([p.target.uri for p in plans if p.target], _language())
    for plan in plans:
        plan.goal_label = (  # type: ignore[attr-defined]
            labels.get(plan.target.uri, "") if plan.target else _("Starting a business")
        )
    return plans


def _target_choices(query: str) -> list[tuple[str, str]]:
    return [
        (hit.concept.uri, hit.label)
        for hit in search(query, language=_language(), kinds=(Concept.Kind.OCCUPATION,), limit=10)
    ]


@login_required
def plan_create_view(request: AuthenticatedHttpRequest, person_pk: int | None = None) -> HttpResponse:
    access = access_for(request.user)
    if person_pk is None:
        if access.person_id is None:
            raise AccessDenied(
                _("Only participants have their own plans; open a participant's plans instead.")
            )
        person_pk = access.person_id
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
                plan = services.build_plan(
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
                messages.success(request, _("Plan created with a proposal. Edit it freely."))
                return redirect("learning:plan", plan.pk)
    return TemplateResponse(
        request,
        "learning/plan_create.html",
        {"form": form, "forms": (form,), "person": person, "own": person.pk == access.person_id},
        status=_status(request, form.is_valid() if request.method == "POST" else True),
    )


def _plan_context(request: HttpRequest, access: Access, plan: Plan, **forms: Any) -> dict[str, Any]:
    language = _language()
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
    opportunities = [(str(o.pk), o.title(language)) for o in services.plan_opportunities(plan.person)]
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
    services.propose(access=access, actor=request.user, plan=plan)
    messages.success(request, _("The gap was analysed again and new recommendations added."))
    return redirect("learning:plan", plan.pk)


@login_required
@require_POST
def plan_status_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    form = PlanStatusForm(request.POST)
    if form.is_valid():
        services.plan_update(access=access, actor=request.user, plan=plan, data=form.cleaned_data)
        messages.success(request, _("Plan status saved."))
    return redirect("learning:plan", plan.pk)


@login_required
@require_POST
def item_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access, plan = _plan_for_write(request, pk)
    language = _language()
    choices = [(str(o.pk), o.title(language)) for o in services.plan_opportunities(plan.person)]
    form = ItemForm(request.POST, opportunities=choices)
    if form.is_valid():
        opportunity = None
        if form.cleaned_data["opportunity"]:
            opportunity = LearningOpportunity.objects.filter(pk=int(form.cleaned_data["opportunity"])).first()
        try:
            services.item_add(
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
        services.item_move(access=access, actor=actor, item=item, up=action == "up")
    elif action == "remove":
        services.item_remove(access=access, actor=actor, item=item)
        messages.success(request, _("Item removed."))
    else:
        form = ItemStatusForm(request.POST, prefix=f"item{item.pk}")
        if form.is_valid():
            if form.cleaned_data["status"] == PlanItem.Status.COMPLETED and item.opportunity_id:
                return redirect("learning:item_complete", item.pk)
            services.item_update(access=access, actor=actor, item=item, data=form.cleaned_data)
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
            services.completion_record(
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
            "title": _("Mark completed: %(title)s") % {"title": item.opportunity.title(_language())},
            "form": form,
            "forms": (form,),
            "plan": item.plan,
        },
        status=_status(request, form.is_valid() if request.method == "POST" else True),
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
            services.milestone_save(access=access, actor=request.user, plan=plan, data=data)
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
        services.milestone_delete(access=access, actor=request.user, milestone=milestone)
        messages.success(request, _("Milestone removed."))
    else:
        form = MilestoneStatusForm(request.POST, prefix=f"ms{milestone.pk}")
        if form.is_valid():
            services.milestone_save(
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
        services.comment_add(access=access, actor=request.user, plan=plan, text=form.cleaned_data["text"])
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


# --- MOOC completions import ----------------------------------------------------------------------


@login_required
def mooc_import_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    partners = Partner.objects.select_related("organisation", "project")
    if not access.is_admin:
        partners = partners.filter(pk__in=access.coordinator_partner_ids)
    choices = [
        (str(p.pk), f"{p.project.code} {p.organisation.name}") for p in partners.order_by("project__code")
    ]
    if not choices:
        raise AccessDenied(_("Only coordinators import completions for their participants."))
    form = MoocImportForm(request.POST or None, request.FILES or None, partners=choices)
    rows = None
    summary = None
    if request.method == "POST" and form.is_valid():
        partner = partners.get(pk=int(form.cleaned_data["partner"]))
        try:
            rows = services.mooc_import(
                access=access,
                actor=request.user,
                partner=partner,
                content=form.cleaned_data["file"].read(),
                mapping=form.mapping(),
                dry_run=request.POST.get("action") != "import",
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            summary = services.mooc_summary(rows)
            if request.POST.get("action") == "import":
                messages.success(
                    request,
                    _(
                        "%(recorded)s completions recorded, %(already)s already recorded, %(skipped)s rows not matched."
                    )
                    % {
                        "recorded": summary.get("recorded", 0),
                        "already": summary.get("already", 0),
                        "skipped": len(rows) - summary.get("recorded", 0) - summary.get("already", 0),
                    },
                )
    return TemplateResponse(
        request,
        "learning/mooc_import.html",
        {
            "form": form,
            "forms": (form,),
            "rows": rows,
            "summary": summary,
            "preview": request.POST.get("action") != "import",
        },
        status=_status(request, form.is_valid() if request.method == "POST" else True),
    )
