"""Change and end a project's memberships (roles): the project lead and platform admins.

A project keeps a lead: nobody but an admin removes or changes the last lead membership (the lead's own
included). Ending a membership writes an audit event that names whose role it was and which.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.projects.models import Partner
from polku.projects.people.invitations import role_partner_errors


def require_people_manager(access: Access, project_id: int) -> None:
    if not access.can_manage_people(project_id):
        raise AccessDenied(_("Only the project lead and platform admins change roles."))


def _keep_a_lead(access: Access, membership: Membership) -> None:
    """Refuse to leave the project without a lead (admins may: they can always add one back)."""
    if membership.role != Role.PROJECT_LEAD or access.is_admin:
        return
    others = Membership.objects.filter(project_id=membership.project_id, role=Role.PROJECT_LEAD)
    if not others.exclude(pk=membership.pk).exists():
        raise ApplicationError(_("The project must keep a lead: make someone else the project lead first."))


def membership_update(
    *, actor: User, access: Access, membership: Membership, role: str, partner: Partner | None
) -> Membership:
    """Give the member another role or partner in the same project."""
    require_people_manager(access, membership.project_id)
    errors = role_partner_errors(project=membership.project, role=role, partner=partner)
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    if role != membership.role:
        _keep_a_lead(access, membership)
    changed = [
        name
        for name, value in (("role", role), ("partner_id", partner.pk if partner else None))
        if getattr(membership, name) != value
    ]
    if not changed:
        return membership
    membership.role = role
    membership.partner = partner
    try:
        with transaction.atomic():
            membership.save(update_fields=["role", "partner"])
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                obj=membership,
                partner_id=partner.pk if partner else None,
                fields=[name.removesuffix("_id") for name in changed],
            )
    except IntegrityError as error:
        message = _("This person has this role in the project already.")
        raise ApplicationError(message, field_errors={"role": [message]}) from error
    return membership


def membership_end(*, actor: User, access: Access, membership: Membership) -> None:
    """End the membership: the person loses this role in the project."""
    require_people_manager(access, membership.project_id)
    _keep_a_lead(access, membership)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditEvent.Action.DELETE,
            obj=membership,
            partner_id=membership.partner_id,
            # The row is gone afterwards: the event names whose role it was and which.
            fields=[
                f"user:{membership.user.email}",
                f"role:{membership.role}",
                f"project:{membership.project.code}",
                *([f"partner:{membership.partner_id}"] if membership.partner_id else []),
            ],
        )
        membership.delete()
