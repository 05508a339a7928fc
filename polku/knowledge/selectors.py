"""Reads of knowledge: published texts for everyone, drafts for their editors, evaluation notes per access."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.knowledge.models import EvaluationNote, GoodPractice, HandbookPage, Status
from polku.projects.models import Project


def _visible(access: Access, for_edit: bool) -> Q:
    """Editors' rows (to read or edit), and published rows for everyone (to read)."""
    editable = access.knowledge_edit_filter()
    if for_edit or not editable:  # Q() is every row already, and Q() | x would collapse to x
        return editable
    return editable | Q(status=Status.PUBLISHED)


def good_practice_list(*, access: Access, published_only: bool = True) -> QuerySet[GoodPractice]:
    rows = GoodPractice.objects.select_related("project")
    if published_only:
        return rows.filter(status=Status.PUBLISHED)
    return rows.filter(access.knowledge_edit_filter())


def good_practice_get(*, access: Access, slug: str, for_edit: bool = False) -> GoodPractice:
    """A published practice for anyone; a draft (or any practice to edit) only for its editors; 404 otherwise."""
    return get_object_or_404(
        GoodPractice.objects.select_related("project").filter(_visible(access, for_edit)), slug=slug
    )


def handbook_page_list(*, access: Access, published_only: bool = True) -> QuerySet[HandbookPage]:
    rows = HandbookPage.objects.select_related("project")
    if published_only:
        return rows.filter(status=Status.PUBLISHED)
    return rows.filter(access.knowledge_edit_filter())


def handbook_page_get(*, access: Access, slug: str, for_edit: bool = False) -> HandbookPage:
    return get_object_or_404(
        HandbookPage.objects.select_related("project").filter(_visible(access, for_edit)), slug=slug
    )


def evaluation_note_list(*, access: Access, project: Project) -> QuerySet[EvaluationNote]:
    """The project's notes the reader may see: project-wide ones, and a partner's own to its coordinators."""
    if not access.can_use_evaluation_notes(project.pk):
        return EvaluationNote.objects.none()
    notes = EvaluationNote.objects.filter(project=project)
    partner_ids = set(notes.exclude(partner=None).values_list("partner_id", flat=True))
    hidden = [p for p in partner_ids if not access.can_use_partner_evaluation_notes(project.pk, p)]
    return (
        notes.exclude(partner_id__in=hidden)
        .select_related("partner__organisation", "author")
        .prefetch_related("attendees")
    )
