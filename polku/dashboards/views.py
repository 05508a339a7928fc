"""The project dashboard and the funder report (page and XLSX/CSV/PDF downloads)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.activities.sections import dashboard_sections
from polku.dashboards.charts import bar_chart
from polku.dashboards.forms import ReportFilterForm
from polku.dashboards.jobs import FORMATS, report_file, report_job_create, report_runs_in_background
from polku.dashboards.report import report_get
from polku.dashboards.selectors import (
    STAGES,
    Filters,
    dashboard_get,
    stage_labels,
)
from polku.projects.models import Partner, Project
from polku.projects.selectors import project_get


def pickable_partners(access: Access, project: Project) -> list[Partner]:
    """Partners a reader may filter by: all for those who see aggregates, their own for a coordinator."""
    partners = list(
        project.partners.select_related("organisation").order_by("-is_lead", "organisation__name")
    )
    if access.can_view_aggregates(project.pk):
        return partners
    return [p for p in partners if access.can_manage_partner(p.pk)]


def filters_from(request: HttpRequest, access: Access, project: Project) -> tuple[ReportFilterForm, Filters]:
    form = ReportFilterForm(request.GET or None, partners=pickable_partners(access, project))
    start, end, partner, country = form.values() if request.GET else (None, None, None, "")
    return form, Filters(period_from=start, period_to=end, partner_id=partner, country=country)


@login_required
def dashboard_view(request: AuthenticatedHttpRequest, code: str) -> TemplateResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    form, filters = filters_from(request, access, project)
    board = dashboard_get(access=access, project=project, filters=filters)
    labels = stage_labels()
    funnel = [(stage, labels[stage], board.funnel[stage]) for stage in STAGES]
    charts = {
        "funnel": bar_chart(
            chart_id="funnel-chart",
            title=_("Participant funnel"),
            bars=[(label, f) for _s, label, f in funnel],
        ),
        "targets": bar_chart(
            chart_id="targets-chart",
            title=_("Targets against actuals"),
            bars=[(row.target.label, row.actual) for row in board.targets],
            goals=[row.target.value for row in board.targets],
        ),
        "months": bar_chart(
            chart_id="months-chart",
            title=_("Outcomes per month"),
            bars=[(date_format(row.month, "YEAR_MONTH_FORMAT"), row.total) for row in board.months],
        ),
        "kinds": bar_chart(
            chart_id="kinds-chart",
            title=_("Outcomes by kind"),
            bars=[(label, board.kind_totals[kind]) for kind, label in board.outcome_kinds],
        ),
    }
    sections = dashboard_sections.sections(
        project=project, access=access, within=board.within, threshold=board.threshold, request=request
    )
    context = {
        "project": project,
        "board": board,
        "form": form,
        "funnel": funnel,
        "charts": charts,
        "sections": sections["main"],
        # the outcome table says in words what its dashes mean when it has any
        "outcomes_hidden": any(
            figure.hidden for row in board.months for figure in (*row.kinds.values(), row.total)
        ),
    }
    return TemplateResponse(request, "dashboards/dashboard.html", context)


@login_required
def report_view(request: AuthenticatedHttpRequest, code: str) -> TemplateResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    form, filters = filters_from(request, access, project)
    query = request.GET.urlencode()
    context = {
        "project": project,
        "form": form,
        "report": report_get(access=access, project=project, filters=filters),
    }
    context["query"] = f"?{query}" if query else ""
    context["in_background"] = report_runs_in_background(project)
    return TemplateResponse(request, "dashboards/report.html", context)


@login_required
def report_download_view(request: AuthenticatedHttpRequest, code: str, fmt: str) -> HttpResponse:
    """The report file at once, or for a large project a background job whose page shows its progress."""
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    if fmt not in FORMATS:
        raise Http404
    _form, filters = filters_from(request, access, project)
    if report_runs_in_background(project):
        query = request.GET.urlencode()
        back = reverse("dashboards:report", args=[project.code]) + (f"?{query}" if query else "")
        job = report_job_create(
            actor=request.user, access=access, project=project, filters=filters, fmt=fmt, back=back
        )
        return redirect("core:job", job.pk)
    made = report_file(access=access, project=project, filters=filters, fmt=fmt)
    response = HttpResponse(made.content, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return response
