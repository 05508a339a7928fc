"""Employer representatives join by invitation (polku.projects.people, decision 0054).

The employer's page sends a staff invitation for the employer role of the employer's partner, naming the
employer in the invitation's `extra`; on acceptance the generic service creates the membership (which
makes the user an employer representative of the project) and the hook below links them to that one
employer, which is what lets them act for it.
"""

from __future__ import annotations

from polku.accounts.models import Invitation, Role, User
from polku.employers.models import Employer
from polku.employers.services import EMPLOYER_KEY, representative_link


def link_representative_on_acceptance(*, invitation: Invitation, user: User) -> None:
    employer_id = invitation.extra.get(EMPLOYER_KEY)
    if not employer_id or invitation.role != Role.EMPLOYER:
        return
    employer = Employer.objects.filter(pk=employer_id, project_id=invitation.project_id).first()
    if employer is None:
        return  # the employer was removed meanwhile; the membership alone names no employer
    representative_link(employer=employer, user=user, actor=user)
