"""Helpers the pages of a project's structure share: those of `projects` and of the apps above it that
serve pages under /projects/<code>/ (activities, consent).

The reader's access and the project come first (404 for a project the reader is not a member of); the
structure's forms and confirmations render with the two templates of this app.
"""

from __future__ import annotations

from django import forms
from django.template.response import TemplateResponse
from django.urls import reverse

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.projects.models import Project
from polku.projects.selectors import project_get


def project_for(request: AuthenticatedHttpRequest, code: str) -> tuple[Access, Project]:
    """The reader's access and the project of the URL, which they must be a member of."""
    access = access_for(request.user)
    return access, project_get(access=access, code=code)


def project_url(project: Project, anchor: str = "") -> str:
    """The project page, at one of its sections when `anchor` is given."""
    return reverse("projects:detail", args=[project.code]) + (f"#{anchor}" if anchor else "")


def form_page(
    request: AuthenticatedHttpRequest, *, project: Project | None, title: str, form: forms.Form, back: str
) -> TemplateResponse:
    """A structure form; sent back with errors it answers 400 (a valid one has redirected already)."""
    return TemplateResponse(
        request,
        "projects/structure_form.html",
        {"project": project, "title": title, "form": form, "forms": (form,), "back": back},
        status=400 if request.method == "POST" else 200,
    )


def delete_page(
    request: AuthenticatedHttpRequest,
    *,
    project: Project,
    title: str,
    question: str,
    back: str,
    error: str = "",
) -> TemplateResponse:
    """The confirmation before removing a part of the structure; with the service's refusal, a 400."""
    return TemplateResponse(
        request,
        "projects/confirm_delete.html",
        {"project": project, "title": title, "question": question, "back": back, "error": error},
        status=400 if error else 200,
    )
