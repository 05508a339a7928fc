"""Project pages: the list of one's projects, a project's structure, its activities and privacy notices.

Views parse input and pick the template; who may do what is decided in the selectors and services
(the checks here only decide which forms to offer, and refuse early with the same rule).
"""

from __future__ import annotations

from itertools import groupby

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.consent.selectors import notice_list
from polku.consent.services import notice_publish
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors
from polku.projects import services
from polku.projects.forms import (
    ActivityForm,
    EnrolForm,
    NoticePublishForm,
    ProjectForm,
    TargetForm,
    UnenrolForm,
    WorkPackageForm,
)
from polku.projects.indicator_sets import SET_LABELS, indicator_set_for
from polku.projects.models import Activity, Partner, Project
from polku.projects.selectors import (
    activity_enrol_candidates,
    activity_get,
    activity_list,
    activity_roster,
    partner_list,
    project_get,
    project_list,
    target_list,
    target_progress,
    work_package_list,
)

# Enrolment checkboxes shown at once; a search narrows the list (a coordinator may have hundreds).
CANDIDATES_SHOWN = 100


@login_required
def project_list_view(request: HttpRequest) -> TemplateResponse:
    projects = project_list(access=access_for(request.user))
    return TemplateResponse(request, "projects/project_list.html", {"projects": projects})


@login_required
def project_detail_view(request: HttpRequest, code: str) -> TemplateResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    partners = list(partner_list(project=project))
    for partner in partners:
        partner.count_visible = access.can_view_partner_counts(project.pk, partner.pk)  # type: ignore[attr-defined]
    context = {
        "project": project,
        "partners": partners,
        "work_packages": work_package_list(project=project),
        "progress": target_progress(project=project),
        "activities": activity_list(project=project),
        "can_see_targets": access.can_view_counts(project.pk),
        "can_manage": access.can_manage_project(project.pk),
        "can_add_activity": bool(_activity_partners(access, project, partners=partners)),
        "can_edit_project": access.is_admin,
        "indicator_set_label": SET_LABELS[indicator_set_for(project)],
    }
    return TemplateResponse(request, "projects/project_detail.html", context)


@login_required
def project_edit_view(request: HttpRequest, code: str) -> HttpResponse:
    """A project's own fields (name, funder, period, indicator set …): platform admins only."""
    access, project = _project(request, code)
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can create or change projects."))
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(
                actor=request.user,  # type: ignore[arg-type]
                access=access,
                project=project,
                data=form.cleaned_data,
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The project was saved."))
            return redirect("projects:detail", code=project.code)
    back = reverse("projects:detail", args=[code])
    return _form_page(request, project=project, title=_("Edit project"), form=form, back=back)


# --- shared helpers ---------------------------------------------------------------------------


def _project(request: HttpRequest, code: str) -> tuple[Access, Project]:
    access = access_for(request.user)
    return access, project_get(access=access, code=code)


def _require_manager(access: Access, project: Project) -> None:
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead or a platform admin can change the project's structure."))


def _project_url(project: Project, anchor: str = "") -> str:
    return reverse("projects:detail", args=[project.code]) + (f"#{anchor}" if anchor else "")


def _activity_partners(
    access: Access, project: Project, *, partners: list[Partner] | None = None
) -> list[Partner]:
    """The partners the user may run activities for: all for the lead, their own for a coordinator."""
    rows = partners if partners is not None else list(partner_list(project=project))
    return [p for p in rows if access.can_manage_activity(project.pk, p.pk)]


def _form_page(
    request: HttpRequest, *, project: Project, title: str, form: forms.Form, back: str
) -> TemplateResponse:
    """A structure form; sent back with errors it answers 400 (a valid one has redirected already)."""
    return TemplateResponse(
        request,
        "projects/structure_form.html",
        {"project": project, "title": title, "form": form, "forms": (form,), "back": back},
        status=400 if request.method == "POST" else 200,
    )


def _delete_page(
    request: HttpRequest, *, project: Project, title: str, question: str, back: str, error: str = ""
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "projects/confirm_delete.html",
        {"project": project, "title": title, "question": question, "back": back, "error": error},
        status=400 if error else 200,
    )


# --- work packages ----------------------------------------------------------------------------


@login_required
def work_package_form_view(request: HttpRequest, code: str, pk: int | None = None) -> HttpResponse:
    access, project = _project(request, code)
    _require_manager(access, project)
    work_package = get_object_or_404(work_package_list(project=project), pk=pk) if pk else None
    form = WorkPackageForm(request.POST or None, project=project, instance=work_package)
    if request.method == "POST" and form.is_valid():
        try:
            if work_package is None:
                services.work_package_create(access=access, project=project, **form.cleaned_data)
            else:
                services.work_package_update(access=access, work_package=work_package, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The work package was saved."))
            return redirect(_project_url(project, "work-packages"))
    title = _("New work package") if work_package is None else _("Edit work package")
    return _form_page(
        request, project=project, title=title, form=form, back=_project_url(project, "work-packages")
    )


@login_required
def work_package_delete_view(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = _project(request, code)
    _require_manager(access, project)
    work_package = get_object_or_404(work_package_list(project=project), pk=pk)
    page = {
        "title": _("Remove work package"),
        "question": _("Remove the work package %(name)s?") % {"name": str(work_package)},
        "back": _project_url(project, "work-packages"),
    }
    if request.method == "POST":
        try:
            services.work_package_delete(access=access, work_package=work_package)
        except ApplicationError as error:
            return _delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The work package was removed."))
        return redirect(page["back"])
    return _delete_page(request, project=project, **page)


# --- targets ----------------------------------------------------------------------------------


@login_required
def target_form_view(request: HttpRequest, code: str, pk: int | None = None) -> HttpResponse:
    access, project = _project(request, code)
    _require_manager(access, project)
    target = get_object_or_404(target_list(project=project), pk=pk) if pk else None
    form = TargetForm(request.POST or None, project=project, instance=target)
    if request.method == "POST" and form.is_valid():
        try:
            if target is None:
                services.target_create(access=access, project=project, **form.cleaned_data)
            else:
                services.target_update(access=access, target=target, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The target was saved."))
            return redirect(_project_url(project, "targets"))
    title = _("New target") if target is None else _("Edit target")
    return _form_page(request, project=project, title=title, form=form, back=_project_url(project, "targets"))


@login_required
def target_delete_view(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = _project(request, code)
    _require_manager(access, project)
    target = get_object_or_404(target_list(project=project), pk=pk)
    page = {
        "title": _("Remove target"),
        "question": _("Remove the target %(name)s?") % {"name": target.label},
        "back": _project_url(project, "targets"),
    }
    if request.method == "POST":
        try:
            services.target_delete(access=access, target=target)
        except ApplicationError as error:
            return _delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The target was removed."))
        return redirect(page["back"])
    return _delete_page(request, project=project, **page)


# --- activities -------------------------------------------------------------------------------


def _partner_queryset(partners: list[Partner]) -> QuerySet[Partner]:
    return Partner.objects.filter(pk__in=[p.pk for p in partners]).select_related("organisation")


@login_required
def activity_create_view(request: HttpRequest, code: str) -> HttpResponse:
    access, project = _project(request, code)
    partners = _activity_partners(access, project)
    if not partners:
        raise AccessDenied(_("Only the project lead and the project's coordinators can add activities."))
    form = ActivityForm(request.POST or None, project=project, partners=_partner_queryset(partners))
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(access=access, project=project, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect("projects:activity", code=project.code, pk=activity.pk)
    return _form_page(
        request,
        project=project,
        title=_("New activity"),
        form=form,
        back=_project_url(project, "activities"),
    )


def _editable_activity(request: HttpRequest, code: str, pk: int) -> tuple[Access, Project, Activity]:
    access, project = _project(request, code)
    activity = activity_get(project=project, pk=pk)
    if not access.can_manage_activity(activity.project_id, activity.partner_id):
        raise AccessDenied(
            _("Only the project lead or a coordinator of the partner running it can change it.")
        )
    return access, project, activity


@login_required
def activity_edit_view(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access, project, activity = _editable_activity(request, code, pk)
    partners = _partner_queryset(_activity_partners(access, project))
    form = ActivityForm(request.POST or None, project=project, partners=partners, instance=activity)
    back = reverse("projects:activity", args=[project.code, activity.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(access=access, activity=activity, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(back)
    return _form_page(request, project=project, title=_("Edit activity"), form=form, back=back)


@login_required
def activity_delete_view(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access, project, activity = _editable_activity(request, code, pk)
    page = {
        "title": _("Remove activity"),
        "question": _("Remove the activity %(name)s?") % {"name": activity.name},
        "back": reverse("projects:activity", args=[project.code, activity.pk]),
    }
    if request.method == "POST":
        try:
            services.activity_delete(access=access, activity=activity)
        except ApplicationError as error:
            return _delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The activity was removed."))
        return redirect(_project_url(project, "activities"))
    return _delete_page(request, project=project, **page)


def _activity_page(
    request: HttpRequest,
    *,
    access: Access,
    project: Project,
    activity: Activity,
    enrol_form: EnrolForm | None = None,
) -> TemplateResponse:
    can_enrol = access.coordinates_in(project.pk)
    query = request.GET.get("q", "").strip()
    more_candidates = has_candidates = False
    if can_enrol:
        candidates = activity_enrol_candidates(access=access, activity=activity, q=query)
        shown = list(candidates.values_list("pk", flat=True)[: CANDIDATES_SHOWN + 1])
        more_candidates = len(shown) > CANDIDATES_SHOWN
        has_candidates = bool(shown) or enrol_form is not None
        visible = Q(pk__in=shown[:CANDIDATES_SHOWN])
        if enrol_form is None:
            enrol_form = EnrolForm(candidates=candidates.filter(visible))
        else:
            # A form sent back with errors keeps the boxes the user ticked, within the same short list.
            chosen = [v for v in enrol_form.data.getlist("participations") if v.isdigit()]
            enrol_form.fields["participations"].queryset = candidates.filter(visible | Q(pk__in=chosen))
    counts_visible = access.can_view_counts(project.pk)
    context = {
        "project": project,
        "activity": activity,
        "can_edit": access.can_manage_activity(activity.project_id, activity.partner_id),
        # the feedback results (polku.surveys): exact for the partner's coordinators, suppressed for others
        "can_see_feedback": access.can_manage_partner(activity.partner_id)
        or access.can_view_aggregates(project.pk),
        "counts_visible": counts_visible,
        "roster": activity_roster(access=access, activity=activity) if counts_visible else None,
        "can_see_people": can_enrol,
        "can_enrol": can_enrol,
        "enrol_form": enrol_form,
        "forms": (enrol_form,) if enrol_form is not None else (),
        "query": query,
        "more_candidates": more_candidates,
        "has_candidates": has_candidates,
        "candidates_shown": CANDIDATES_SHOWN,
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "projects/activity_detail.html", context, status=status)


@login_required
def activity_detail_view(request: HttpRequest, code: str, pk: int) -> TemplateResponse:
    access, project = _project(request, code)
    activity = activity_get(project=project, pk=pk)
    return _activity_page(request, access=access, project=project, activity=activity)


@login_required
@require_POST
def activity_enrol_view(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = _project(request, code)
    activity = activity_get(project=project, pk=pk)
    if not access.coordinates_in(project.pk):
        raise AccessDenied(_("Only coordinators enrol participants, each their own partner's."))
    candidates = activity_enrol_candidates(access=access, activity=activity)
    form = EnrolForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            created = services.activity_enrol(
                actor=request.user,
                access=access,
                activity=activity,
                participation_ids=[p.pk for p in form.cleaned_data["participations"]],
                enrolled_on=form.cleaned_data["enrolled_on"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s participant was enrolled.",
                    "%(count)s participants were enrolled.",
                    len(created),
                )
                % {"count": len(created)},
            )
            return redirect("projects:activity", code=project.code, pk=activity.pk)
    return _activity_page(request, access=access, project=project, activity=activity, enrol_form=form)


@login_required
@require_POST
def activity_unenrol_view(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = _project(request, code)
    activity = activity_get(project=project, pk=pk)
    form = UnenrolForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the participant to remove."))
    else:
        try:
            removed = services.activity_unenrol(
                actor=request.user,
                access=access,
                activity=activity,
                participation_ids=[form.cleaned_data["participation"]],
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            if removed:
                messages.success(request, _("The participant was removed from the activity."))
            else:
                messages.info(request, _("The participant was not enrolled in this activity."))
    return redirect("projects:activity", code=project.code, pk=activity.pk)


# --- privacy notices --------------------------------------------------------------------------


@login_required
def privacy_view(request: HttpRequest, code: str) -> HttpResponse:
    """Every version of the project's privacy notice; the lead publishes the next one here."""
    access, project = _project(request, code)
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
                return redirect("projects:privacy", code=project.code)
    context = {
        "project": project,
        "versions": versions,
        "form": form,
        "forms": (form,) if form is not None else (),
    }
    return TemplateResponse(
        request, "projects/privacy.html", context, status=400 if request.method == "POST" else 200
    )
