"""Reads about consents, always limited to what the reader may act on."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.consent.models import Consent


def consent_list(*, person_id: int, project_id: int) -> QuerySet[Consent]:
    """A person's consents in one project, newest first, withdrawn ones included (they are the record)."""
    return (
        Consent.objects.filter(person_id=person_id, project_id=project_id)
        .select_related("notice")
        .order_by("-given_at", "-id")
    )


def consent_get(*, access: Access, pk: int) -> Consent:
    """A consent of the reader themselves, or of a person their partner serves in that project; 404 otherwise."""
    consents = Consent.objects.select_related("notice")
    if not access.is_admin:
        own = Q(person_id=access.person_id) if access.person_id is not None else Q(pk__in=[])
        served = Q(
            person__participations__partner_id__in=access.coordinator_partner_ids,
            person__participations__project_id=F("project_id"),
        )
        consents = consents.filter(own | served)
    return get_object_or_404(consents, pk=pk)
