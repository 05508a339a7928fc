"""Accepting an invitation: as a new user who sets a name and password, or as the signed-in user the
invitation was sent to. A staff invitation becomes a membership; then every acceptance hook runs
(polku.accounts.invitations), all in one transaction.

The link proves the address, so the user's e-mail is marked verified in allauth. A staff role brings the
MFA requirement with it: polku.accounts.middleware reads the new membership on the next request.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.invitations import acceptance_hooks
from polku.accounts.models import Invitation, Membership, User, mark_email_verified
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError


def unusable_message(status: str) -> str:
    """Why a link does not work, for the page that opens it and for the API."""
    messages: dict[str, str] = {
        Invitation.Status.EXPIRED: _(
            "This invitation has expired. Ask the person who invited you to send it again."
        ),
        Invitation.Status.REVOKED: _(
            "This invitation was withdrawn. Ask the person who invited you if you still need access."
        ),
        Invitation.Status.ACCEPTED: _(
            "This invitation has been used already. Sign in with your e-mail address and password."
        ),
    }
    return messages.get(
        status, _("This link is not valid. Check that you copied the whole link from the e-mail.")
    )


def is_invitee(invitation: Invitation, user: User) -> bool:
    return user.email.lower() == invitation.email.lower()


def invitation_accept(*, invitation: Invitation, user: User) -> Invitation:
    """The signed-in `user` accepts; they must be the one the invitation was sent to."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        status = invitation.status
        if status != Invitation.Status.PENDING:
            raise ApplicationError(unusable_message(status))
        if not is_invitee(invitation, user):
            raise AccessDenied(_("This invitation was sent to another e-mail address."))
        if invitation.role:
            membership, created = Membership.objects.get_or_create(
                user=user, role=invitation.role, project=invitation.project, partner=invitation.partner
            )
            if created:
                audit_record(
                    actor=user,
                    action=AuditEvent.Action.CREATE,
                    obj=membership,
                    partner_id=invitation.partner_id,
                    fields=["user", "role", "project", "partner"],
                )
        for _key, hook in acceptance_hooks():
            hook(invitation=invitation, user=user)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        mark_email_verified(user)
        audit_record(
            actor=user,
            action=AuditEvent.Action.UPDATE,
            obj=invitation,
            person_id=invitation.person_id,
            partner_id=invitation.partner_id,
            fields=["accepted_at"],
        )
    return invitation


def invitation_accept_new_user(*, invitation: Invitation, full_name: str, password: str) -> User:
    """Create the invitee's user with this name and password, then accept for them."""
    full_name = full_name.strip()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ApplicationError(
            _("This e-mail address has a log-in already: sign in to accept the invitation.")
        )
    errors: dict[str, list[str]] = {}
    if not full_name:
        errors["full_name"] = [_("Give your name.")]
    try:
        validate_password(password, User(email=invitation.email, full_name=full_name))
    except ValidationError as error:
        errors["password1"] = list(error.messages)
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    with transaction.atomic():
        user = User.objects.create_user(
            invitation.email.lower(), password, full_name=full_name, preferred_language=invitation.language
        )
        audit_record(actor=user, action=AuditEvent.Action.CREATE, obj=user, fields=["email", "full_name"])
        invitation_accept(invitation=invitation, user=user)
    return user
