"""Pages of a project's targets and activities: the lead manages the targets, the lead and the
coordinators run activities, and coordinators enrol their own partner's participants.

The targets and the activities are listed on the project page (their sections: activities.sections);
these pages add, change and remove them, and show one activity with who is enrolled in it as far as the
reader may know. Views parse input and pick the template; who may do what is decided in the selectors and
services (the checks here only decide which forms to offer, and refuse early with the same rule).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import Access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.activities import services
from polku.activities.forms import ActivityForm, EnrolForm, TargetForm, UnenrolForm
from polku.activities.models import Activity
from polku.activities.sections import activity_sections
from polku.activities.selectors import (
    activity_enrol_candidates,
    activity_get,
    activity_roster,
    target_list,
)
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors
from polku.projects.models import Partner, Project
from polku.projects.pages import delete_page, form_page, project_for, project_url
from polku.projects.selectors import partner_list
from polku.projects.services import require_manager

# Enrolment checkboxes shown at once; a search narrows the list (a coordinator may have hundreds).
CANDIDATES_SHOWN = 100


def _activity_partners(access: Access, project: Project) -> list[Partner]:
    """The partners the user may run activities for: all for the lead, their own for a coordinator."""
    return [p for p in partner_list(project=project) if access.can_manage_activity(project.pk, p.pk)]


# --- targets ----------------------------------------------------------------------------------


@login_required
def target_form_view(request: AuthenticatedHttpRequest, code: str, pk: int | None = None) -> HttpResponse:
    access, project = project_for(request, code)
    require_manager(access, project)
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
            return redirect(project_url(project, "targets"))
    title = _("New target") if target is None else _("Edit target")
    return form_page(request, project=project, title=title, form=form, back=project_url(project, "targets"))


@login_required
def target_delete_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    require_manager(access, project)
    target = get_object_or_404(target_list(project=project), pk=pk)
    page = {
        "title": _("Remove target"),
        "question": _("Remove the target %(name)s?") % {"name": target.label},
        "back": project_url(project, "targets"),
    }
    if request.method == "POST":
        try:
            services.target_delete(access=access, target=target)
        except ApplicationError as error:
            return delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The target was removed."))
        return redirect(page["back"])
    return delete_page(request, project=project, **page)


# --- activities -------------------------------------------------------------------------------


def _partner_queryset(partners: list[Partner]) -> QuerySet[Partner]:
    return Partner.objects.filter(pk__in=[p.pk for p in partners]).select_related("organisation")


@login_required
def activity_create_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access, project = project_for(request, code)
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
            return redirect("activities:detail", code=project.code, pk=activity.pk)
    return form_page(
        request,
        project=project,
        title=_("New activity"),
        form=form,
        back=project_url(project, "activities"),
    )


def _editable_activity(
    request: AuthenticatedHttpRequest, code: str, pk: int
) -> tuple[Access, Project, Activity]:
    access, project = project_for(request, code)
    activity = activity_get(project=project, pk=pk)
    if not access.can_manage_activity(activity.project_id, activity.partner_id):
        raise AccessDenied(
            _("Only the project lead or a coordinator of the partner running it can change it.")
        )
    return access, project, activity


@login_required
def activity_edit_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project, activity = _editable_activity(request, code, pk)
    partners = _partner_queryset(_activity_partners(access, project))
    form = ActivityForm(request.POST or None, project=project, partners=partners, instance=activity)
    back = reverse("activities:detail", args=[project.code, activity.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(access=access, activity=activity, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(back)
    return form_page(request, project=project, title=_("Edit activity"), form=form, back=back)


@login_required
def activity_delete_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project, activity = _editable_activity(request, code, pk)
    page = {
        "title": _("Remove activity"),
        "question": _("Remove the activity %(name)s?") % {"name": activity.name},
        "back": reverse("activities:detail", args=[project.code, activity.pk]),
    }
    if request.method == "POST":
        try:
            services.activity_delete(access=access, activity=activity)
        except ApplicationError as error:
            return delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The activity was removed."))
        return redirect(project_url(project, "activities"))
    return delete_page(request, project=project, **page)


def _activity_page(
    request: AuthenticatedHttpRequest,
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
            chosen = [v for v in enrol_form.data.getlist("participations") if v.isdigit()]  # type: ignore[attr-defined]
            enrol_form.fields["participations"].queryset = candidates.filter(visible | Q(pk__in=chosen))  # type: ignore[attr-defined]
    counts_visible = access.can_view_counts(project.pk)
    context = {
        "project": project,
        "activity": activity,
        "sections": activity_sections.sections(activity=activity, access=access, request=request),
        "can_edit": access.can_manage_activity(activity.project_id, activity.partner_id),
        # the feedback results (polku.surveys): exact for the partner's coordinators, suppressed for others
        "can_see_feedback": (
            activity.partner_id is not None and access.can_manage_partner(activity.partner_id)
        )
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
    return TemplateResponse(request, "activities/activity_detail.html", context, status=status)


@login_required
def activity_detail_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> TemplateResponse:
    access, project = project_for(request, code)
    activity = activity_get(project=project, pk=pk)
    return _activity_page(request, access=access, project=project, activity=activity)


@login_required
@require_POST
def activity_enrol_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
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
            return redirect("activities:detail", code=project.code, pk=activity.pk)
    return _activity_page(request, access=access, project=project, activity=activity, enrol_form=form)


@login_required
@require_POST
def activity_unenrol_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
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
    return redirect("activities:detail", code=project.code, pk=activity.pk)
