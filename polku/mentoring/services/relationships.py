"""A mentorship's life between the pair: both answer the offer, then set goals, log sessions, answer
check-ins and close it with their feedback (a coordinator may close it too).

Only the mentee and the mentor act here, except closing; a decline frees the mentor's place and the pair
is never proposed again.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.activities.services import activity_take_part
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentoring import emails
from polku.mentoring.models import CheckIn, DeclinedPair, Feedback, Goal, Mentorship, Session, Side
from polku.mentoring.selectors import side_of
from polku.mentoring.services.profiles import free_seat
from polku.mentoring.services.programmes import require_manager


def _require_side(access: Access, mentorship: Mentorship) -> str:
    side = side_of(access, mentorship)
    if side is None:
        raise AccessDenied(_("Only the mentee and the mentor of this mentorship can do this."))
    return side


def _require_active(mentorship: Mentorship) -> None:
    if mentorship.status != Mentorship.Status.ACTIVE:
        raise ApplicationError(_("This can be done only while the mentorship is active."))


def mentorship_respond(*, actor: User, access: Access, mentorship: Mentorship, accept: bool) -> Mentorship:
    """One side accepts or declines. Both accept: active. A decline frees the seat and is never proposed again."""
    side = _require_side(access, mentorship)
    with transaction.atomic():
        mentorship = (
            Mentorship.objects.select_for_update()
            .select_related("mentee__participation__person", "mentor__user", "programme")
            .get(pk=mentorship.pk)
        )
        if mentorship.status != Mentorship.Status.PENDING:
            raise ApplicationError(_("This mentorship is not waiting for answers."))
        field = "mentee_response" if side == Side.MENTEE else "mentor_response"
        if getattr(mentorship, field) != Mentorship.Response.WAITING:
            raise ApplicationError(_("You have answered already."))
        setattr(mentorship, field, Mentorship.Response.ACCEPTED if accept else Mentorship.Response.DECLINED)
        changed = [field, "updated_at"]
        started_on = None  # the day the pair becomes active, if this answer makes it so
        if not accept:
            mentorship.status = Mentorship.Status.DECLINED
            free_seat(mentorship.mentor_id)
            DeclinedPair.objects.get_or_create(
                participation_id=mentorship.mentee.participation_id,
                mentor_id=mentorship.mentor_id,
                defaults={"project_id": mentorship.programme.project_id, "declined_by": side},
            )
            changed.append("status")
        elif (
            mentorship.mentee_response == Mentorship.Response.ACCEPTED
            and mentorship.mentor_response == Mentorship.Response.ACCEPTED
        ):
            mentorship.status = Mentorship.Status.ACTIVE
            mentorship.started_on = started_on = timezone.localdate()
            changed += ["status", "started_on"]
        mentorship.save(update_fields=changed)
        if started_on is not None:
            # The mentee takes part in the programme's activity from now on; closing the pair later does
            # not undo that (decision 0057).
            activity_take_part(
                actor=actor,
                activity=mentorship.programme.activity,
                participation=mentorship.mentee.participation,
                on=started_on,
            )
        emails.answer(mentorship, side=side, accept=accept)
    return mentorship


def goal_add(*, access: Access, mentorship: Mentorship, text: str) -> Goal:
    _require_side(access, mentorship)
    _require_active(mentorship)
    if not text.strip():
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"text": [_("Write the goal.")]}
        )
    with transaction.atomic():
        return Goal.objects.create(mentorship=mentorship, text=text.strip()[:300])


def goal_set_status(*, access: Access, goal: Goal, status: str) -> Goal:
    _require_side(access, goal.mentorship)
    if status not in Goal.Status.values:
        raise ApplicationError(_("Unknown status."))
    with transaction.atomic():
        goal.status = status
        goal.save(update_fields=["status", "updated_at"])
    return goal


def session_log(
    *,
    access: Access,
    mentorship: Mentorship,
    held_on: dt.date,
    duration_minutes: int = 60,
    topics: str = "",
    notes: str = "",
    status: str = Session.Status.HELD,
) -> Session:
    """Either side logs a meeting (or that the other side did not come)."""
    side = _require_side(access, mentorship)
    _require_active(mentorship)
    errors: dict[str, list[str]] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = [_("Log sessions that have taken place.")]
    if mentorship.started_on and held_on < mentorship.started_on - dt.timedelta(days=30):
        errors["held_on"] = [_("The date is before the mentorship started.")]
    if not 0 < duration_minutes <= 600:
        errors["duration_minutes"] = [_("Give a duration between 1 and 600 minutes.")]
    if status not in Session.Status.values:
        errors["status"] = [_("Unknown status.")]
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    with transaction.atomic():
        return Session.objects.create(
            mentorship=mentorship,
            held_on=held_on,
            duration_minutes=duration_minutes,
            topics=topics.strip()[:300],
            notes=notes.strip(),
            status=status,
            logged_by=side,
        )


def checkin_answer(*, access: Access, checkin: CheckIn, rating: int, text: str = "") -> CheckIn:
    side = _require_side(access, checkin.mentorship)
    if side != checkin.side:
        raise AccessDenied(_("This check-in is for the other side of the pair."))
    if not 1 <= rating <= 5:
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"rating": [_("Choose from 1 to 5.")]}
        )
    with transaction.atomic():
        checkin.rating = rating
        checkin.text = text.strip()
        checkin.answered_at = timezone.now()
        checkin.save(update_fields=["rating", "text", "answered_at"])
    return checkin


def mentorship_close(
    *, actor: User, access: Access, mentorship: Mentorship, rating: int | None = None, text: str = ""
) -> Mentorship:
    """Either side (with their feedback) or a coordinator closes an active mentorship; the seat is freed.

    A side whose partner closed it already can still give their feedback through this verb.
    """
    side = side_of(access, mentorship)
    if side is None:
        require_manager(access, mentorship.programme)
    if side is not None and (rating is None or not 1 <= rating <= 5):
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"rating": [_("Choose from 1 to 5.")]}
        )
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        if mentorship.status == Mentorship.Status.ACTIVE:
            mentorship.status = Mentorship.Status.CLOSED
            mentorship.closed_on = timezone.localdate()
            mentorship.closed_by = side or "coordinator"
            mentorship.save(update_fields=["status", "closed_on", "closed_by", "updated_at"])
            free_seat(mentorship.mentor_id)
        elif mentorship.status != Mentorship.Status.CLOSED:
            raise ApplicationError(_("Only an active mentorship can be closed."))
        if side is not None:
            if Feedback.objects.filter(mentorship=mentorship, side=side).exists():
                raise ApplicationError(_("You have given your feedback already."))
            assert rating is not None
            Feedback.objects.create(mentorship=mentorship, side=side, rating=rating, text=text.strip())
    return mentorship
