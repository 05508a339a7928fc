"""Reads of surveys: the forms a person may answer, and a form's results as the reader may see them."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.assessments import frameworks as fw
from polku.assessments.selectors import ProjectDeltas, activity_deltas
from polku.core.errors import AccessDenied
from polku.participants.models import Participation
from polku.suppression import Figure, publish
from polku.surveys.models import FeedbackForm, FeedbackResponse


def feedback_form_get(*, access: Access, pk: int) -> FeedbackForm:
    """A form whose project the reader is a member of (404 otherwise)."""
    form = get_object_or_404(
        FeedbackForm.objects.select_related("activity__project", "activity__partner"), pk=pk
    )
    if not access.can_view_project(form.activity.project_id) and not _enrolled(access, form):
        get_object_or_404(FeedbackForm.objects.none(), pk=pk)
    return form


def _enrolled(access: Access, form: FeedbackForm) -> bool:
    return (
        access.person_id is not None
        and form.activity.enrolments.filter(participation__person_id=access.person_id).exists()
    )


def open_forms_for(*, access: Access) -> list[tuple[FeedbackForm, Participation, bool]]:
    """Open forms of the activities the reader (a participant) is enrolled in, and whether they answered."""
    if access.person_id is None:
        return []
    participations = Participation.objects.filter(person_id=access.person_id)
    forms = FeedbackForm.objects.filter(
        is_open=True, activity__enrolments__participation__in=participations
    ).select_related("activity__project")
    answered = set(
        FeedbackResponse.objects.filter(participation__in=participations).values_list("form_id", flat=True)
    )
    out = []
    for form in forms.distinct().order_by("pk"):
        participation = participations.get(project_id=form.activity.project_id)
        out.append((form, participation, form.pk in answered))
    return out


@dataclass(frozen=True)
class Results:
    responses: Figure
    average: float | None
    distribution: dict[int, Figure]
    free_text: list[tuple[str, list[str]]]
    exact: bool


def feedback_results(*, access: Access, form: FeedbackForm) -> Results:
    """Exact for the activity's coordinators (and admins); suppressed for the lead and evaluators, who see
    no average or free text while fewer than the threshold have answered."""
    activity = form.activity
    exact = activity.partner_id is not None and access.can_manage_partner(activity.partner_id)
    if not exact and not access.can_view_aggregates(activity.project_id):
        raise AccessDenied("results")
    threshold = settings.POLKU_SUPPRESSION_THRESHOLD
    rows: QuerySet = form.responses.values("satisfaction").annotate(n=Count("pk")).order_by()
    counts = {score: 0 for score in range(1, 6)} | {r["satisfaction"]: r["n"] for r in rows}
    total = sum(counts.values())
    cells: dict[object, int] = {"total": total, **counts}
    shown = publish(cells, [("total", list(range(1, 6)))], exact=exact, threshold=threshold)
    enough = exact or total >= threshold
    average = round(sum(s * n for s, n in counts.items()) / total, 1) if total and enough else None
    texts: list[tuple[str, list[str]]] = []
    if enough:
        answers = list(form.responses.values_list("answers", flat=True))
        for i, question in enumerate(form.questions):
            texts.append((question, [a[i] for a in answers if i < len(a) and a[i]]))
    return Results(
        responses=shown["total"],
        average=average,
        distribution={s: shown[s] for s in range(1, 6)},
        free_text=texts,
        exact=exact,
    )


def self_assessment_deltas(*, access: Access, form: FeedbackForm) -> list[ProjectDeltas]:
    """The before/after DigComp/EntreComp deltas of the activity's participants, per framework that any of
    them in view has taken, under the rules of `polku.assessments.selectors.activity_deltas` (a coordinator
    their own partner's people exactly; the lead and evaluators everyone, small numbers suppressed)."""
    out = []
    for key in fw.CURRENT:
        deltas = activity_deltas(access=access, activity=form.activity, framework_key=key)
        if deltas.people_assessed != 0:  # None: someone, hidden as a small number
            out.append(deltas)
    return out
