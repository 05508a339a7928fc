"""Consent's pages: a project's privacy notices, every version in every language, where the project lead
publishes the next version (the participant's own consents are on their page, polku.participants).

Views parse input and pick the template; who may publish is decided in consent.services (the check here
refuses early with the same rule).
"""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from polku.accounts.http import AuthenticatedHttpRequest
from polku.consent.forms import NoticePublishForm
from polku.consent.selectors import notice_list
from polku.consent.services import notice_publish
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors
from polku.projects.pages import project_for


@login_required
def notices_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """Every version of the project's privacy notice; the lead publishes the next one here."""
    access, project = project_for(request, code)
    can_publish = access.can_manage_project(project.pk)
    if request.method == "POST" and not can_publish:
        raise AccessDenied(_("Only the project lead or a platform admin can publish the privacy notice."))
    notices = list(notice_list(project_id=project.pk))
    versions = [(version, list(rows)) for version, rows in groupby(notices, key=lambda n: n.version)]
    form = None
    if can_publish:
        current = versions[0][1] if versions else []
        form = NoticePublishForm(request.POST or None, current=current)
        if request.method == "POST" and form.is_valid():
            try:
                published = notice_publish(
                    actor=request.user, access=access, project=project, texts=form.texts()
                )
            except ApplicationError as error:
                apply_field_errors(error, form)
            else:
                messages.success(
                    request,
                    _("Version %(version)s of the privacy notice was published.")
                    % {"version": published[0].version},
                )
                return redirect("consent:notices", code=project.code)
    context = {
        "project": project,
        "versions": versions,
        "form": form,
        "forms": (form,) if form is not None else (),
    }
    return TemplateResponse(
        request, "consent/notices.html", context, status=400 if request.method == "POST" else 200
    )
