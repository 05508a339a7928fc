"""The funder report's files (XLSX, CSV, PDF): made at once for most projects, as a background job
(polku.core.jobs) with progress for a project with more participations than
`POLKU_REPORT_BACKGROUND_OVER`, whose queries take longer than a request should.

The job keeps the project code, the format and the filters; when it runs it computes the owner's access
again, so a file never holds more than the owner may see at that moment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access, access_for
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.jobs import JobFile, Progress, job_create, job_kind
from polku.core.models import BackgroundJob
from polku.dashboards.exports import report_csv, report_pdf, report_xlsx
from polku.dashboards.report import Report, report_get
from polku.dashboards.selectors import Filters
from polku.participants.models import Participation
from polku.projects.models import Project
from polku.projects.selectors import project_get

REPORT_FILE = "dashboards.report_file"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"
FORMATS: dict[str, tuple[Callable[[Report], bytes], str]] = {
    "xlsx": (report_xlsx, XLSX),
    "csv": (report_csv, CSV),
    "pdf": (report_pdf, PDF),
}


def format_names() -> dict[str, str]:
    return {"xlsx": _("Excel workbook (XLSX)"), "csv": _("CSV (UTF-8, semicolons)"), "pdf": _("PDF")}


def report_filename(project: Project, fmt: str) -> str:
    return f"{project.code}-report-{timezone.localdate().isoformat()}.{fmt}"


def report_runs_in_background(project: Project) -> bool:
    """True when the project's report files are made as background jobs (its size, not the reader's)."""
    limit = settings.POLKU_REPORT_BACKGROUND_OVER
    return Participation.objects.filter(project=project)[: limit + 1].count() > limit


def report_file(*, access: Access, project: Project, filters: Filters, fmt: str) -> JobFile:
    """The report as the reader may see it, written as `fmt` (made in the request)."""
    write, content_type = FORMATS[fmt]
    report = report_get(access=access, project=project, filters=filters)
    return JobFile(content=write(report), filename=report_filename(project, fmt), content_type=content_type)


def _params(project: Project, filters: Filters, fmt: str, back: str) -> dict[str, Any]:
    return {
        "code": project.code,
        "format": fmt,
        "from": filters.period_from.isoformat() if filters.period_from else None,
        "to": filters.period_to.isoformat() if filters.period_to else None,
        "partner": filters.partner_id,
        "country": filters.country,
        "back": back,
    }


def report_job_create(
    *, actor: Any, access: Access, project: Project, filters: Filters, fmt: str, back: str = ""
) -> BackgroundJob:
    """Queue the report file as the actor's background job (their access to the report checked now)."""
    if fmt not in FORMATS:
        raise ApplicationError(
            _("Choose a file format."), field_errors={"format": [_("Choose a file format.")]}
        )
    if not access.can_view_counts(project.pk):
        raise AccessDenied(_("The dashboard is for the project lead, evaluators and coordinators."))
    title = _("Funder report: %(project)s (%(format)s)") % {
        "project": project.name,
        "format": format_names()[fmt],
    }
    return job_create(owner=actor, kind=REPORT_FILE, title=title, params=_params(project, filters, fmt, back))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@job_kind(REPORT_FILE)
def run_report_job(job: BackgroundJob, progress: Progress) -> JobFile:
    params = job.params
    access = access_for(job.owner)
    try:
        project = project_get(access=access, code=params["code"])
    except (Http404, AccessDenied):
        raise ApplicationError(_("You can no longer see this project's report.")) from None
    filters = Filters(
        period_from=_date(params.get("from")),
        period_to=_date(params.get("to")),
        partner_id=params.get("partner"),
        country=params.get("country") or "",
    )
    fmt = params["format"]
    write, content_type = FORMATS[fmt]
    progress(10, _("Counting the figures…"))
    try:
        report = report_get(access=access, project=project, filters=filters)
    except AccessDenied:
        raise ApplicationError(_("You can no longer see this project's report.")) from None
    progress(70, _("Writing the file…"))
    content = write(report)
    progress(95, _("Saving the file…"))
    return JobFile(content=content, filename=report_filename(project, fmt), content_type=content_type)
