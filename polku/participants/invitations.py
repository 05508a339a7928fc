""" "Invite to Polku": a coordinator e-mails a participant who has no log-in a link to make one.

Following the link the person sets a password and their `Person.user` is linked (by the acceptance hook
below, registered in ParticipantsConfig.ready); they get no membership, as participants are participants
through their person. One person, or many at once (people without an e-mail address or with a log-in are
skipped and counted). The invitation goes out in the person's preferred language. Partner isolation: a
coordinator invites only their own partner's participants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Invitation, User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.models import Language
from polku.participants.models import Participation, Person
from polku.projects.people.invitations import invitation_issue, invitation_resend


@dataclass(frozen=True)
class InviteCounts:
    sent: int = 0
    without_email: int = 0
    with_login: int = 0

    @property
    def skipped(self) -> int:
        return self.without_email + self.with_login


def pending_invitation(person_id: int) -> Invitation | None:
    """The person's participant invitation whose link still works, if any."""
    return (
        Invitation.objects.filter(
            person_id=person_id,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-sent_at")
        .first()
    )


def _language(person: Person) -> str:
    return person.preferred_language if person.preferred_language in Language.values else "en"


def _invite(*, actor: User, access: Access, participation: Participation) -> Invitation:
    person = participation.person
    waiting = pending_invitation(person.pk)
    if waiting is not None:
        # A second invitation would leave two live links; send the waiting one again with a new link.
        return invitation_resend(actor=actor, access=access, invitation=waiting)
    return invitation_issue(
        actor=actor,
        project=participation.project,
        email=person.email.strip().lower(),
        language=_language(person),
        partner=participation.partner,
        person_id=person.pk,
    )


def participant_invite(*, actor: User, access: Access, participation: Participation) -> Invitation:
    """Invite one participant; a waiting invitation is sent again with a new link."""
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("You can invite only your own partner's participants."))
    person = participation.person
    if person.user_id is not None:
        raise ApplicationError(_("%(name)s has a log-in already.") % {"name": person.full_name})
    if not person.email:
        raise ApplicationError(_("%(name)s has no e-mail address.") % {"name": person.full_name})
    if person.anonymised_at is not None:
        raise ApplicationError(_("This participant's data have been anonymised."))
    with transaction.atomic():
        return _invite(actor=actor, access=access, participation=participation)


def participant_invite_many(
    *, actor: User, access: Access, participations: Iterable[Participation]
) -> InviteCounts:
    """Invite each participant who has an e-mail address and no log-in (once per person)."""
    sent = without_email = with_login = 0
    seen: set[int] = set()
    with transaction.atomic():
        for participation in participations:
            if not access.can_manage_partner(participation.partner_id):
                raise AccessDenied(_("You can invite only your own partner's participants."))
            person = participation.person
            if person.pk in seen:
                continue
            seen.add(person.pk)
            if person.user_id is not None:
                with_login += 1
            elif not person.email or person.anonymised_at is not None:
                without_email += 1
            else:
                _invite(actor=actor, access=access, participation=participation)
                sent += 1
    return InviteCounts(sent=sent, without_email=without_email, with_login=with_login)


def link_person_on_acceptance(*, invitation: Invitation, user: User) -> None:
    """Acceptance hook: the invited person's record gets the user as its log-in."""
    if invitation.person_id is None:
        return
    person = Person.objects.select_for_update().get(pk=invitation.person_id)
    if person.user_id == user.pk:
        return
    if person.user_id is not None:
        raise ApplicationError(_("This participant has a log-in already."))
    if Person.objects.filter(user=user).exists():
        raise ApplicationError(_("Your log-in belongs to another participant record; ask your coordinator."))
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit_record(
        actor=user,
        action=AuditEvent.Action.UPDATE,
        obj=person,
        person_id=person.pk,
        partner_id=invitation.partner_id,
        fields=["user"],
    )
