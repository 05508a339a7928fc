"""Reads about users: their memberships (roles in projects)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from polku.accounts.models import Membership, User


def membership_list(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("project", "partner__organisation")
        .order_by("project__name", "role", "id")
    )


def membership_projects(*, user: User) -> list[Any]:
    """The projects the user has a role in, by name, each once (the home page's list)."""
    projects = {
        m.project_id: m.project for m in Membership.objects.filter(user=user).select_related("project")
    }
    return sorted(projects.values(), key=lambda project: (project.name, project.pk))
