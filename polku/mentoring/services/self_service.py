"""Self-service mentoring: in an open self-service programme a participant asks a mentor directly.

The mentor's place is taken at once with the same atomic counter as publishing a run, so concurrent
requests for the last place cannot over-book the mentor; and a mentee has one open mentorship per
programme (the mentee's row is locked, and a partial unique constraint holds it in the database), so
requests to several mentors sent at the same moment take one seat, not several.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentoring import emails, matchdata
from polku.mentoring.models import (
    OPEN_STATUSES,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
)
from polku.mentoring.selectors import programme_mentors
from polku.mentoring.services.profiles import take_seat
from polku.mentoring.services.runs import blocked_message, pair_score


def _already_asked() -> str:
    return _(
        "You have a mentor in this programme already, or have asked one and are waiting for the answer. "
        "You can ask another mentor if this one declines or the mentorship ends."
    )


def mentor_request(
    *, actor: User, access: Access, mentee: MenteeRequest, mentor: MentorProfile
) -> Mentorship:
    """A participant asks a mentor of a self-service programme; the seat is taken at once, atomically."""
    programme = mentee.programme
    if not access.is_own_person(mentee.participation.person_id):
        raise AccessDenied(_("Only the participant can ask for a mentor."))
    if (
        programme.mode != MentoringProgramme.Mode.SELF_SERVICE
        or programme.status != MentoringProgramme.Status.OPEN
    ):
        raise ApplicationError(_("In this programme the coordinator proposes the mentors."))
    if mentor.pk not in {p.pk for p in programme_mentors(programme)}:
        raise ApplicationError(_("Choose a mentor of this programme."))
    pair = pair_score(programme=programme, mentee=mentee, mentor=mentor)
    if pair.blocked_by:
        raise ApplicationError(blocked_message(pair.blocked_by))
    try:
        with transaction.atomic():
            # One request of a mentee at a time: the next waits here and then sees the first one's mentorship.
            MenteeRequest.objects.select_for_update().filter(pk=mentee.pk).first()
            if mentee.mentorships.filter(status__in=OPEN_STATUSES).exists():
                raise ApplicationError(_already_asked())
            take_seat(mentor.pk)
            mentorship = Mentorship.objects.create(
                programme=programme,
                mentee=mentee,
                mentor=mentor,
                origin=Mentorship.Origin.REQUEST,
                mentee_response=Mentorship.Response.ACCEPTED,
                score=round(pair.score, 4),
                breakdown=matchdata.breakdown(pair),
            )
            emails.request(mentorship)
    except IntegrityError as error:
        # Another request of the same mentee won the race (the database allows one open mentorship).
        raise ApplicationError(_already_asked()) from error
    return mentorship
