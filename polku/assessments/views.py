"""Self-assessment pages: a person's history with progress, the form (the person, or a coordinator with
them), one assessment, a coordinator's list, and a project's before/after deltas."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.assessments import frameworks as fw
from polku.assessments import services
from polku.assessments.charts import level_chart
from polku.assessments.forms import SelfAssessmentForm
from polku.assessments.selectors import (
    FrameworkHistory,
    ProjectDeltas,
    assessment_get,
    history_of,
    levels_of,
    people_with_assessments,
    person_history,
    project_deltas,
)
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.forms import apply_field_errors
from polku.participants.models import Participation, Person
from polku.participants.selectors import visible_person
from polku.projects.selectors import project_get, project_list


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def _own(access: Access, person: Person) -> bool:
    return access.person_id == person.pk


def _delta_projects(access: Access) -> list:
    return [p for p in project_list(access=access) if access.can_view_counts(p.pk)]


@login_required
def index_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A participant's own page; a coordinator's list of their participants' assessments; project figures."""
    access = access_for(request.user)
    if access.is_participant and not access.is_staff_role:
        return redirect("assessments:person", pk=access.person_id)
    projects = _delta_projects(access)
    page = None
    if access.is_coordinator:
        page = Paginator(people_with_assessments(access=access), 50).get_page(request.GET.get("page"))
    elif not projects:
        raise AccessDenied(_("Self-assessments are for participants, coordinators and project staff."))
    context = {"page": page, "projects": projects, "own_person_id": access.person_id}
    return TemplateResponse(request, "assessments/index.html", context)


@login_required
def me_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if access.person_id is None:
        raise AccessDenied(_("This page is for participants."))
    return redirect("assessments:person", pk=access.person_id)


def _history_charts(histories: list[FrameworkHistory], lang: str) -> list[tuple[FrameworkHistory, object]]:
    out: list[tuple[FrameworkHistory, object]] = []
    for history in histories:
        chart = level_chart(
            chart_id=f"chart-{history.framework.code}",
            title=(
                _("%(framework)s: first and latest level per area")
                if history.repeated
                else _("%(framework)s: level per area")
            )
            % {"framework": history.framework.name.get(lang)},
            rows=[(row.area.name.get(lang), row.first, row.latest) for row in history.areas],
            paired=history.repeated,  # one assessment: its levels only, nothing to compare yet
            latest_label="" if history.repeated else _("Level"),
        )
        out.append((history, chart))
    return out


@login_required
def person_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    person = visible_person(access=access, person_id=pk)
    histories = person_history(access=access, actor=request.user, person=person)
    lang = _lang()
    context = {
        "person": person,
        "own": _own(access, person),
        "histories": _history_charts(histories, lang),
        "frameworks": [fw.framework(code) for code in fw.CURRENT],
        "lang": lang,
    }
    return TemplateResponse(request, "assessments/person.html", context)


def _participations(access: Access, person: Person) -> list[Participation]:
    rows = person.participations.select_related("project", "partner__organisation").order_by("-entry_date")
    if not access.is_admin and not _own(access, person):
        rows = rows.filter(partner_id__in=access.coordinator_partner_ids)
    return list(rows)


@login_required
def take_view(request: AuthenticatedHttpRequest, pk: int, framework: str) -> HttpResponse:
    access = access_for(request.user)
    person = visible_person(access=access, person_id=pk)
    if framework not in fw.CURRENT:
        raise Http404
    chosen = fw.framework(framework)
    participations = _participations(access, person)
    histories = history_of(
        person.self_assessments.filter(framework=chosen.code, framework_version=chosen.version)
        .prefetch_related("answers")
        .order_by("taken_at")
    )
    previous = levels_of(histories[0].latest) if histories else {}
    lang = _lang()
    form = SelfAssessmentForm(
        request.POST or None, framework=chosen, lang=lang, participations=participations, previous=previous
    )
    if request.method == "POST" and form.is_valid():
        chosen_pk = form.cleaned_data.get("participation")
        participation = next((p for p in participations if p.pk == chosen_pk), None)
        try:
            assessment = services.assessment_create(
                actor=request.user,
                access=access,
                person=person,
                framework=chosen.key,
                levels=form.levels(),
                note=form.cleaned_data.get("note", ""),
                participation=participation,
            )
        except ApplicationError as error:
            if error.field_errors:
                apply_field_errors(error, form)
            else:
                form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Your self-assessment was saved.")
                if _own(access, person)
                else _("The self-assessment was saved."),
            )
            return redirect("assessments:detail", pk=assessment.pk)
    context = {
        "person": person,
        "own": _own(access, person),
        "framework": chosen,
        "framework_name": chosen.name.get(lang),
        "form": form,
        "forms": (form,),
        "has_previous": bool(previous),
        "levels": [
            (lv, lv.name.get(lang), lv.band.name.get(lang), lv.statement.get(lang)) for lv in chosen.levels
        ],
    }
    return TemplateResponse(
        request, "assessments/take.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def detail_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    assessment = assessment_get(access=access, actor=request.user, pk=pk)
    framework = fw.FRAMEWORKS.get(assessment.framework_key)
    if framework is None:  # a version this release no longer ships
        raise Http404
    lang = _lang()
    levels = levels_of(assessment)
    areas = []
    for area in framework.areas:
        rows = []
        for c in area.competences:
            level = levels.get(c.code)
            rows.append(
                (
                    c,
                    c.name.get(lang),
                    level,
                    framework.level(level).statement.get(lang) if level else "",
                )
            )
        assessed = [lv for _c, _n, lv, _s in rows if lv]
        areas.append((area.name.get(lang), rows, sum(assessed) / len(assessed) if assessed else None))
    chart = level_chart(
        chart_id="chart-assessment",
        title=_("Level per area"),
        rows=[(name, None, mean) for name, _rows, mean in areas],
        latest_label=_("Level"),
        paired=False,
    )
    context = {
        "assessment": assessment,
        "person": assessment.person,
        "own": _own(access, assessment.person),
        "framework": framework,
        "framework_name": framework.name.get(lang),
        "areas": areas,
        "chart": chart,
    }
    return TemplateResponse(request, "assessments/detail.html", context)


@login_required
@require_POST
def delete_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    assessment = assessment_get(access=access, actor=request.user, pk=pk)
    person_pk = assessment.person_id
    services.assessment_delete(actor=request.user, access=access, assessment=assessment)
    messages.success(request, _("The self-assessment was removed."))
    return redirect("assessments:person", pk=person_pk)


def _delta_chart(deltas: ProjectDeltas, lang: str) -> object:
    return level_chart(
        chart_id="chart-deltas",
        title=_("Mean first and latest level per area"),
        rows=[(row.area.name.get(lang), row.delta.mean_first, row.delta.mean_latest) for row in deltas.areas],
        hidden=[row.delta.hidden for row in deltas.areas],
    )


@login_required
def project_view(request: AuthenticatedHttpRequest, code: str) -> TemplateResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    framework = request.GET.get("framework") or "digcomp"
    if framework not in fw.CURRENT:
        framework = "digcomp"
    partner_raw = request.GET.get("partner") or ""
    partner_id = int(partner_raw) if partner_raw.isdigit() else None
    deltas = project_deltas(access=access, project=project, framework_key=framework, partner_id=partner_id)
    lang = _lang()
    all_partners = [
        p
        for p in project.partners.select_related("organisation").order_by("-is_lead", "organisation__name")
        if access.can_view_aggregates(project.pk) or access.can_manage_partner(p.pk)
    ]
    context = {
        "project": project,
        "deltas": deltas,
        "framework_code": framework,
        "framework_name": deltas.framework.name.get(lang),
        "frameworks": [(code, fw.framework(code).name.get(lang)) for code in fw.CURRENT],
        "partners": all_partners,
        "partner_id": partner_id,
        "chart": _delta_chart(deltas, lang),
        "lang": lang,
        "rows": [
            (
                row.area.name.get(lang),
                row.delta,
                [(c.number, c.name.get(lang), d) for c, d in row.competences],
            )
            for row in deltas.areas
        ],
        "back": reverse("projects:detail", args=[project.code]),
    }
    return TemplateResponse(request, "assessments/project.html", context)
