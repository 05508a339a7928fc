"""Knowledge pages: the public library of good practices and handbook pages, staff editing, and a
project's evaluation notes and reflection meetings."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest, request_access
from polku.core.errors import AccessDenied, ApplicationError
from polku.knowledge.forms import EvaluationNoteForm, GoodPracticeForm, HandbookPageForm
from polku.knowledge.models import GoodPractice, HandbookPage
from polku.knowledge.rendering import render_markdown
from polku.knowledge.selectors import (
    evaluation_note_list,
    good_practice_get,
    good_practice_list,
    handbook_page_get,
    handbook_page_list,
)
from polku.knowledge.services import evaluation_note_create, good_practice_save, handbook_page_save
from polku.participants.forms import apply_field_errors
from polku.projects.selectors import project_get, project_list

SECTIONS = (
    ("problem", gettext_lazy("The problem")),
    ("done", gettext_lazy("What was done")),
    ("results", gettext_lazy("Results")),
    ("reuse", gettext_lazy("How to reuse it")),
)


def _language() -> str:
    return (get_language() or "en")[:2]


def _titled(rows, language: str) -> list:
    items = list(rows)
    for item in items:
        item.shown_title = item.text("title", language)
        item.shown_language = item.language_shown("title", language)
    return items


def library_view(request: HttpRequest) -> TemplateResponse:
    """Published good practices and handbook pages: public, no login."""
    access = request_access(request)
    language = _language()
    context = {
        "practices": _titled(good_practice_list(access=access), language),
        "pages": _titled(handbook_page_list(access=access), language),
        "can_author": access.can_author_knowledge(None),
        "language": language,
    }
    return TemplateResponse(request, "knowledge/library.html", context)


def practice_view(request: HttpRequest, slug: str) -> TemplateResponse:
    access = request_access(request)
    practice = good_practice_get(access=access, slug=slug)
    language = _language()
    sections = [
        (label, render_markdown(practice.text(name, language)), practice.language_shown(name, language))
        for name, label in SECTIONS
        if practice.text(name, language)
    ]
    context = {
        "practice": practice,
        "title": practice.text("title", language),
        "title_language": practice.language_shown("title", language),
        "sections": sections,
        "language": language,
        "can_edit": access.can_edit_knowledge(project_id=practice.project_id, author_id=practice.author_id),
    }
    return TemplateResponse(request, "knowledge/practice.html", context)


def page_view(request: HttpRequest, slug: str) -> TemplateResponse:
    access = request_access(request)
    page = handbook_page_get(access=access, slug=slug)
    language = _language()
    context = {
        "page": page,
        "title": page.text("title", language),
        "title_language": page.language_shown("title", language),
        "body": render_markdown(page.text("body", language)),
        "body_language": page.language_shown("body", language),
        "language": language,
        "can_edit": access.can_edit_knowledge(project_id=page.project_id, author_id=page.author_id),
    }
    return TemplateResponse(request, "knowledge/page.html", context)


@login_required
def manage_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_author_knowledge(None):
        raise AccessDenied(_("Knowledge pages are written by project leads and coordinators."))
    language = _language()
    context = {
        "practices": _titled(good_practice_list(access=access, published_only=False), language),
        "pages": _titled(handbook_page_list(access=access, published_only=False), language),
    }
    return TemplateResponse(request, "knowledge/manage.html", context)


def _edit(request: AuthenticatedHttpRequest, *, kind: str, slug: str | None) -> HttpResponse:
    access = access_for(request.user)
    if not access.can_author_knowledge(None):
        raise AccessDenied(_("Knowledge pages are written by project leads and coordinators."))
    if kind == "practice":
        obj: GoodPractice | HandbookPage | None = (
            good_practice_get(access=access, slug=slug, for_edit=True) if slug else None
        )
        form: GoodPracticeForm | HandbookPageForm = GoodPracticeForm(
            request.POST or None, instance=obj, access=access
        )
    else:
        obj = handbook_page_get(access=access, slug=slug, for_edit=True) if slug else None
        form = HandbookPageForm(request.POST or None, instance=obj, access=access)
    if request.method == "POST" and form.is_valid():
        if obj is not None:
            obj.refresh_from_db()
        try:
            if kind == "practice":
                saved: GoodPractice | HandbookPage = good_practice_save(
                    actor=request.user,
                    access=access,
                    practice=cast("GoodPractice | None", obj),
                    data=form.cleaned_data,
                )
            else:
                saved = handbook_page_save(
                    actor=request.user,
                    access=access,
                    page=cast("HandbookPage | None", obj),
                    data=form.cleaned_data,
                )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Saved."))
            return redirect("knowledge:practice" if kind == "practice" else "knowledge:page", slug=saved.slug)
    title = {
        ("practice", False): _("New good practice"),
        ("practice", True): _("Edit the good practice"),
        ("page", False): _("New handbook page"),
        ("page", True): _("Edit the handbook page"),
    }[(kind, obj is not None)]
    context = {"form": form, "forms": (form,), "title": title}
    return TemplateResponse(
        request, "knowledge/edit.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def practice_edit_view(request: AuthenticatedHttpRequest, slug: str | None = None) -> HttpResponse:
    return _edit(request, kind="practice", slug=slug)


@login_required
def page_edit_view(request: AuthenticatedHttpRequest, slug: str | None = None) -> HttpResponse:
    return _edit(request, kind="page", slug=slug)


@login_required
def evaluation_index_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    """The projects whose evaluation notes the reader may see."""
    access = access_for(request.user)
    if not access.can_use_any_evaluation_notes():
        raise AccessDenied(_("Evaluation notes are for the project's staff."))
    projects = [p for p in project_list(access=access) if access.can_use_evaluation_notes(p.pk)]
    return TemplateResponse(request, "knowledge/evaluation_index.html", {"projects": projects})


@login_required
def evaluation_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    if not access.can_use_evaluation_notes(project.pk):
        raise AccessDenied(_("Evaluation notes are for the project's staff."))
    form = EvaluationNoteForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_note_create(actor=request.user, access=access, project=project, **form.values())
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The note was saved."))
            return redirect("knowledge:evaluation", code=project.code)
    context = {
        "project": project,
        "notes": evaluation_note_list(access=access, project=project),
        "form": form,
        "forms": (form,),
    }
    return TemplateResponse(
        request, "knowledge/evaluation.html", context, status=400 if request.method == "POST" else 200
    )
