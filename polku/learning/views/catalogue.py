"""Catalogue pages: the list of learning opportunities with filters, an opportunity's page, creating and
editing one, and the catalogue's CSV export and import (upload, preview with each row's errors, import)."""

from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.assessments import frameworks
from polku.core.errors import AccessDenied, ApplicationError
from polku.learning import explain, selectors
from polku.learning.forms import CatalogueFilterForm, CatalogueImportForm, OpportunityForm, format_languages
from polku.learning.models import LearningOpportunity
from polku.learning.services.catalogue import (
    OPPORTUNITY_FIELDS,
    Owner,
    catalogue_check,
    catalogue_export,
    catalogue_import,
    opportunity_save,
    owner_from_key,
)
from polku.learning.views.common import page_language
from polku.participants.forms import apply_field_errors

SESSION_UPLOAD = "learning_catalogue_upload"


def _owner_choices(access: Access) -> list[tuple[str, str]]:
    return [
        (key, _("The whole platform") if key == "platform" else label)
        for key, label in selectors.owner_choices(access)
    ]


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
            include_inactive=access.can_add_opportunities(),
        )[:500]
    )
    language = page_language()
    for row in rows:
        row.title_shown = row.title(language)  # type: ignore[attr-defined]
    return TemplateResponse(
        request,
        "learning/catalogue.html",
        {
            "form": form,
            "opportunities": rows,
            "can_create": access.can_add_opportunities(),
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def opportunity_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    opportunity = selectors.opportunity_get(access=access, pk=pk)
    language = page_language()
    labels = explain.labels_for([s.uri for s in opportunity.skills.all()], language)
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
            "can_edit": access.can_manage_opportunities(
                partner_id=opportunity.partner_id, project_id=opportunity.owner_project_id
            ),
        },
    )


def _opportunity_form(
    request: AuthenticatedHttpRequest, access: Access, opportunity: LearningOpportunity | None
) -> HttpResponse:
    owners = _owner_choices(access)
    if opportunity is not None:
        key = Owner(partner=opportunity.partner, project=opportunity.project).key
        if opportunity.partner_id is None and opportunity.project_id is None:
            key = "platform"
        if key not in {k for k, _label in owners}:
            owners.insert(
                0, (key, str(opportunity.partner or opportunity.project or _("The whole platform")))
            )
        initial: dict[str, Any] = {n: getattr(opportunity, n) for n in OPPORTUNITY_FIELDS}
        initial["languages"] = format_languages(opportunity.languages)
        initial["skills"] = "\n".join(sorted(s.uri for s in opportunity.skills.all()))
        initial["owner"] = key
    else:
        initial = {"is_active": True, "cost": 0}
    if not owners:
        raise AccessDenied(_("Only coordinators, project leads and admins add learning opportunities."))
    form = OpportunityForm(request.POST or None, initial=initial, owners=owners, language=page_language())
    if request.method == "POST" and form.is_valid():
        try:
            saved = opportunity_save(
                access=access,
                actor=request.user,
                values=form.values(),
                skill_uris=form.skill_uris(),
                owner=owner_from_key(form.cleaned_data["owner"]),
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
    if not access.can_add_opportunities():
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
        access=access, include_inactive=access.can_add_opportunities(), **filters
    )
    response = HttpResponse(catalogue_export(rows), content_type="text/csv; charset=utf-8")
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
            count = catalogue_import(
                access=access,
                actor=request.user,
                content=content,
                owner=owner_from_key(pending["owner"]),
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
            check = catalogue_check(
                access=access, content=content, owner=owner_from_key(form.cleaned_data["owner"])
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
