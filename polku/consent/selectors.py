"""Reads about consents and privacy notices. Reading one consent by the reader's access needs the
participations that connect a coordinator to the person, so `consent_get` is in participants.selectors."""

from __future__ import annotations

from django.db.models import QuerySet

from polku.consent.models import Consent, PrivacyNotice


def consent_list(*, person_id: int, project_id: int) -> QuerySet[Consent]:
    """A person's consents in one project, newest first, withdrawn ones included (they are the record)."""
    return (
        Consent.objects.filter(person_id=person_id, project_id=project_id)
        .select_related("notice")
        .order_by("-given_at", "-id")
    )


def notice_list(*, project_id: int) -> QuerySet[PrivacyNotice]:
    """Every version of a project's privacy notice in every language, newest version first."""
    return PrivacyNotice.objects.filter(project_id=project_id).order_by("-version", "language", "pk")
