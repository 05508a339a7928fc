"""The page of one background job (progress, then the download link) and its file; the owner's only.

The page polls itself with HTMX every two seconds while the job runs (the `#job-status` element is
swapped); without JavaScript a <noscript> refresh does the same.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from polku.core.jobs import job_get_own
from polku.core.models import BackgroundJob


def _back(job: BackgroundJob) -> str:
    back = str(job.params.get("back", ""))
    return back if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None) else ""


@login_required
def job_view(request: HttpRequest, pk: int) -> TemplateResponse:
    job = job_get_own(user=request.user, pk=pk)
    context = {
        "job": job,
        "poll_url": reverse("core:job", args=[job.pk]),
        "download_url": reverse("core:job_download", args=[job.pk]),
        "back": _back(job),
    }
    return TemplateResponse(request, "core/job.html", context)


@login_required
def job_download_view(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = job_get_own(user=request.user, pk=pk)
    if not job.ready:
        return redirect("core:job", job.pk)
    return job_file_response(job)


def job_file_response(job: BackgroundJob) -> FileResponse:
    """The job's file as an attachment with its own name and content type."""
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.filename, content_type=job.content_type
    )
