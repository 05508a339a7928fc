"""The background jobs page of platform admins: failed and stuck tasks, undelivered e-mails, live workers,
and "Try again" for each."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.models import OutgoingEmail
from polku.operations import selectors, services


@login_required
def jobs_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    context = {
        "jobs": selectors.failed_jobs(access=access),
        "emails": selectors.undelivered_emails(access=access),
        "workers": selectors.live_workers(access=access),
    }
    return TemplateResponse(request, "operations/jobs.html", context)


@login_required
@require_POST
def job_retry_view(request: AuthenticatedHttpRequest, pk: str) -> HttpResponse:
    access = access_for(request.user)
    selectors.require_admin(access)
    try:
        result = DBTaskResult.objects.get(pk=pk)
    except (DBTaskResult.DoesNotExist, ValueError) as error:
        raise Http404 from error
    try:
        services.job_retry(actor=request.user, access=access, result=result)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The task was queued again."))
    return redirect("operations:jobs")


@login_required
@require_POST
def email_retry_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    selectors.require_admin(access)
    email = get_object_or_404(OutgoingEmail, pk=pk)
    try:
        services.email_retry(actor=request.user, access=access, email=email)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The e-mail was queued again."))
    return redirect("operations:jobs")
