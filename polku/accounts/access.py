"""What a signed-in user may see: computed once per request from their memberships.

Every selector and service that touches participants takes an `Access` and filters through it,
so partner isolation holds in pages, the API and the CLI alike, not only in templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet

from polku.accounts.models import STAFF_ROLES, Membership, Role
from polku.core.errors import AccessDenied

if TYPE_CHECKING:
    from polku.accounts.models import User


@dataclass(frozen=True)
class Access:
    user_id: int | None
    is_admin: bool = False
    coordinator_partner_ids: frozenset[int] = frozenset()
    lead_project_ids: frozenset[int] = frozenset()
    evaluator_project_ids: frozenset[int] = frozenset()
    member_project_ids: frozenset[int] = frozenset()
    coordinator_project_ids: frozenset[int] = frozenset()
    roles: frozenset[str] = frozenset()
    person_id: int | None = None

    @property
    def is_staff_role(self) -> bool:
        """Roles that reach other people's personal data or aggregates (and so need MFA)."""
        return self.is_admin or bool(self.roles & STAFF_ROLES)

    @property
    def is_coordinator(self) -> bool:
        return self.is_admin or bool(self.coordinator_partner_ids)

    @property
    def is_participant(self) -> bool:
        return self.person_id is not None

    def project_ids(self) -> frozenset[int]:
        return self.member_project_ids

    def can_view_project(self, project_id: int) -> bool:
        return self.is_admin or project_id in self.member_project_ids

    def can_view_aggregates(self, project_id: int) -> bool:
        """Figures across all partners: the project lead, evaluators, admins."""
        return (
            self.is_admin or project_id in self.lead_project_ids or project_id in self.evaluator_project_ids
        )

    def can_manage_partner(self, partner_id: int) -> bool:
        """See and edit the people of this partner."""
        return self.is_admin or partner_id in self.coordinator_partner_ids

    def can_manage_project(self, project_id: int) -> bool:
        """Edit the project's structure (work packages, targets, activities): its lead or an admin."""
        return self.is_admin or project_id in self.lead_project_ids

    def coordinates_in(self, project_id: int) -> bool:
        """Coordinates a partner of this project (or is an admin)."""
        return self.is_admin or project_id in self.coordinator_project_ids

    def can_view_counts(self, project_id: int) -> bool:
        """Counts of the project at all: those who see aggregates, and the project's coordinators."""
        return self.can_view_aggregates(project_id) or self.coordinates_in(project_id)

    def can_view_partner_counts(self, project_id: int, partner_id: int) -> bool:
        """One partner's counts: those who see the whole project's aggregates, and that partner's coordinators."""
        return self.can_view_aggregates(project_id) or self.can_manage_partner(partner_id)

    def can_manage_activity(self, project_id: int, partner_id: int | None) -> bool:
        """The project lead (or an admin) runs every activity; a coordinator those of their own partner."""
        return self.can_manage_project(project_id) or (
            partner_id is not None and self.can_manage_partner(partner_id)
        )

    def participation_filter(self, prefix: str = "") -> Q:
        """Q that limits participations (or rows reached through `prefix`) to what a coordinator may see."""
        if self.is_admin:
            return Q()
        return Q(**{f"{prefix}partner_id__in": self.coordinator_partner_ids})

    def visible_participations(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(self.participation_filter())

    def can_view_person(self, person_id: int, partner_ids: set[int]) -> bool:
        return (
            self.is_admin or person_id == self.person_id or bool(partner_ids & self.coordinator_partner_ids)
        )


ANONYMOUS = Access(user_id=None)


def access_for(user: User | None) -> Access:
    """The user's access, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_polku_access", None)
    if cached is not None:
        return cached
    memberships = list(Membership.objects.filter(user=user).values_list("role", "project_id", "partner_id"))
    person_id = getattr(getattr(user, "person", None), "pk", None) if _has_person(user) else None
    access = Access(
        user_id=user.pk,
        is_admin=user.is_superuser,
        coordinator_partner_ids=frozenset(p for r, _, p in memberships if r == Role.COORDINATOR and p),
        lead_project_ids=frozenset(pr for r, pr, _ in memberships if r == Role.PROJECT_LEAD),
        evaluator_project_ids=frozenset(pr for r, pr, _ in memberships if r == Role.EVALUATOR),
        member_project_ids=frozenset(pr for _, pr, _ in memberships),
        coordinator_project_ids=frozenset(pr for r, pr, _ in memberships if r == Role.COORDINATOR),
        roles=frozenset(r for r, _, _ in memberships),
        person_id=person_id,
    )
    user._polku_access = access  # type: ignore[union-attr]
    return access


def _has_person(user: User) -> bool:
    # `person` is the reverse side of participants.Person.user; the app above accounts owns the model,
    # so the missing row is caught as Django's base exception rather than Person.DoesNotExist.
    try:
        return user.person is not None  # type: ignore[union-attr]
    except ObjectDoesNotExist:
        return False


def coordinator_access(user: User | None, *, refusal: str) -> Access:
    """The user's access when they coordinate a partner (or are an admin); AccessDenied(refusal) otherwise."""
    access = access_for(user)
    if not access.is_coordinator:
        raise AccessDenied(refusal)
    return access
