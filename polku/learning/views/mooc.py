"""The MOOC completion import page: a coordinator uploads a platform's CSV export for their partner,
sees each row matched (or why not), then records the completions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import response_status
from polku.learning.forms import MoocImportForm
from polku.learning.services.mooc import mooc_import, mooc_summary
from polku.participants.forms import apply_field_errors
from polku.projects.models import Partner


@login_required
def mooc_import_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    partners = {
        p.pk: p
        for p in Partner.objects.select_related("organisation", "project").order_by("project__code")
        if access.can_manage_partner(p.pk)
    }
    choices = [(str(p.pk), f"{p.project.code} {p.organisation.name}") for p in partners.values()]
    if not choices:
        raise AccessDenied(_("Only coordinators import completions for their participants."))
    form = MoocImportForm(request.POST or None, request.FILES or None, partners=choices)
    rows = None
    summary = None
    if request.method == "POST" and form.is_valid():
        partner = partners[int(form.cleaned_data["partner"])]
        try:
            rows = mooc_import(
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
            summary = mooc_summary(rows)
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
        status=response_status(request, form.is_valid() if request.method == "POST" else True),
    )
