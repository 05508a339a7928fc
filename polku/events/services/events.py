"""Events as their organisers set them up: the event (an activity of the project, kind "event"), series of
events from a recurrence rule, speakers and registration questions.

Who: the project lead (or an admin) for every partner, a coordinator for their own partner
(`Access.can_manage_event`). Changes of time, place or status raise the event's iCalendar SEQUENCE, so
calendars that subscribed to it update (or drop it when cancelled).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.activities.models import Activity
from polku.activities.services import activity_create
from polku.core.errors import AccessDenied, ApplicationError
from polku.events.models import Event, EventSeries, Question, Speaker
from polku.events.selectors.events import seats_held
from polku.knowledge.models import LANGUAGES
from polku.projects.models import Partner, WorkPackage

EVENT_FIELDS = (
    "kind",
    "status",
    *(f"title_{code}" for code in LANGUAGES),
    *(f"description_{code}" for code in LANGUAGES),
    "starts_at",
    "ends_at",
    "time_zone",
    "venue",
    "online_url",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "cancellation_hours",
    "offer_hours",
    "reminder_hours",
    "audience",
    "evaluation_note",
    "matchmaking",
    "meeting_tables",
    "max_requests",
    "round_group_size",
    "round_count",
    "round_minutes",
    "round_share_language",
)
# A change of these reaches the calendars of those registered (a new SEQUENCE).
CALENDAR_FIELDS = (
    "starts_at",
    "ends_at",
    "time_zone",
    "venue",
    "online_url",
    "status",
    "title_fi",
    "title_sv",
    "title_en",
)
MAX_SERIES = 60


def please_correct() -> str:
    return _("Please correct the errors below.")


def require_organiser(access: Access, event: Event) -> None:
    """AccessDenied unless the reader organises the event."""
    if not access.can_manage_event(event.activity.project_id, event.activity.partner_id):
        raise AccessDenied(
            _("Only the project lead or a coordinator of the organising partner can manage this event.")
        )


def lock_event(event: Event) -> Event:
    """The event's row, locked for the rest of the transaction: the first lock of every writer of seats."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _event_errors(event: Event, values: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not any(str(values.get(f"title_{code}") or "").strip() for code in LANGUAGES):
        errors["title_en"] = [_("Give the title in at least one language.")]
    try:
        ZoneInfo(str(values.get("time_zone") or ""))
    except (ZoneInfoNotFoundError, ValueError):
        errors["time_zone"] = [_("Choose a time zone from the list.")]
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts and ends and ends <= starts:
        errors["ends_at"] = [_("The event must end after it starts.")]
    opens, closes = values.get("registration_opens_at"), values.get("registration_closes_at")
    if opens and closes and closes <= opens:
        errors["registration_closes_at"] = [_("Registration must close after it opens.")]
    if closes and ends and closes > ends:
        errors["registration_closes_at"] = [_("Registration must close before the event ends.")]
    if values.get("kind") not in Event.Kind.values:
        errors["kind"] = [_("Choose the kind of event.")]
    if values.get("audience") not in Event.Audience.values:
        errors["audience"] = [_("Choose who can register.")]
    if values.get("kind") == Event.Kind.REFLECTION and values.get("audience") != Event.Audience.STAFF:
        errors["audience"] = [_("A reflection meeting is for staff: choose staff as the audience.")]
    capacity = values.get("capacity")
    if capacity is not None and event.pk:
        taken = seats_held(event)
        if capacity < taken:
            errors["capacity"] = [
                _("%(taken)s people already have a seat: the capacity cannot be lower.") % {"taken": taken}
            ]
    hours = values.get("reminder_hours") or []
    if not isinstance(hours, list) or any(not isinstance(h, int) or not 0 < h <= 24 * 30 for h in hours):
        errors["reminder_hours"] = [_("Give reminders as whole hours before the event, at most 720.")]
    size = values.get("round_group_size") or 0
    if not 2 <= size <= 12:
        errors["round_group_size"] = [_("A breakout group has 2 to 12 people.")]
    if values.get("round_count") and values.get("kind") != Event.Kind.ONLINE:
        errors["round_count"] = [_("Networking rounds are for online events.")]
    note = values.get("evaluation_note")
    if note is not None and note.project_id != event.activity.project_id:
        errors["evaluation_note"] = [_("The minutes must be a note of the same project.")]
    if values.get("meeting_tables") is not None and values["meeting_tables"] < 1:
        errors["meeting_tables"] = [_("Give at least one table.")]
    return errors


def _normalise(values: dict[str, Any]) -> dict[str, Any]:
    for name in ("venue", "online_url", "time_zone", *(f"title_{c}" for c in LANGUAGES)):
        if isinstance(values.get(name), str):
            values[name] = values[name].strip()
    hours = values.get("reminder_hours")
    if isinstance(hours, list):
        values["reminder_hours"] = sorted(
            {int(h) for h in hours if isinstance(h, int | str) and str(h).isdigit()}, reverse=True
        )
    return values


def _activity_name(values: Mapping[str, Any]) -> str:
    for code in LANGUAGES:
        title = str(values.get(f"title_{code}") or "").strip()
        if title:
            return title[:200]
    return ""


def _defaults() -> dict[str, Any]:
    return {
        name: Event._meta.get_field(name).get_default()  # type: ignore[union-attr]
        for name in EVENT_FIELDS
        if name not in ("starts_at", "ends_at", "kind", "audience", "evaluation_note")
    } | {"evaluation_note": None}


def event_create(
    *,
    access: Access,
    partner: Partner,
    data: Mapping[str, Any],
    work_package: WorkPackage | None = None,
    series: EventSeries | None = None,
) -> Event:
    """An event organised by `partner`: a new activity of the project (kind "event") with the event on it."""
    if not access.can_manage_event(partner.project_id, partner.pk):
        raise AccessDenied(_("Only the project lead or the partner's coordinator can add events."))
    values = _normalise(_defaults() | {k: v for k, v in data.items() if k in EVENT_FIELDS})
    if work_package is not None and work_package.project_id != partner.project_id:
        raise ApplicationError(
            please_correct(),
            field_errors={"work_package": [_("The work package must belong to this project.")]},
        )
    probe = Event(activity=Activity(project_id=partner.project_id, partner=partner))
    errors = _event_errors(probe, values)
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    zone = ZoneInfo(values["time_zone"])
    with transaction.atomic():
        activity = activity_create(
            access=access,
            project=partner.project,
            partner=partner,
            work_package=work_package,
            kind=Activity.Kind.EVENT,
            name=_activity_name(values),
            starts_on=values["starts_at"].astimezone(zone).date(),
            ends_on=values["ends_at"].astimezone(zone).date(),
        )
        return Event.objects.create(activity=activity, series=series, **values)


def event_update(*, access: Access, event: Event, data: Mapping[str, Any]) -> Event:
    """Change the given fields. The capacity is checked against the seats taken under the event's lock."""
    require_organiser(access, event)
    with transaction.atomic():
        event = lock_event(event)
        values = {name: getattr(event, name) for name in EVENT_FIELDS}
        values.update({k: v for k, v in data.items() if k in EVENT_FIELDS})
        values = _normalise(values)
        errors = _event_errors(event, values)
        if errors:
            raise ApplicationError(please_correct(), field_errors=errors)
        changed = [name for name in EVENT_FIELDS if getattr(event, name) != values[name]]
        if not changed:
            return event
        for name in changed:
            setattr(event, name, values[name])
        fields = [*changed, "updated_at"]
        if set(changed) & set(CALENDAR_FIELDS):
            event.sequence += 1
            fields.append("sequence")
        event.save(update_fields=fields)
        activity = event.activity
        zone = event.zone
        activity.name = _activity_name(values) or activity.name
        activity.starts_on = event.starts_at.astimezone(zone).date()
        activity.ends_on = event.ends_at.astimezone(zone).date()
        activity.save(update_fields=["name", "starts_on", "ends_on", "updated_at"])
    return event


def series_occurrences(
    *, rule: str, first_start: dt.datetime, duration: dt.timedelta, zone: ZoneInfo
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Start and end of each occurrence of an RFC 5545 rule (e.g. "FREQ=MONTHLY;COUNT=10"), in local time of
    `zone` (so a monthly 17:00 stays 17:00 across daylight saving); at most MAX_SERIES occurrences."""
    local_start = first_start.astimezone(zone).replace(tzinfo=None)
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "COUNT=" not in text.upper() and "UNTIL=" not in text.upper():
        raise ApplicationError(
            please_correct(),
            field_errors={
                "rule": [_("Say how many times (for example COUNT=6) or until when the series runs.")]
            },
        )
    try:
        starts = list(rrulestr(text, dtstart=local_start))[: MAX_SERIES + 1]
    except (ValueError, TypeError):
        raise ApplicationError(
            please_correct(), field_errors={"rule": [_("This repeat rule cannot be read.")]}
        ) from None
    if not starts:
        raise ApplicationError(please_correct(), field_errors={"rule": [_("The rule gives no dates.")]})
    if len(starts) > MAX_SERIES:
        raise ApplicationError(
            please_correct(),
            field_errors={"rule": [_("A series has at most %(max)s events.") % {"max": MAX_SERIES}]},
        )
    return [(s.replace(tzinfo=zone), (s + duration).replace(tzinfo=zone)) for s in starts]


def series_create(
    *,
    actor: User | None,
    access: Access,
    partner: Partner,
    rule: str,
    data: Mapping[str, Any],
    work_package: WorkPackage | None = None,
) -> list[Event]:
    """A series of events from a recurrence rule; `data` describes the first one (its start and end give the
    time of day and the length of each)."""
    if not access.can_manage_event(partner.project_id, partner.pk):
        raise AccessDenied(_("Only the project lead or the partner's coordinator can add events."))
    starts, ends = data.get("starts_at"), data.get("ends_at")
    if not starts or not ends or ends <= starts:
        raise ApplicationError(
            please_correct(), field_errors={"ends_at": [_("The event must end after it starts.")]}
        )
    try:
        zone = ZoneInfo(str(data.get("time_zone") or "Europe/Helsinki"))
    except (ZoneInfoNotFoundError, ValueError):
        raise ApplicationError(
            please_correct(), field_errors={"time_zone": [_("Choose a time zone from the list.")]}
        ) from None
    times = series_occurrences(rule=rule, first_start=starts, duration=ends - starts, zone=zone)
    opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
    with transaction.atomic():
        series = EventSeries.objects.create(project=partner.project, rule=rule.strip(), created_by=actor)
        events = []
        for start, end in times:
            shift = start - starts
            events.append(
                event_create(
                    access=access,
                    partner=partner,
                    work_package=work_package,
                    series=series,
                    data={
                        **data,
                        "starts_at": start,
                        "ends_at": end,
                        "registration_opens_at": opens + shift if opens else None,
                        "registration_closes_at": closes + shift if closes else None,
                    },
                )
            )
    return events


def event_cancel(*, access: Access, event: Event) -> Event:
    """Cancel the event: it stays (with its registrations) as history, and calendars drop it."""
    return event_update(access=access, event=event, data={"status": Event.Status.CANCELLED})


def event_delete(*, access: Access, event: Event) -> None:
    """Remove a draft event nobody registered for (a published one is cancelled instead)."""
    require_organiser(access, event)
    if event.status != Event.Status.DRAFT or event.registrations.exists():
        raise ApplicationError(
            _("Only a draft without registrations can be removed; cancel the event instead.")
        )
    event.activity.delete()


# --- speakers and questions ---------------------------------------------------------------------------


def speaker_save(
    *, access: Access, event: Event, data: Mapping[str, Any], speaker: Speaker | None = None
) -> Speaker:
    require_organiser(access, event)
    name = str(data.get("name") or "").strip()
    if not name:
        raise ApplicationError(please_correct(), field_errors={"name": [_("Give the speaker's name.")]})
    speaker = speaker or Speaker(event=event, order=event.speakers.count())
    speaker.name = name[:200]
    speaker.organisation = str(data.get("organisation") or "").strip()[:200]
    speaker.story = str(data.get("story") or "").strip()[:2000]
    speaker.save()
    return speaker


def speaker_delete(*, access: Access, speaker: Speaker) -> None:
    require_organiser(access, speaker.event)
    speaker.delete()


def question_save(
    *, access: Access, event: Event, data: Mapping[str, Any], question: Question | None = None
) -> Question:
    require_organiser(access, event)
    errors: dict[str, list[str]] = {}
    kind = data.get("kind") or Question.Kind.OTHER
    if kind not in Question.Kind.values:
        errors["kind"] = [_("Choose the kind of question.")]
    texts = {f"text_{c}": str(data.get(f"text_{c}") or "").strip()[:300] for c in LANGUAGES}
    if not any(texts.values()):
        errors["text_en"] = [_("Write the question in at least one language.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    question = question or Question(event=event)
    question.kind = kind
    question.required = bool(data.get("required"))
    for name, value in texts.items():
        setattr(question, name, value)
    question.save()
    return question


def question_delete(*, access: Access, question: Question) -> None:
    require_organiser(access, question.event)
    question.delete()


def is_past(event: Event, now: dt.datetime | None = None) -> bool:
    return event.ends_at <= (now or timezone.now())
