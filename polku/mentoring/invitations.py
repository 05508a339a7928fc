"""Mentors join a mentoring programme by invitation.

The programme page's "Invite a mentor" sends a staff invitation (polku.projects.people) for the mentor
role of the programme's partner (none for a project-wide programme), naming the programme in the
invitation's `extra`. On acceptance the generic service creates the mentor membership, which is what puts
a mentor in a programme (`selectors.programme_mentors`), and the hook below gives the mentor the profile
the programme's matching reads.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Invitation, Role, User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied
from polku.mentoring.models import MentoringProgramme, MentorProfile
from polku.projects.people.invitations import staff_invite

PROGRAMME_KEY = "mentoring_programme"


def mentor_invite(
    *, actor: User, access: Access, programme: MentoringProgramme, email: str, language: str
) -> Invitation:
    """Invite a mentor to the programme: those who run it."""
    if not access.can_manage_mentoring_programme(programme.project_id, programme.partner_id):
        raise AccessDenied(_("Only those who run the programme invite its mentors."))
    return staff_invite(
        actor=actor,
        access=access,
        project=programme.project,
        email=email,
        role=Role.MENTOR,
        partner=programme.partner,
        language=language,
        extra={PROGRAMME_KEY: programme.pk},
    )


def attach_mentor_on_acceptance(*, invitation: Invitation, user: User) -> None:
    """Acceptance hook: an invited mentor of a programme gets a mentor profile (kept if they have one)."""
    programme_id = invitation.extra.get(PROGRAMME_KEY)
    if not programme_id or invitation.role != Role.MENTOR:
        return
    if not MentoringProgramme.objects.filter(pk=programme_id, project_id=invitation.project_id).exists():
        return  # the programme was removed meanwhile; the membership alone still makes them a mentor
    profile, created = MentorProfile.objects.get_or_create(user=user)
    if created:
        audit_record(actor=user, action=AuditEvent.Action.CREATE, obj=profile, fields=["user"])
