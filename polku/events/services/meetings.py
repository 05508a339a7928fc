"""1:1 meetings at an event (matchmaking).

Organisers (`Access.can_manage_event`) set the meeting slots, turn matchmaking on, add must-meet meetings
(priority 3: a sponsor or employer who must meet certain people), run the scheduler, publish its
placements, re-run it for late requests (published meetings stay where they are), record no-shows and
cancel meetings (the freed place is offered again on the next run).

Attendees with a confirmed registration opt in with a profile (what they look for and offer, industries, a
few words, free slots), send requests with a short message (at most `event.max_requests` pending or
accepted), accept (a meeting of the two, priority 1) or decline, and block people. A person who declined or
blocked someone cannot be asked by them again.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tasks import send_email
from polku.events import scheduling
from polku.events.emails import recipient as holder_of
from polku.events.models import (
    Event,
    Intent,
    MatchProfile,
    Meeting,
    MeetingBlock,
    MeetingMember,
    MeetingRequest,
    MeetingSlot,
    Registration,
)
from polku.events.selectors.meetings import own_filter, require_own_registration
from polku.events.services.events import event_update, lock_event, please_correct, require_organiser

MAX_SLOTS = 100
REMINDER_BEFORE = dt.timedelta(minutes=5)


# --- slots ------------------------------------------------------------------------------------------


def _slot_errors(event: Event, starts: dt.datetime, ends: dt.datetime, *, ignore: int | None = None) -> dict:
    if ends <= starts:
        return {"ends_at": [_("A slot must end after it starts.")]}
    if starts < event.starts_at or ends > event.ends_at:
        return {"starts_at": [_("A slot must be within the event's time.")]}
    overlapping = MeetingSlot.objects.filter(event=event, starts_at__lt=ends, ends_at__gt=starts)
    if ignore:
        overlapping = overlapping.exclude(pk=ignore)
    if overlapping.exists():
        return {"starts_at": [_("This slot overlaps another slot of the event.")]}
    return {}


def slot_add(*, access: Access, event: Event, starts_at: dt.datetime, ends_at: dt.datetime) -> MeetingSlot:
    """One meeting slot, within the event and overlapping no other."""
    require_organiser(access, event)
    with transaction.atomic():
        lock_event(event)
        errors = _slot_errors(event, starts_at, ends_at)
        if errors:
            raise ApplicationError(please_correct(), field_errors=errors)
        return MeetingSlot.objects.create(event=event, starts_at=starts_at, ends_at=ends_at)


def slots_generate(
    *,
    access: Access,
    event: Event,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    minutes: int,
    gap_minutes: int = 0,
) -> list[MeetingSlot]:
    """A run of slots of `minutes` each (with `gap_minutes` between) from `starts_at` until `ends_at`; all
    or nothing, refused when one would overlap an existing slot."""
    require_organiser(access, event)
    errors: dict[str, list[str]] = {}
    if not 5 <= minutes <= 240:
        errors["minutes"] = [_("A slot lasts 5 to 240 minutes.")]
    if not 0 <= gap_minutes <= 120:
        errors["gap_minutes"] = [_("The break between slots is 0 to 120 minutes.")]
    if ends_at <= starts_at:
        errors["ends_at"] = [_("The end must be after the start.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    times = []
    start = starts_at
    while start + dt.timedelta(minutes=minutes) <= ends_at:
        times.append((start, start + dt.timedelta(minutes=minutes)))
        start += dt.timedelta(minutes=minutes + gap_minutes)
    if not times:
        raise ApplicationError(
            please_correct(),
            field_errors={"minutes": [_("Not even one slot fits between the start and the end.")]},
        )
    if len(times) > MAX_SLOTS:
        raise ApplicationError(
            please_correct(),
            field_errors={"minutes": [_("At most %(max)s slots at a time.") % {"max": MAX_SLOTS}]},
        )
    with transaction.atomic():
        lock_event(event)
        for s, e in times:
            errors = _slot_errors(event, s, e)
            if errors:
                raise ApplicationError(please_correct(), field_errors=errors)
        return [MeetingSlot.objects.create(event=event, starts_at=s, ends_at=e) for s, e in times]


def slot_remove(*, access: Access, slot: MeetingSlot) -> None:
    """Remove a slot; refused while a published meeting is in it (cancel that first). Meetings placed there
    but not published go back to the scheduler."""
    event = slot.event
    require_organiser(access, event)
    with transaction.atomic():
        lock_event(event)
        if slot.meetings.filter(status=Meeting.Status.PUBLISHED).exists():
            raise ApplicationError(_("A published meeting is in this slot: cancel or re-run it first."))
        slot.meetings.exclude(status=Meeting.Status.CANCELLED).update(
            status=Meeting.Status.UNPLACED, slot=None, table=None, unplaced_reason={"code": "slot_removed"}
        )
        slot.delete()


def matchmaking_set(
    *, access: Access, event: Event, enabled: bool, tables: int | None = None, max_requests: int | None = None
) -> Event:
    """Turn 1:1 meetings on or off, with the number of tables (or rooms) and of requests per person."""
    data: dict[str, Any] = {"matchmaking": bool(enabled)}
    if tables is not None:
        data["meeting_tables"] = tables
    if max_requests is not None:
        if max_requests < 1:
            raise ApplicationError(
                please_correct(), field_errors={"max_requests": [_("Allow at least one request.")]}
            )
        data["max_requests"] = max_requests
    return event_update(access=access, event=event, data=data)


# --- meetings set by the organiser ------------------------------------------------------------------


def must_meet_create(
    *, access: Access, event: Event, registration_ids: Sequence[int], priority: int = 3
) -> Meeting:
    """A meeting the organiser sets (must-meet by default, priority 3) of 2–4 registered people."""
    require_organiser(access, event)
    ids = set(registration_ids)
    errors: dict[str, list[str]] = {}
    if not 2 <= len(ids) <= 4:
        errors["registrations"] = [_("A meeting has 2 to 4 people.")]
    elif Registration.objects.filter(
        pk__in=ids, event=event, status=Registration.Status.CONFIRMED
    ).count() != len(ids):
        errors["registrations"] = [_("Everyone in the meeting must be registered for this event.")]
    if priority not in (1, 2, 3):
        errors["priority"] = [_("The priority is 1, 2 or 3.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    with transaction.atomic():
        meeting = Meeting.objects.create(event=event, priority=priority)
        MeetingMember.objects.bulk_create(
            [MeetingMember(meeting=meeting, registration_id=pk) for pk in sorted(ids)]
        )
    return meeting


def schedule_run(*, access: Access, event: Event) -> scheduling.ScheduleResult:
    """Run the scheduler: published meetings stay where they are; every other meeting is placed (not yet
    published) or gets the reason why it could not be."""
    require_organiser(access, event)
    with transaction.atomic():
        event = lock_event(event)
        result = scheduling.run_schedule(event)
        movable = Meeting.objects.filter(event=event).exclude(
            status__in=[Meeting.Status.PUBLISHED, Meeting.Status.CANCELLED]
        )
        # Free every place first, so that a new placement never meets an old one on the same table.
        movable.update(slot=None, table=None)
        for meeting in movable:
            if meeting.pk in result.placed:
                meeting.slot_id, meeting.table = result.placed[meeting.pk]
                meeting.status = Meeting.Status.PLACED
                meeting.unplaced_reason = {}
            else:
                meeting.status = Meeting.Status.UNPLACED
                meeting.unplaced_reason = result.unplaced.get(meeting.pk, {"code": ""})
            meeting.save(update_fields=["slot", "table", "status", "unplaced_reason", "updated_at"])
    return result


def schedule_publish(*, access: Access, event: Event) -> int:
    """Publish every placed meeting; each member gets an e-mail with the time, the table and the others."""
    require_organiser(access, event)
    with transaction.atomic():
        lock_event(event)
        ids = list(
            Meeting.objects.filter(event=event, status=Meeting.Status.PLACED).values_list("pk", flat=True)
        )
        Meeting.objects.filter(pk__in=ids).update(status=Meeting.Status.PUBLISHED, updated_at=timezone.now())
        transaction.on_commit(functools.partial(_notify_all, ids, "published"))
    return len(ids)


def meeting_cancel(*, access: Access, meeting: Meeting) -> Meeting:
    """Cancel a meeting (its organiser, or one of its members): its table in that slot is free for the next
    run; a request behind it is closed so the two can ask each other again."""
    event = meeting.event
    is_member = meeting.memberships.filter(
        registration__in=Registration.objects.filter(own_filter(access))
    ).exists()
    if not is_member:
        require_organiser(access, event)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status == Meeting.Status.CANCELLED:
            return meeting
        was_published = meeting.status == Meeting.Status.PUBLISHED
        meeting.status = Meeting.Status.CANCELLED
        meeting.save(update_fields=["status", "updated_at"])
        if meeting.request_id:
            MeetingRequest.objects.filter(pk=meeting.request_id).update(
                status=MeetingRequest.Status.WITHDRAWN
            )
        if was_published:
            pk = meeting.pk
            transaction.on_commit(lambda: _notify(pk, "cancelled"))
    return meeting


def attendance_set(
    *, access: Access, meeting: Meeting, registration: Registration, attended: bool | None
) -> MeetingMember:
    """Record whether a member came to the meeting (False: a no-show; None: not recorded)."""
    require_organiser(access, meeting.event)
    member = MeetingMember.objects.filter(meeting=meeting, registration=registration).first()
    if member is None:
        raise ApplicationError(
            please_correct(), field_errors={"registration": [_("This person is not in the meeting.")]}
        )
    member.attended = attended
    member.save(update_fields=["attended"])
    return member


# --- attendees --------------------------------------------------------------------------------------


def _require_matchmaking(event: Event) -> None:
    if not event.matchmaking:
        raise ApplicationError(_("This event has no 1:1 meetings."))


def _intents(values: Any, name: str) -> tuple[list[str], dict[str, list[str]]]:
    values = list(values or [])
    bad = [v for v in values if v not in Intent.values]
    if bad:
        return [], {name: [_("Choose from the list.")]}
    return sorted(set(values)), {}


def profile_save(*, access: Access, event: Event, data: Mapping[str, Any]) -> MatchProfile:
    """Opt in to 1:1 meetings at the event, or change one's profile."""
    _require_matchmaking(event)
    registration = require_own_registration(access=access, event=event)
    looking, errors = _intents(data.get("looking_for"), "looking_for")
    offering, more = _intents(data.get("offering"), "offering")
    errors |= more
    slot_ids = {int(s) for s in data.get("available") or []}
    slots = list(MeetingSlot.objects.filter(event=event, pk__in=slot_ids))
    if len(slots) != len(slot_ids):
        errors["available"] = [_("Choose slots of this event.")]
    if not looking and not offering and not errors:
        errors["looking_for"] = [_("Say what you look for or what you offer.")]
    introduction = str(data.get("introduction") or "").strip()
    if len(introduction) > 1000:
        errors["introduction"] = [_("At most 1000 characters.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    with transaction.atomic():
        profile, _created = MatchProfile.objects.get_or_create(registration=registration)
        profile.looking_for = looking
        profile.offering = offering
        profile.industries = str(data.get("industries") or "").strip()[:300]
        profile.introduction = introduction
        profile.save()
        profile.available.set(slots)
    return profile


def profile_delete(*, access: Access, event: Event) -> None:
    """Opt out: the profile goes, and pending requests to and from the person are withdrawn."""
    registration = require_own_registration(access=access, event=event)
    with transaction.atomic():
        MeetingRequest.objects.filter(
            Q(sender=registration) | Q(recipient=registration), status=MeetingRequest.Status.PENDING
        ).update(status=MeetingRequest.Status.WITHDRAWN, answered_at=timezone.now())
        MatchProfile.objects.filter(registration=registration).delete()


def _blocked_between(a: Registration, b: Registration) -> bool:
    return MeetingBlock.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def request_send(
    *, access: Access, event: Event, recipient: Registration, message: str = ""
) -> MeetingRequest:
    """Ask another attendee for a meeting. Refused with a clear reason: one's own limit is reached, the
    other has not opted in, declined or blocked, or a request between the two is already open."""
    _require_matchmaking(event)
    sender = require_own_registration(access=access, event=event)
    message = (message or "").strip()
    if len(message) > 500:
        raise ApplicationError(please_correct(), field_errors={"message": [_("At most 500 characters.")]})
    if recipient.event_id != event.pk or recipient.status != Registration.Status.CONFIRMED:
        raise ApplicationError(_("This person is not registered for the event."))
    if recipient.pk == sender.pk:
        raise ApplicationError(_("You cannot ask yourself for a meeting."))
    if not MatchProfile.objects.filter(registration=sender).exists():
        raise ApplicationError(_("Opt in to meetings first: fill in your meeting profile."))
    if not MatchProfile.objects.filter(registration=recipient).exists():
        raise ApplicationError(_("%(name)s has not opted in to meetings.") % {"name": recipient.name})
    with transaction.atomic():
        lock_event(event)
        if _blocked_between(sender, recipient):
            raise ApplicationError(_("You cannot ask %(name)s for a meeting.") % {"name": recipient.name})
        if MeetingRequest.objects.filter(
            sender=sender, recipient=recipient, status=MeetingRequest.Status.DECLINED
        ).exists():
            raise ApplicationError(
                _("%(name)s declined your earlier request, so you cannot ask again.")
                % {"name": recipient.name}
            )
        if MeetingRequest.objects.filter(
            sender=recipient, recipient=sender, status=MeetingRequest.Status.DECLINED
        ).exists():
            raise ApplicationError(
                _("You declined %(name)s's request, so you cannot ask them.") % {"name": recipient.name}
            )
        if MeetingRequest.objects.filter(
            Q(sender=sender, recipient=recipient) | Q(sender=recipient, recipient=sender),
            status__in=[MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED],
        ).exists():
            raise ApplicationError(
                _("There is already a request between you and %(name)s.") % {"name": recipient.name}
            )
        open_count = MeetingRequest.objects.filter(
            sender=sender, status__in=[MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED]
        ).count()
        if open_count >= event.max_requests:
            raise ApplicationError(
                _("You can have at most %(max)s requests waiting or accepted at this event.")
                % {"max": event.max_requests}
            )
        try:
            with transaction.atomic():
                request = MeetingRequest.objects.create(
                    event=event, sender=sender, recipient=recipient, message=message
                )
        except IntegrityError:
            raise ApplicationError(
                _("There is already a request between you and %(name)s.") % {"name": recipient.name}
            ) from None
        pk = request.pk
        transaction.on_commit(lambda: _notify_request(pk))
    return request


def request_answer(*, access: Access, request: MeetingRequest, accept: bool) -> MeetingRequest:
    """The recipient accepts (a meeting of the two, priority 1, for the scheduler) or declines."""
    if not Registration.objects.filter(own_filter(access), pk=request.recipient_id).exists():
        raise AccessDenied(_("Only the person asked can answer this request."))
    with transaction.atomic():
        request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != MeetingRequest.Status.PENDING:
            raise ApplicationError(_("This request has already been answered or withdrawn."))
        request.status = MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at", "updated_at"])
        if accept:
            meeting = Meeting.objects.create(event_id=request.event_id, request=request, priority=1)
            MeetingMember.objects.bulk_create(
                [
                    MeetingMember(meeting=meeting, registration_id=request.sender_id),
                    MeetingMember(meeting=meeting, registration_id=request.recipient_id),
                ]
            )
    return request


def request_withdraw(*, access: Access, request: MeetingRequest) -> MeetingRequest:
    """The sender takes back a request not answered yet."""
    if not Registration.objects.filter(own_filter(access), pk=request.sender_id).exists():
        raise AccessDenied(_("Only the sender can withdraw this request."))
    with transaction.atomic():
        request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != MeetingRequest.Status.PENDING:
            raise ApplicationError(_("This request has already been answered or withdrawn."))
        request.status = MeetingRequest.Status.WITHDRAWN
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at", "updated_at"])
    return request


def block(*, access: Access, event: Event, blocked: Registration) -> MeetingBlock:
    """Never be suggested to or asked by this person; open requests between the two are closed."""
    blocker = require_own_registration(access=access, event=event)
    if blocked.event_id != event.pk:
        raise ApplicationError(_("This person is not registered for the event."))
    if blocked.pk == blocker.pk:
        raise ApplicationError(_("You cannot block yourself."))
    with transaction.atomic():
        row, _created = MeetingBlock.objects.get_or_create(blocker=blocker, blocked=blocked)
        MeetingRequest.objects.filter(
            Q(sender=blocker, recipient=blocked) | Q(sender=blocked, recipient=blocker),
            status=MeetingRequest.Status.PENDING,
        ).update(status=MeetingRequest.Status.DECLINED, answered_at=timezone.now())
    return row


# --- notifications ----------------------------------------------------------------------------------


def meeting_when(meeting: Meeting) -> str:
    """ "12.5.2031 17:15–17:30" in the event's time zone."""
    if meeting.slot is None:
        return ""
    zone = meeting.event.zone
    start, end = meeting.slot.starts_at.astimezone(zone), meeting.slot.ends_at.astimezone(zone)
    return f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} {start:%H:%M}–{end:%H:%M}"


def _members(meeting: Meeting) -> list[Registration]:
    return [
        x.registration
        for x in MeetingMember.objects.filter(meeting=meeting).select_related(
            "registration__participation__person", "registration__user"
        )
    ]


def _notify(meeting_pk: int, what: str) -> None:
    """E-mail each member of a meeting, in their own language: published, cancelled or a reminder."""
    meeting = Meeting.objects.select_related("slot", "event__activity").get(pk=meeting_pk)
    members = _members(meeting)
    for member in members:
        if not member.email:
            continue
        others = scheduling.names_list([m.name for m in members if m.pk != member.pk])
        with translation.override(holder_of(member)[1]):
            values = {
                "event": meeting.event.title,
                "when": meeting_when(meeting),
                "table": meeting.table or "",
                "others": others,
            }
            if what == "published":
                subject = _("Your meeting at %(event)s") % values
                body = _("You meet %(others)s on %(when)s at table %(table)s.") % values
            elif what == "cancelled":
                subject = _("Meeting cancelled: %(event)s") % values
                body = _("Your meeting with %(others)s on %(when)s was cancelled.") % values
            else:
                subject = _("In 5 minutes: meeting with %(others)s") % values
                body = _("Your meeting with %(others)s starts at %(when)s at table %(table)s.") % values
            body += "\n\n" + _("Your agenda is on the event's page in Polku.")
        send_email.enqueue(subject=subject, body=body, to=[member.email])


def _notify_all(meeting_pks: list[int], what: str) -> None:
    for pk in meeting_pks:
        _notify(pk, what)


def _notify_request(request_pk: int) -> None:
    request = MeetingRequest.objects.select_related(
        "event__activity",
        "sender__participation__person",
        "sender__user",
        "recipient__participation__person",
        "recipient__user",
    ).get(pk=request_pk)
    recipient = request.recipient
    if not recipient.email:
        return
    with translation.override(holder_of(recipient)[1]):
        subject = _("%(name)s asks to meet you at %(event)s") % {
            "name": request.sender.name,
            "event": request.event.title,
        }
        body = request.message + "\n\n" if request.message else ""
        body += _("Answer on the meeting requests page of the event in Polku.")
    send_email.enqueue(subject=subject, body=body, to=[recipient.email])


def reminders_send(now: dt.datetime | None = None) -> int:
    """Remind the members of every published meeting that starts within 5 minutes (once: `reminded_at`)."""
    now = now or timezone.now()
    due = Meeting.objects.filter(
        status=Meeting.Status.PUBLISHED,
        reminded_at__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + REMINDER_BEFORE,
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = Meeting.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now)
            if claimed:
                transaction.on_commit(functools.partial(_notify, pk, "reminder"))
                sent += 1
    return sent
