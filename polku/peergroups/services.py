"""Writes of peer-group rounds: create, opt in, form with the engine, move a member, publish, meetings,
attendance, reflections, and the meeting reminders of the periodic job.

A round is run by its partner's coordinators (`Access.can_manage_peer_round`); members are told through
`polku.peergroups.emails`. A round is created with its activity (kind peer group, the round's partner and
name), and publishing it enrols every member in that activity (decision 0057).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.activities.models import Activity
from polku.activities.services import activity_create, activity_take_part
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.matching.errors import InvalidInput
from polku.matching.groups import form_groups
from polku.participants.models import Participation
from polku.peergroups import emails
from polku.peergroups.models import (
    ATTRIBUTES,
    MeetingAttendance,
    MeetingReflection,
    PeerGroup,
    PeerGroupMeeting,
    PeerGroupMembership,
    PeerGroupOptIn,
    PeerGroupRound,
)
from polku.peergroups.selectors import round_candidates, round_problem
from polku.projects.models import Partner


def _manage(access: Access, peer_round: PeerGroupRound) -> None:
    if not access.can_manage_peer_round(peer_round.partner_id):
        raise AccessDenied(_("Only the partner's coordinators manage its peer-group rounds."))


def _draft(peer_round: PeerGroupRound) -> None:
    if not peer_round.is_draft:
        raise ApplicationError(_("The round is published; its groups can no longer change."))


def round_create(
    *,
    actor: Any,
    access: Access,
    partner: Partner,
    name: str,
    group_size: int = 6,
    min_language_level: str = "B1",
    attributes: list[str] | None = None,
) -> PeerGroupRound:
    if not access.can_manage_peer_round(partner.pk):
        raise AccessDenied(_("Only the partner's coordinators manage its peer-group rounds."))
    if group_size < 2:
        raise ApplicationError(
            _("The group size must be at least 2."),
            field_errors={"group_size": [gettext("A group needs at least 2 people.")]},
        )
    chosen = [a for a in (attributes or list(ATTRIBUTES[:3])) if a in ATTRIBUTES]
    with transaction.atomic():
        activity = activity_create(
            access=access, project=partner.project, partner=partner, kind=Activity.Kind.PEER_GROUP, name=name
        )
        peer_round = PeerGroupRound.objects.create(
            project_id=partner.project_id,
            partner=partner,
            activity=activity,
            name=activity.name,
            group_size=group_size,
            min_language_level=min_language_level,
            attributes=chosen,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
    return peer_round


def round_opt_in(
    *, actor: Any, access: Access, peer_round: PeerGroupRound, participation: Participation
) -> None:
    """The participant themself, or their coordinator, puts them in the round's pool (repeatable)."""
    if not access.can_opt_in_peer_round(
        person_id=participation.person_id, partner_id=participation.partner_id
    ):
        raise AccessDenied(_("You may opt in only yourself or your own partner's participants."))
    if participation.partner_id != peer_round.partner_id or participation.exit_date is not None:
        raise ApplicationError(_("Only active participants of the round's partner can join it."))
    _draft(peer_round)
    _row, created = PeerGroupOptIn.objects.get_or_create(round=peer_round, participation=participation)
    if created:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=peer_round,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=["peer_group_opt_in"],
        )


def round_form(*, actor: Any, access: Access, peer_round: PeerGroupRound, seed: int = 0) -> None:
    """Form the groups with the engine from the opted-in participants, replacing any earlier draft."""
    _manage(access, peer_round)
    _draft(peer_round)
    participations = list(round_candidates(peer_round=peer_round))
    problem = round_problem(peer_round=peer_round, participations=participations)
    try:
        result = form_groups(problem, restarts=10, time_limit=2.0, seed=seed)
    except InvalidInput as error:
        raise ApplicationError(
            _("The groups cannot be formed: %(reason)s") % {"reason": str(error)}
        ) from None
    with transaction.atomic():
        peer_round.groups.all().delete()
        memberships = []
        for number, (members, stats) in enumerate(zip(result.groups, result.stats, strict=True), start=1):
            group = PeerGroup.objects.create(round=peer_round, number=number, language=stats.language or "")
            memberships += [
                PeerGroupMembership(round=peer_round, group=group, participation_id=int(pid))
                for pid in members
            ]
        PeerGroupMembership.objects.bulk_create(memberships)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=peer_round,
            partner_id=peer_round.partner_id,
            fields=["groups"],
        )


def round_move(
    *, actor: Any, access: Access, peer_round: PeerGroupRound, participation_id: int, group_number: int
) -> None:
    """Move one member to another group of the draft round; the scores are recomputed on reading."""
    _manage(access, peer_round)
    _draft(peer_round)
    membership = PeerGroupMembership.objects.filter(
        round=peer_round, participation_id=participation_id
    ).first()
    group = peer_round.groups.filter(number=group_number).first()
    if membership is None or group is None:
        raise ApplicationError(_("Choose a member of the round and one of its groups."))
    membership.group = group
    membership.save(update_fields=["group"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=peer_round,
        person_id=membership.participation.person_id,
        partner_id=peer_round.partner_id,
        fields=["peer_group"],
    )


def round_publish(*, actor: Any, access: Access, peer_round: PeerGroupRound) -> None:
    """Lock the round and tell every member (in their own language) through the task queue."""
    _manage(access, peer_round)
    _draft(peer_round)
    if not peer_round.groups.exists():
        raise ApplicationError(_("Form the groups before publishing the round."))
    with transaction.atomic():
        peer_round.status = PeerGroupRound.Status.PUBLISHED
        peer_round.published_at = timezone.now()
        peer_round.save(update_fields=["status", "published_at", "updated_at"])
        day = timezone.localdate(peer_round.published_at)
        activity = peer_round.activity
        if activity.starts_on is None:
            activity.starts_on = day
            activity.save(update_fields=["starts_on", "updated_at"])
        for group in peer_round.groups.all():
            for m in group.memberships.select_related("participation__person"):
                # Placed in a published group: the member takes part in the round's activity (0057).
                activity_take_part(actor=actor, activity=activity, participation=m.participation, on=day)
                person = m.participation.person
                if person.email:
                    emails.group_ready(person, group=group, round_name=peer_round.name)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=peer_round,
            partner_id=peer_round.partner_id,
            fields=["status"],
        )


def meeting_create(
    *,
    access: Access,
    group: PeerGroup,
    starts_at: dt.datetime,
    place: str = "",
    online_link: str = "",
    topic: str = "",
) -> PeerGroupMeeting:
    _manage(access, group.round)
    return PeerGroupMeeting.objects.create(
        group=group, starts_at=starts_at, place=place, online_link=online_link, topic=topic
    )


def _member(meeting: PeerGroupMeeting, participation_id: int) -> Participation:
    membership = (
        PeerGroupMembership.objects.filter(group=meeting.group, participation_id=participation_id)
        .select_related("participation")
        .first()
    )
    if membership is None:
        raise ApplicationError(_("The person is not a member of this group."))
    return membership.participation


def attendance_record(
    *, actor: Any, access: Access, meeting: PeerGroupMeeting, participation_id: int, present: bool
) -> MeetingAttendance:
    _manage(access, meeting.group.round)
    participation = _member(meeting, participation_id)
    row, _created = MeetingAttendance.objects.update_or_create(
        meeting=meeting, participation=participation, defaults={"present": present}
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=row,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["present"],
    )
    return row


def reflection_write(
    *, actor: Any, access: Access, meeting: PeerGroupMeeting, text: str
) -> MeetingReflection:
    """A member writes (or rewrites) their reflection on a meeting of their own group."""
    membership = PeerGroupMembership.objects.filter(
        group=meeting.group, participation__person_id=access.person_id or -1
    ).first()
    if membership is None or access.person_id is None:
        raise AccessDenied(_("Only the group's members write reflections."))
    text = text.strip()
    if not text:
        raise ApplicationError(
            _("Check the reflection."), field_errors={"text": [gettext("Write a few words.")]}
        )
    row, _created = MeetingReflection.objects.update_or_create(
        meeting=meeting, participation_id=membership.participation_id, defaults={"text": text[:2000]}
    )
    return row


def meeting_reminders_send(*, now: dt.datetime | None = None) -> int:
    """E-mail the members of every group meeting within the next 24 hours that has had no reminder;
    `reminded_at` makes it idempotent. Returns the number of e-mails queued."""
    now = now or timezone.now()
    due = PeerGroupMeeting.objects.filter(
        reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + dt.timedelta(hours=24)
    ).prefetch_related("group__memberships__participation__person")
    sent = 0
    for meeting in due:
        for membership in meeting.group.memberships.all():
            person = membership.participation.person
            if not person.email:
                continue
            emails.meeting_reminder(person, meeting=meeting)
            sent += 1
        meeting.reminded_at = now
        meeting.save(update_fields=["reminded_at"])
    return sent
