"""Reads of a project's people: its memberships and its staff invitations, through the reader's Access."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Invitation, Membership
from polku.core.errors import AccessDenied
from polku.projects.models import Project


def require_people_reader(access: Access, project: Project) -> None:
    if not access.can_view_people(project.pk):
        raise AccessDenied(_("Only the project lead and its coordinators see the project's people."))


def membership_list(*, access: Access, project: Project) -> QuerySet[Membership]:
    """Who has which role in the project (the project's lead, coordinators and admins read it)."""
    require_people_reader(access, project)
    return (
        Membership.objects.filter(project=project)
        .select_related("user", "partner__organisation")
        .order_by("role", "user__full_name", "user__email", "pk")
    )


def membership_get(*, access: Access, project: Project, pk: int) -> Membership:
    return get_object_or_404(membership_list(access=access, project=project), pk=pk)


def invitation_list(*, access: Access, project: Project) -> QuerySet[Invitation]:
    """The project's staff invitations the reader handles (`Access.staff_invitation_filter`), newest first."""
    require_people_reader(access, project)
    return (
        Invitation.objects.filter(project=project)
        .exclude(role="")
        .filter(access.staff_invitation_filter(project.pk))
        .select_related("partner__organisation", "invited_by", "project")
        .order_by("-sent_at", "-pk")
    )


def invitation_get(*, access: Access, project: Project, pk: int) -> Invitation:
    return get_object_or_404(invitation_list(access=access, project=project), pk=pk)
