"""Reads about consents, always limited to what the reader may act on."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.consent.models import Consent, PrivacyNotice
from polku.participants.models import Participation


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
        # A subquery rather than a join, so that a person in several projects gives one row.
        served = Exists(
            Participation.objects.filter(
                person_id=OuterRef("person_id"),
                project_id=OuterRef("project_id"),
                partner_id__in=access.coordinator_partner_ids,
            )
        )
        consents = consents.filter(own | Q(served))
    return get_object_or_404(consents, pk=pk)


def notice_list(*, project_id: int) -> QuerySet[PrivacyNotice]:
    """Every version of a project's privacy notice in every language, newest version first."""
    return PrivacyNotice.objects.filter(project_id=project_id).order_by("-version", "language", "pk")
