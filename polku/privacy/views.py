"""Privacy pages: a person's data (readable and JSON), erasure requests, retention settings and dry run."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access, access_for, coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.forms import apply_field_errors
from polku.participants.models import Participation, Person
from polku.privacy.forms import ErasureHandleForm, ErasureRequestForm, RetentionForm
from polku.privacy.selectors import (
    erasure_request_get,
    erasure_requests_for_staff,
    erasure_requests_of_person,
    person_export,
    person_export_for_staff,
    readable_sections,
    retention_overview,
)
from polku.privacy.services import erasure_request_create, erasure_request_handle, project_retention_update
from polku.projects.selectors import project_get


def _own_person(request: AuthenticatedHttpRequest) -> tuple[Access, Person]:
    access = access_for(request.user)
    if not access.is_participant:
        raise AccessDenied(_("This page is for participants."))
    return access, request.user.person


def _json_download(document: dict, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def my_data_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    _access, person = _own_person(request)
    document = person_export(person=person)
    context = {
        "sections": readable_sections(document),
        "generated_at": timezone.now(),
        "json_url": "privacy:my_data_json",
        "own": True,
    }
    return TemplateResponse(request, "privacy/person_data.html", context)


@login_required
def my_data_json_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    _access, person = _own_person(request)
    return _json_download(person_export(person=person), "my-data.json")


@login_required
def participant_data_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators can export a participant's data."))
    document = person_export_for_staff(access=access, actor=request.user, participation_id=pk)
    participation = Participation.objects.select_related("person").get(pk=pk)
    context = {
        "sections": readable_sections(document),
        "generated_at": timezone.now(),
        "participation": participation,
        "own": False,
    }
    return TemplateResponse(request, "privacy/person_data.html", context)


@login_required
def participant_data_json_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators can export a participant's data."))
    document = person_export_for_staff(access=access, actor=request.user, participation_id=pk)
    return _json_download(document, f"participant-{pk}-data.json")


# --- erasure --------------------------------------------------------------------------------------------


@login_required
def my_erasure_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access, person = _own_person(request)
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            erasure_request_create(
                actor=request.user, access=access, person=person, scope=form.cleaned_data["scope"]
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Your request was sent. A coordinator handles it."))
            return redirect("privacy:my_erasure")
    context = {"form": form, "forms": (form,), "requests": erasure_requests_of_person(person_id=person.pk)}
    return TemplateResponse(
        request, "privacy/my_erasure.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def erasure_on_behalf_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators can make requests for others."))
    queryset = Participation.objects.select_related("person")
    if not access.is_admin:
        queryset = queryset.filter(partner_id__in=access.coordinator_partner_ids)
    participation = get_object_or_404(queryset, pk=pk)
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = erasure_request_create(
                actor=request.user,
                access=access,
                person=participation.person,
                scope=form.cleaned_data["scope"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The request was recorded."))
            return redirect("privacy:erasure_detail", pk=created.pk)
    context = {"form": form, "forms": (form,), "participation": participation}
    return TemplateResponse(
        request, "privacy/erasure_on_behalf.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def erasure_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators handle erasure requests."))
    requests = list(erasure_requests_for_staff(access=access))
    context = {
        "pending": [r for r in requests if r.is_pending],
        "handled": [r for r in requests if not r.is_pending],
    }
    return TemplateResponse(request, "privacy/erasure_list.html", context)


@login_required
def erasure_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators handle erasure requests."))
    erasure = erasure_request_get(access=access, pk=pk)
    form = ErasureHandleForm(request.POST or None) if erasure.is_pending else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            erasure_request_handle(
                actor=request.user,
                access=access,
                request=erasure,
                refuse=form.cleaned_data["decision"] == "refuse",
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The request was handled."))
            return redirect("privacy:erasure_detail", pk=erasure.pk)
    context = {"erasure": erasure, "form": form, "forms": (form,) if form else ()}
    return TemplateResponse(
        request, "privacy/erasure_detail.html", context, status=400 if request.method == "POST" else 200
    )


# --- retention ------------------------------------------------------------------------------------------


@login_required
def retention_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_view_retention():
        raise AccessDenied(_("Retention is for project leads and platform admins."))
    today = timezone.localdate()
    context = {"rows": retention_overview(access=access, today=today), "today": today}
    return TemplateResponse(request, "privacy/retention.html", context)


@login_required
def project_retention_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead or a platform admin can change the retention settings."))
    form = RetentionForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        project.refresh_from_db()
        try:
            project_retention_update(actor=request.user, access=access, project=project, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The retention settings were saved."))
            return redirect("privacy:retention")
    context = {"project": project, "form": form, "forms": (form,)}
    return TemplateResponse(
        request, "privacy/project_retention.html", context, status=400 if request.method == "POST" else 200
    )
