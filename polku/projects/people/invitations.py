"""Invite someone by e-mail to a role of a project; revoke and re-send invitations.

`invitation_issue` creates any invitation (a participant's too: polku.participants.invitations), e-mails
its link and audits it; `staff_invite` checks who may invite whom first. Models: polku.accounts.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.invitations import expiry_from, new_token
from polku.accounts.models import Invitation, Membership, Role, User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.models import Language
from polku.projects.models import Partner, Project
from polku.projects.people.emails import invitation_email

PROJECT_WIDE_ROLES = (Role.PROJECT_LEAD, Role.EVALUATOR)


def role_partner_errors(*, project: Project, role: str, partner: Partner | None) -> dict[str, list[str]]:
    """What is wrong with this role and partner in the project (shared by invitations and memberships)."""
    errors: dict[str, list[str]] = {}
    if role not in Role.values:
        errors["role"] = [_("Choose a role.")]
    if partner is not None and partner.project_id != project.pk:
        errors["partner"] = [_("Choose a partner of this project.")]
    elif role == Role.COORDINATOR and partner is None:
        errors["partner"] = [_("A coordinator belongs to a partner: choose the partner.")]
    elif role in PROJECT_WIDE_ROLES and partner is not None:
        errors["partner"] = [_("This role covers the whole project: leave the partner empty.")]
    return errors


def has_membership(*, email: str, role: str, project: Project, partner: Partner | None) -> bool:
    return Membership.objects.filter(
        user__email__iexact=email, role=role, project=project, partner=partner
    ).exists()


def invitation_issue(
    *,
    actor: User | None,
    project: Project,
    email: str,
    language: str,
    role: str = "",
    partner: Partner | None = None,
    person_id: int | None = None,
    extra: dict[str, Any] | None = None,
) -> Invitation:
    """Create an invitation, queue its e-mail and audit it. The caller has checked access and the rules."""
    token, hashed = new_token()
    now = timezone.now()
    invitation = Invitation.objects.create(
        token_hash=hashed,
        email=email,
        role=role,
        project=project,
        partner=partner,
        person_id=person_id,
        invited_by=actor,
        language=language,
        extra=extra or {},
        sent_at=now,
        expires_at=expiry_from(now),
    )
    invitation_email(invitation, token=token)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=invitation,
        person_id=person_id,
        partner_id=partner.pk if partner else None,
        fields=["email", "language", *(["role"] if role else ["person"])],
    )
    return invitation


def staff_invite(
    *,
    actor: User,
    access: Access,
    project: Project,
    email: str,
    role: str,
    partner: Partner | None = None,
    language: str = "en",
    extra: dict[str, Any] | None = None,
) -> Invitation:
    """Invite `email` to `role` in the project (for `partner` where the role has one)."""
    email = email.strip().lower()
    partner_id = partner.pk if partner is not None else None
    if not access.can_invite(project_id=project.pk, role=role, partner_id=partner_id):
        raise AccessDenied(_("You may not invite people to this role."))
    errors = role_partner_errors(project=project, role=role, partner=partner)
    if language not in Language.values:
        errors["language"] = [_("Choose the language of the e-mail.")]
    if not email:
        errors["email"] = [_("Give the e-mail address to send the invitation to.")]
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    if has_membership(email=email, role=role, project=project, partner=partner):
        message = _("%(email)s already has this role in the project.") % {"email": email}
        raise ApplicationError(message, field_errors={"email": [message]})
    with transaction.atomic():
        waiting = (
            Invitation.objects.select_for_update()
            .filter(
                email__iexact=email,
                role=role,
                project=project,
                partner=partner,
                accepted_at__isnull=True,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .exists()
        )
        if waiting:
            message = _(
                "%(email)s has been invited to this role already and the link still works; re-send it from the list."
            ) % {"email": email}
            raise ApplicationError(message, field_errors={"email": [message]})
        return invitation_issue(
            actor=actor,
            project=project,
            email=email,
            language=language,
            role=role,
            partner=partner,
            extra=extra,
        )


def may_handle(access: Access, invitation: Invitation) -> bool:
    """Revoke or re-send: who may make this invitation (a participant's: the person's coordinator)."""
    if invitation.role:
        return access.can_invite(
            project_id=invitation.project_id, role=invitation.role, partner_id=invitation.partner_id
        )
    return invitation.partner_id is not None and access.can_manage_partner(invitation.partner_id)


def _require_open(access: Access, invitation: Invitation) -> None:
    if not may_handle(access, invitation):
        raise AccessDenied(_("You may not change this invitation."))
    if invitation.accepted_at is not None:
        raise ApplicationError(_("This invitation has been accepted already."))


def invitation_revoke(*, actor: User, access: Access, invitation: Invitation) -> Invitation:
    """Withdraw an invitation: its link stops working at once. Revoking twice changes nothing."""
    _require_open(access, invitation)
    if invitation.revoked_at is None:
        with transaction.atomic():
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                obj=invitation,
                person_id=invitation.person_id,
                partner_id=invitation.partner_id,
                fields=["revoked_at"],
            )
    return invitation


def invitation_resend(*, actor: User, access: Access, invitation: Invitation) -> Invitation:
    """E-mail a new link (the old one stops working) valid for another 14 days; also for a revoked or
    expired invitation that was never accepted."""
    _require_open(access, invitation)
    if invitation.role and has_membership(
        email=invitation.email, role=invitation.role, project=invitation.project, partner=invitation.partner
    ):
        raise ApplicationError(
            _("%(email)s already has this role in the project.") % {"email": invitation.email}
        )
    token, hashed = new_token()
    now = timezone.now()
    with transaction.atomic():
        invitation.token_hash = hashed
        invitation.revoked_at = None
        invitation.sent_at = now
        invitation.expires_at = expiry_from(now)
        invitation.save(update_fields=["token_hash", "revoked_at", "sent_at", "expires_at"])
        invitation_email(invitation, token=token)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=invitation,
            person_id=invitation.person_id,
            partner_id=invitation.partner_id,
            fields=["token", "sent_at", "expires_at", "revoked_at"],
        )
    return invitation
