"""Mentoring programmes (of one partner, or of the whole project) and the participants who join them
as mentees, by themselves or through their coordinator.

A programme is created with its activity (kind mentoring, the same partner or none, name and dates, which
stay the same when the programme changes): decision 0057."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.activities.models import Activity
from polku.activities.services import activity_create, activity_update
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.matching import cefr
from polku.matching.scoring import CRITERIA, DEFAULT_WEIGHTS
from polku.mentoring.models import Kind, MenteeRequest, MentoringProgramme
from polku.mentoring.selectors import programme_mentors
from polku.mentoring.services.profiles import clean_list
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

ACTIVITY_SHARED = ("name", "starts_on", "ends_on")  # kept the same on the programme's activity
PROGRAMME_FIELDS = (
    "name",
    "description",
    "starts_on",
    "ends_on",
    "mode",
    "weights",
    "min_language_level",
    "forbid_same_employer",
    "reminder_days",
    "status",
)


def require_manager(access: Access, programme: MentoringProgramme) -> None:
    """AccessDenied unless the reader runs the programme."""
    if not access.can_manage_mentoring_programme(programme.project_id, programme.partner_id):
        raise AccessDenied(_("Only the programme's coordinators or the project lead can do this."))


def _programme_errors(programme: MentoringProgramme) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not programme.name.strip():
        errors["name"] = [_("Give the programme a name.")]
    if programme.starts_on and programme.ends_on and programme.ends_on < programme.starts_on:
        errors["ends_on"] = [_("The programme cannot end before it starts.")]
    if programme.mode not in MentoringProgramme.Mode.values:
        errors["mode"] = [_("Unknown matching mode.")]
    if programme.status not in MentoringProgramme.Status.values:
        errors["status"] = [_("Unknown status.")]
    if programme.min_language_level not in cefr.LEVELS:
        errors["min_language_level"] = [_("Give a CEFR level from A1 to C2.")]
    weights = programme.weights
    if not isinstance(weights, dict) or any(
        k not in CRITERIA or not isinstance(v, int | float) or v < 0 for k, v in weights.items()
    ):
        errors["weights"] = [
            _("Give a weight of zero or more for any of: %(names)s.") % {"names": ", ".join(CRITERIA)}
        ]
    elif weights and not any(weights.values()):
        errors["weights"] = [_("At least one weight must be above zero.")]
    return errors


def programme_create(
    *,
    access: Access,
    project: Project,
    partner: Partner | None,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    mode: str = MentoringProgramme.Mode.COORDINATOR,
    description: str = "",
    weights: Mapping[str, float] | None = None,
    min_language_level: str = "B1",
    forbid_same_employer: bool = True,
    reminder_days: int = 21,
) -> MentoringProgramme:
    """A mentoring programme of one partner (its coordinator or the lead) or of the whole project (the lead)."""
    if partner is not None and partner.project_id != project.pk:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"partner": [_("The partner must be a partner of this project.")]},
        )
    programme = MentoringProgramme(
        project=project,
        partner=partner,
        name=name.strip(),
        description=description.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        mode=mode,
        weights=dict(weights) if weights else dict(DEFAULT_WEIGHTS),
        min_language_level=min_language_level,
        forbid_same_employer=forbid_same_employer,
        reminder_days=reminder_days,
    )
    require_manager(access, programme)
    errors = _programme_errors(programme)
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    with transaction.atomic():
        programme.activity = activity_create(
            access=access,
            project=project,
            partner=partner,
            kind=Activity.Kind.MENTORING,
            name=programme.name,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        programme.save()
    return programme


def programme_update(
    *, access: Access, programme: MentoringProgramme, data: Mapping[str, Any]
) -> MentoringProgramme:
    require_manager(access, programme)
    changed = [n for n in PROGRAMME_FIELDS if n in data and getattr(programme, n) != data[n]]
    for name in changed:
        setattr(programme, name, data[name])
    errors = _programme_errors(programme)
    if errors:
        programme.refresh_from_db()
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    if changed:
        with transaction.atomic():
            programme.save(update_fields=[*changed, "updated_at"])
            shared = {n: getattr(programme, n) for n in ACTIVITY_SHARED if n in changed}
            if shared:
                activity_update(access=access, activity=programme.activity, data=shared)
    return programme


def _may_join(programme: MentoringProgramme, participation: Participation) -> bool:
    return participation.project_id == programme.project_id and (
        programme.partner_id is None or participation.partner_id == programme.partner_id
    )


def mentee_join(
    *,
    actor: User,
    access: Access,
    programme: MentoringProgramme,
    participation: Participation,
    kind: str,
    skills: Sequence[str] = (),
    industries: Sequence[str] = (),
    availability: Sequence[str] = (),
    employer: str = "",
    wishes: str = "",
    wished_mentor_ids: Sequence[int] = (),
    share_with_other_partners: bool | None = None,
) -> MenteeRequest:
    """Put a participant into the programme with what they want; by themselves or by their coordinator.

    In a project-wide programme the participant (only they) answers whether the programme's staff of other
    partners may see their request; None keeps the earlier answer (decision 0060)."""
    if not access.can_enrol_mentee(
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        project_id=programme.project_id,
        programme_partner_id=programme.partner_id,
    ):
        raise AccessDenied(_("Only the participant or their coordinator can do this."))
    if not _may_join(programme, participation) or participation.exit_date is not None:
        raise ApplicationError(_("This participant cannot take part in this programme."))
    if programme.status != MentoringProgramme.Status.OPEN:
        raise ApplicationError(_("The programme is not open."))
    if kind not in Kind.values:
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"kind": [_("Choose a kind of mentoring.")]}
        )
    mentors = {p.pk for p in programme_mentors(programme)}
    unknown = [pk for pk in wished_mentor_ids if pk not in mentors]
    if unknown:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"wished_mentors": [_("Choose mentors of this programme.")]},
        )
    values: dict[str, Any] = {
        "kind": kind,
        "skills": clean_list(skills),
        "industries": clean_list(industries),
        "availability": clean_list(availability),
        "employer": employer.strip(),
        "wishes": wishes.strip(),
    }
    fields = list(values)
    if (
        share_with_other_partners is not None
        and programme.partner_id is None
        and access.is_own_person(participation.person_id)
    ):
        since = (
            MenteeRequest.objects.filter(programme=programme, participation=participation)
            .values_list("shared_with_other_partners_at", flat=True)
            .first()
        )
        values["shared_with_other_partners_at"] = (
            (since or timezone.now()) if share_with_other_partners else None
        )
        fields.append("shared_with_other_partners_at")
    with transaction.atomic():
        mentee, created = MenteeRequest.objects.update_or_create(
            programme=programme, participation=participation, defaults=values
        )
        mentee.wished_mentors.set(list(wished_mentor_ids))
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            obj=mentee,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=[*fields, "wished_mentors"],
        )
    return mentee
