"""REST API of the dashboard and the funder report: the same published (suppressed) figures as the pages.

A hidden figure is `null` with `hidden: true`. Query parameters: from, to (ISO dates), partner (id), country (ISO code).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import FigureSerializer, FileNegotiation, file_response
from polku.core.errors import ApplicationError
from polku.core.jobs_api import file_responses, job_accepted
from polku.dashboards.forms import ReportFilterForm
from polku.dashboards.jobs import PDF, XLSX, report_file, report_job_create, report_runs_in_background
from polku.dashboards.report import report_get
from polku.dashboards.selectors import STAGES, Filters, dashboard_get
from polku.dashboards.views import pickable_partners
from polku.projects.models import Project
from polku.projects.selectors import project_get
from polku.suppression import Figure

TAGS = ["dashboards"]
PARAMETERS = [
    OpenApiParameter("from", str, description="Start of the period (entry dates, outcome dates), YYYY-MM-DD"),
    OpenApiParameter("to", str, description="End of the period, YYYY-MM-DD"),
    OpenApiParameter("partner", int, description="One partner (the reader's own for a coordinator)"),
    OpenApiParameter("country", str, description="Partners of one country, e.g. FI"),
]


def _value(figure: Figure | None) -> int | None:
    return None if figure is None else figure.value


class StageSerializer(serializers.Serializer):
    stage = serializers.CharField()
    value = serializers.IntegerField(allow_null=True)
    hidden = serializers.BooleanField()


class PartnerFiguresSerializer(serializers.Serializer):
    partner = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    country = serializers.CharField()
    registered = FigureSerializer()
    mapped = FigureSerializer()
    plan = FigureSerializer()
    active = FigureSerializer()
    exited = FigureSerializer()
    outcome = FigureSerializer()


class TargetFiguresSerializer(serializers.Serializer):
    target = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]  # an API field, not Field.label
    metric = serializers.CharField()
    work_package = serializers.IntegerField(allow_null=True)
    partner = serializers.IntegerField(allow_null=True)
    country = serializers.CharField()
    value = serializers.IntegerField()
    actual = FigureSerializer()


class MonthFiguresSerializer(serializers.Serializer):
    month = serializers.DateField()
    kinds = serializers.DictField(child=FigureSerializer())
    total = FigureSerializer()


class DashboardSerializer(serializers.Serializer):
    project = serializers.CharField()
    exact = serializers.BooleanField(
        help_text=_("True when the figures are exact (the reader's own partners)")
    )
    threshold = serializers.IntegerField()
    partners_in_view = serializers.ListField(child=serializers.IntegerField())
    funnel = StageSerializer(many=True)
    partners = PartnerFiguresSerializer(many=True)
    countries = PartnerFiguresSerializer(many=True)
    targets = TargetFiguresSerializer(many=True)
    outcomes_per_month = MonthFiguresSerializer(many=True)


class ReportSectionSerializer(serializers.Serializer):
    title = serializers.CharField()
    headers = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField(child=serializers.JSONField()))


class ReportSerializer(serializers.Serializer):
    title = serializers.CharField()
    details = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))
    note = serializers.CharField()
    sections = ReportSectionSerializer(many=True)


def _fig(figure: Figure) -> dict[str, Any]:
    return {"value": figure.value, "hidden": figure.hidden}


def _filters(request: AuthenticatedRequest, code: str) -> tuple[Access, Project, Filters]:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    form = ReportFilterForm(request.query_params or None, partners=pickable_partners(access, project))
    if request.query_params and not form.is_valid():
        raise ApplicationError(
            str(_("Check the filters.")),
            field_errors={name: [str(m) for m in errors] for name, errors in form.errors.items()},
        )
    start, end, partner, country = form.values() if request.query_params else (None, None, None, "")
    return access, project, Filters(period_from=start, period_to=end, partner_id=partner, country=country)


def _partner_row(row) -> dict[str, Any]:
    return {
        "partner": row.partner.pk if row.partner else None,
        "name": row.label,
        "country": row.country,
        **{stage: _fig(value) for stage, value in row.stages.items()},
    }


class DashboardApi(APIView):
    @extend_schema(
        operation_id="dashboard",
        tags=TAGS,
        parameters=PARAMETERS,
        responses=DashboardSerializer,
        description=_(
            "The project dashboard's figures. The lead, evaluators and admins see the whole project with small "
            "cells suppressed; a coordinator sees their own partner's exact figures only."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access, project, filters = _filters(request, code)
        board = dashboard_get(access=access, project=project, filters=filters)
        data = {
            "project": board.project.code,
            "exact": board.scope.exact,
            "threshold": board.threshold,
            "partners_in_view": board.scope.partner_ids,
            "funnel": [
                {
                    "stage": stage,
                    "value": board.funnel[stage].value,
                    "hidden": board.funnel[stage].hidden,
                }
                for stage in STAGES
            ],
            "partners": [_partner_row(r) for r in board.partner_rows],
            "countries": [_partner_row(r) for r in board.country_rows],
            "targets": [
                {
                    "target": t.target.pk,
                    "label": t.target.label,
                    "metric": t.target.metric,
                    "work_package": t.target.work_package_id,
                    "partner": t.target.partner_id,
                    "country": t.target.country,
                    "value": t.target.value,
                    "actual": _fig(t.actual),
                }
                for t in board.targets
            ],
            "outcomes_per_month": [
                {"month": m.month, "kinds": {k: _fig(v) for k, v in m.kinds.items()}, "total": _fig(m.total)}
                for m in board.months
            ],
        }
        return Response(DashboardSerializer(data).data)


class ReportApi(APIView):
    @extend_schema(
        operation_id="funder_report",
        tags=TAGS,
        parameters=PARAMETERS,
        responses=ReportSerializer,
        description=_(
            "The funder report as data: project details and sections of rows; a hidden cell is null with the "
            "same suppression as the dashboard."
        ),
    )
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        access, project, filters = _filters(request, code)
        report = report_get(access=access, project=project, filters=filters)

        def cell(value: Any) -> Any:
            return _value(value) if value is None or isinstance(value, Figure) else value

        data = {
            "title": report.title,
            "details": [list(d) for d in report.details],
            "note": report.note,
            "sections": [
                {
                    "title": s.title,
                    "headers": s.headers,
                    "rows": [[label, *(cell(c) for c in cells)] for label, cells in s.rows],
                }
                for s in report.sections
            ],
        }
        return Response(ReportSerializer(data).data)


class ReportFileApi(APIView):
    """The funder report as a file; a subclass per format, so that each has its own operation and type."""

    fmt = ""
    content_negotiation_class = FileNegotiation

    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse | Response:
        access, project, filters = _filters(request, code)
        if report_runs_in_background(project):
            job = report_job_create(
                actor=request.user, access=access, project=project, filters=filters, fmt=self.fmt
            )
            return job_accepted(job)
        made = report_file(access=access, project=project, filters=filters, fmt=self.fmt)
        return file_response(made.content, filename=made.filename, content_type=made.content_type)


FILE_DESCRIPTION = _(
    "The funder report as a file, with the same figures and suppression as the report page and the same "
    "filters. A project with more participations than POLKU_REPORT_BACKGROUND_OVER gets 202 and a "
    "background job instead: follow its status_url, then download_url."
)


class ReportXlsxApi(ReportFileApi):
    fmt = "xlsx"

    @extend_schema(
        operation_id="funder_report_xlsx",
        tags=TAGS,
        parameters=PARAMETERS,
        responses=file_responses(XLSX, _("An Excel workbook")),
        description=FILE_DESCRIPTION,
    )
    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse | Response:
        return super().get(request, code)


class ReportCsvApi(ReportFileApi):
    fmt = "csv"

    @extend_schema(
        operation_id="funder_report_csv",
        tags=TAGS,
        parameters=PARAMETERS,
        responses=file_responses("text/csv", _("CSV in UTF-8 with a byte-order mark, semicolons")),
        description=FILE_DESCRIPTION,
    )
    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse | Response:
        return super().get(request, code)


class ReportPdfApi(ReportFileApi):
    fmt = "pdf"

    @extend_schema(
        operation_id="funder_report_pdf",
        tags=TAGS,
        parameters=PARAMETERS,
        responses=file_responses(PDF, _("A PDF document")),
        description=FILE_DESCRIPTION,
    )
    def get(self, request: AuthenticatedRequest, code: str) -> HttpResponse | Response:
        return super().get(request, code)
