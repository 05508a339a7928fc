"""Writes of self-assessments: one atomic, audited verb per change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.assessments import frameworks as fw
from polku.assessments.models import Answer, SelfAssessment
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import Participation, Person
from polku.participants.selectors import can_view_person, reading_partner_id

if TYPE_CHECKING:
    from polku.accounts.models import User

NOTE_MAX = 2000


def _partner_of(person: Person, participation: Participation | None, access: Access) -> int | None:
    if participation is not None:
        return participation.partner_id
    return reading_partner_id(access=access, person_id=person.pk)


@transaction.atomic
def assessment_create(
    *,
    actor: User,
    access: Access,
    person: Person,
    framework: str,
    levels: Mapping[str, int | None],
    note: str = "",
    participation: Participation | None = None,
    taken_at: dt.datetime | None = None,
) -> SelfAssessment:
    """Record a self-assessment of `person` on the current version of `framework` ("digcomp", or a key such
    as "digcomp-2.2"). `levels` maps competence codes of that version to 1–8, or None for "not assessed";
    competences left out are not assessed either. The person fills it in themself, or a coordinator of
    theirs (or an admin) with them. At least one competence must be assessed."""
    if not can_view_person(access, person.pk):
        raise AccessDenied(_("You may not record a self-assessment for this person."))
    try:
        chosen = fw.framework(framework)
    except KeyError:
        raise ApplicationError(
            _("Unknown framework."), field_errors={"framework": [_("Choose DigComp or EntreComp.")]}
        ) from None
    codes = {c.code for c in chosen.competences}
    unknown = sorted(set(levels) - codes)
    if unknown:
        raise ApplicationError(
            _("Some answers are not competences of %(framework)s: %(codes)s")
            % {"framework": chosen.key, "codes": ", ".join(unknown)},
            field_errors={"levels": [_("Unknown competence: %(code)s") % {"code": unknown[0]}]},
        )
    for code, level in levels.items():
        if level is not None and not (isinstance(level, int) and 1 <= level <= 8):
            raise ApplicationError(
                _("A level is a whole number from 1 to 8."),
                field_errors={code: [_("Choose a level from 1 to 8, or “not assessed”.")]},
            )
    if not any(level is not None for level in levels.values()):
        raise ApplicationError(_("Choose a level for at least one competence."))
    if participation is not None and participation.person_id != person.pk:
        raise ApplicationError(
            _("The participation is not this person's."),
            field_errors={"participation": [_("Choose one of the person's own participations.")]},
        )
    if len(note) > NOTE_MAX:
        raise ApplicationError(
            _("The note is too long."),
            field_errors={"note": [_("Write at most %(n)d characters.") % {"n": NOTE_MAX}]},
        )
    now = timezone.now()
    if taken_at is not None and taken_at > now + dt.timedelta(minutes=5):
        raise ApplicationError(
            _("A self-assessment cannot be dated in the future."),
            field_errors={"taken_at": [_("Give a time that has already passed.")]},
        )
    own = access.person_id == person.pk
    assessment = SelfAssessment.objects.create(
        person=person,
        framework=chosen.code,
        framework_version=chosen.version,
        taken_at=taken_at or now,
        created_by=actor if actor.is_authenticated else None,
        source=SelfAssessment.Source.SELF if own else SelfAssessment.Source.WITH_STAFF,
        participation=participation,
        note=note.strip(),
    )
    Answer.objects.bulk_create(
        [
            Answer(assessment=assessment, competence=c.code, level=levels.get(c.code))
            for c in chosen.competences
        ]
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=assessment,
        person_id=person.pk,
        partner_id=_partner_of(person, participation, access),
        fields=["framework", "taken_at", "answers", *(["note"] if note.strip() else [])],
    )
    return assessment


@transaction.atomic
def assessment_delete(*, actor: User, access: Access, assessment: SelfAssessment) -> None:
    """Remove a self-assessment (a mistaken one): the person themself, their coordinator or an admin."""
    if not can_view_person(access, assessment.person_id):
        raise AccessDenied(_("You may not remove this self-assessment."))
    person = assessment.person
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        obj=assessment,
        person_id=person.pk,
        partner_id=_partner_of(person, assessment.participation, access),
        fields=["framework", "taken_at", "answers"],
    )
    assessment.delete()
