"""Reads about users: their memberships (roles in projects)."""

from __future__ import annotations

from django.db.models import QuerySet

from polku.accounts.models import Membership, User


def membership_list(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("project", "partner__organisation")
        .order_by("project__name", "role", "id")
    )
