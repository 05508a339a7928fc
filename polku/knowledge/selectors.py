"""Reads of knowledge: published texts for everyone, drafts for their editors, evaluation notes per access."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.knowledge.models import EvaluationNote, GoodPractice, HandbookPage, Status
from polku.projects.models import Project


def can_author(access: Access, project_id: int | None) -> bool:
    """Staff author knowledge: an admin anywhere; a lead or coordinator in their own projects (or with none)."""
    if access.is_admin:
        return True
    staff_projects = access.lead_project_ids | access.coordinator_project_ids
    if project_id is None:
        return bool(staff_projects)
    return project_id in staff_projects


def _editable(access: Access) -> Q:
    if access.is_admin:
        return Q()
    projects = access.lead_project_ids | access.coordinator_project_ids
    own = Q(author_id=access.user_id) if access.user_id is not None else Q(pk__in=[])
    return Q(project_id__in=projects) | own


def _visible(access: Access, for_edit: bool) -> Q:
    """Editors' rows (to read or edit), and published rows for everyone (to read)."""
    if access.is_admin:
        return Q()  # Q() | x would collapse to x, so admins do not go through the OR
    editable = _editable(access) if can_author(access, None) else Q(pk__in=[])
    return editable if for_edit else editable | Q(status=Status.PUBLISHED)


def good_practice_list(*, access: Access, published_only: bool = True) -> QuerySet[GoodPractice]:
    rows = GoodPractice.objects.select_related("project")
    if published_only:
        return rows.filter(status=Status.PUBLISHED)
    if not can_author(access, None):
        return rows.none()
    return rows.filter(_editable(access))


def good_practice_get(*, access: Access, slug: str, for_edit: bool = False) -> GoodPractice:
    """A published practice for anyone; a draft (or any practice to edit) only for its editors; 404 otherwise."""
    return get_object_or_404(
        GoodPractice.objects.select_related("project").filter(_visible(access, for_edit)), slug=slug
    )


def handbook_page_list(*, access: Access, published_only: bool = True) -> QuerySet[HandbookPage]:
    rows = HandbookPage.objects.select_related("project")
    if published_only:
        return rows.filter(status=Status.PUBLISHED)
    if not can_author(access, None):
        return rows.none()
    return rows.filter(_editable(access))


def handbook_page_get(*, access: Access, slug: str, for_edit: bool = False) -> HandbookPage:
    return get_object_or_404(
        HandbookPage.objects.select_related("project").filter(_visible(access, for_edit)), slug=slug
    )


def can_read_evaluation(access: Access, project_id: int) -> bool:
    """Coordinators of the project, its lead, its evaluators and admins; never participants."""
    return access.can_view_aggregates(project_id) or access.coordinates_in(project_id)


def evaluation_note_list(*, access: Access, project: Project) -> QuerySet[EvaluationNote]:
    """The project's notes the reader may see: project-wide ones, and a partner's own to its coordinators."""
    if not can_read_evaluation(access, project.pk):
        return EvaluationNote.objects.none()
    notes = (
        EvaluationNote.objects.filter(project=project)
        .select_related("partner__organisation", "author")
        .prefetch_related("attendees")
    )
    if not access.can_view_aggregates(project.pk):
        notes = notes.filter(Q(partner__isnull=True) | Q(partner_id__in=access.coordinator_partner_ids))
    return notes
