"""Reads for the import pages, always through the reader's Access."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.core.errors import AccessDenied
from polku.imports.models import ImportBatch
from polku.participants.models import Participation
from polku.projects.models import Partner


def import_partner_list(*, access: Access) -> QuerySet[Partner]:
    """Partners the reader may import participants for: their coordinator partners (all for an admin)."""
    partners = Partner.objects.select_related("project", "organisation").order_by(
        "project__name", "organisation__name"
    )
    if access.is_admin:
        return partners
    return partners.filter(pk__in=access.coordinator_partner_ids)


def import_batch_list(*, access: Access) -> QuerySet[ImportBatch]:
    """Uploads of the reader's partners, newest first."""
    batches = ImportBatch.objects.select_related(
        "partner__organisation", "partner__project", "uploaded_by"
    ).defer("rows")
    if access.is_admin:
        return batches
    return batches.filter(partner_id__in=access.coordinator_partner_ids)


def import_batch_get(*, access: Access, pk: int) -> ImportBatch:
    """One upload of the reader's partners; 404 for other partners' uploads (their existence is private)."""
    if not access.is_coordinator:
        raise AccessDenied
    queryset = ImportBatch.objects.select_related("partner__organisation", "partner__project", "uploaded_by")
    if not access.is_admin:
        queryset = queryset.filter(partner_id__in=access.coordinator_partner_ids)
    return get_object_or_404(queryset, pk=pk)


def emails_in_project(*, project_id: int, emails: Iterable[str]) -> set[str]:
    """Which of `emails` (lower-case) already belong to participants of the project."""
    wanted = {email.strip().lower() for email in emails if email and email.strip()}
    if not wanted:
        return set()
    found = (
        Participation.objects.filter(project_id=project_id)
        .annotate(email_lower=Lower("person__email"))
        .filter(email_lower__in=wanted)
        .values_list("email_lower", flat=True)
    )
    return set(found)
