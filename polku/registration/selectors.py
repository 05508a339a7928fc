"""Reads for the registration pages: a partner by its public code, and the links a coordinator manages."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.core.errors import AccessDenied
from polku.projects.models import Partner
from polku.registration.models import RegistrationDraft, draft_token_hash


def partner_by_registration_code(*, code: str) -> Partner:
    """The partner behind a public registration link; 404 for an unknown code (open or not)."""
    return get_object_or_404(
        Partner.objects.select_related("project", "organisation"), registration_code=code
    )


def registration_partner_list(*, access: Access) -> QuerySet[Partner]:
    """Partners whose registration link the reader manages: their coordinator partners (all for an admin)."""
    partners = Partner.objects.select_related("project", "organisation").order_by(
        "project__name", "organisation__name"
    )
    if access.is_admin:
        return partners
    return partners.filter(pk__in=access.coordinator_partner_ids)


def registration_partner_get(*, access: Access, pk: int) -> Partner:
    """One partner whose link the reader manages; 404 for others, 403 for a signed-in non-coordinator."""
    if not access.is_coordinator:
        raise AccessDenied
    return get_object_or_404(registration_partner_list(access=access), pk=pk)


def registration_draft_by_token(*, partner: Partner, token: str) -> RegistrationDraft | None:
    """The saved registration a resume link opens (expired or not), or None for an unknown link."""
    return RegistrationDraft.objects.filter(partner=partner, token_hash=draft_token_hash(token)).first()
