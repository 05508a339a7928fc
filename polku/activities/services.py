"""Writes about a project's targets and activities, and who takes part in the activities.

The project lead (or an admin) manages the targets; activities are managed by the lead or by the
coordinator of the partner running them, and a coordinator enrols their own partner's participants into
any activity of the project. Every verb checks access, validates with the model's rules plus the domain's
own, and writes in one transaction; rule violations come back as field errors (the helpers shared with the
project's other structure writes are in polku.projects.services).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import RestrictedError
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.activities.metrics import kinds_for, metric_label
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import Participation
from polku.projects.models import Partner, Project, WorkPackage
from polku.projects.services import (
    apply_fields,
    check_model,
    correct_errors,
    country_errors,
    require_manager,
    save_or_conflict,
)

TARGET_FIELDS = ("work_package", "partner", "country", "metric", "kind", "label", "value")
ACTIVITY_FIELDS = ("partner", "work_package", "kind", "name", "starts_on", "ends_on")


# --- targets ----------------------------------------------------------------------------------


def _target_errors(target: Target) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if target.work_package is not None and target.work_package.project_id != target.project_id:
        errors["work_package"] = [_("The work package must belong to this project.")]
    if target.partner is not None and target.partner.project_id != target.project_id:
        errors["partner"] = [_("The partner must be a partner of this project.")]
    wrong_country = country_errors(target.country, required=False)
    if wrong_country:
        errors["country"] = wrong_country
    if target.kind:
        kinds = dict(kinds_for(target.metric))
        what = metric_label(target.metric)
        if not kinds:
            errors["kind"] = [_("“%(metric)s” has no kinds: leave the kind empty.") % {"metric": what}]
        elif target.kind not in kinds:
            names = ", ".join(str(label) for label in kinds.values())
            errors["kind"] = [
                _("“%(metric)s” counts only these kinds: %(kinds)s.") % {"metric": what, "kinds": names}
            ]
    return errors


def target_create(
    *,
    access: Access,
    project: Project,
    metric: str,
    label: str,
    value: int,
    work_package: WorkPackage | None = None,
    partner: Partner | None = None,
    country: str = "",
    kind: str = "",
) -> Target:
    """A target of the project, optionally limited to a work package, a partner or a country, and for some
    metrics to one kind (events of a kind, activities of a kind)."""
    require_manager(access, project)
    target = Target(
        project=project,
        metric=metric,
        kind=kind.strip(),
        label=label.strip(),
        value=value,
        work_package=work_package,
        partner=partner,
        country=country.strip().upper(),
    )
    check_model(target, _target_errors(target))
    save_or_conflict(target, conflict={})
    return target


def target_update(*, access: Access, target: Target, data: Mapping[str, Any]) -> Target:
    require_manager(access, target.project)
    values = dict(data)
    if isinstance(values.get("country"), str):
        values["country"] = values["country"].strip().upper()
    changed = apply_fields(target, TARGET_FIELDS, values)
    check_model(target, _target_errors(target))
    save_or_conflict(target, changed=changed, conflict={})
    return target


def target_delete(*, access: Access, target: Target) -> None:
    require_manager(access, target.project)
    with transaction.atomic():
        target.delete()


# --- activities -------------------------------------------------------------------------------


def _require_activity_manager(access: Access, *, project: Project, partner: Partner | None) -> None:
    """The project lead (or an admin) manages every activity; a coordinator those of their own partner."""
    partner_id = partner.pk if partner is not None and partner.project_id == project.pk else None
    if access.can_manage_activity(project.pk, partner_id):
        return
    raise AccessDenied(
        _("Only the project lead or a coordinator of the partner running it can change this activity.")
    )


def _activity_errors(activity: Activity) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if activity.partner is not None and activity.partner.project_id != activity.project_id:
        errors["partner"] = [_("The partner must be a partner of this project.")]
    if activity.work_package is not None and activity.work_package.project_id != activity.project_id:
        errors["work_package"] = [_("The work package must belong to this project.")]
    if activity.starts_on and activity.ends_on and activity.ends_on < activity.starts_on:
        errors["ends_on"] = [_("The activity cannot end before it starts.")]
    return errors


def activity_create(
    *,
    access: Access,
    project: Project,
    partner: Partner | None,
    kind: str,
    name: str,
    work_package: WorkPackage | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Activity:
    """A cohort or activity run by one partner of the project (a training, a MOOC run, a community…), or
    with no partner an activity of the whole project (the lead's, e.g. a project-wide mentoring programme)."""
    _require_activity_manager(access, project=project, partner=partner)
    activity = Activity(
        project=project,
        partner=partner,
        work_package=work_package,
        kind=kind,
        name=name.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    check_model(activity, _activity_errors(activity))
    save_or_conflict(activity, conflict={})
    return activity


def activity_update(*, access: Access, activity: Activity, data: Mapping[str, Any]) -> Activity:
    """Change the given fields; moving the activity to another partner needs the right to both partners."""
    _require_activity_manager(access, project=activity.project, partner=activity.partner)
    values = dict(data)
    if isinstance(values.get("name"), str):
        values["name"] = values["name"].strip()
    new_partner = values.get("partner")
    if "partner" in values and new_partner != activity.partner:
        _require_activity_manager(access, project=activity.project, partner=new_partner)
    changed = apply_fields(activity, ACTIVITY_FIELDS, values)
    check_model(activity, _activity_errors(activity))
    save_or_conflict(activity, changed=changed, conflict={})
    return activity


def activity_delete(*, access: Access, activity: Activity) -> None:
    """Remove an activity nobody is enrolled in; enrolments are the record of who took part."""
    _require_activity_manager(access, project=activity.project, partner=activity.partner)
    if activity.enrolments.exists():
        raise ApplicationError(_("Participants are enrolled in this activity; remove them first."))
    try:
        with transaction.atomic():
            activity.delete()
    except RestrictedError:
        # A mentoring programme or a peer-group round runs on this activity (its link is RESTRICT).
        raise ApplicationError(
            _("This activity is a mentoring programme or a peer-group round; it stays as long as that does.")
        ) from None


def _own_participations(
    *, access: Access, activity: Activity, participation_ids: Sequence[int]
) -> list[Participation]:
    """The participations named, each of the actor's own partners and of the activity's project.

    An id that does not exist and one of another partner are refused alike, so that the answer does
    not tell whether another partner's participant exists.
    """
    ids = set(participation_ids)
    if not ids:
        raise ApplicationError(
            correct_errors(), field_errors={"participations": [_("Choose at least one participant.")]}
        )
    rows = list(Participation.objects.filter(pk__in=ids).select_related("person").order_by("pk"))
    if len(rows) != len(ids) or not all(access.can_manage_partner(p.partner_id) for p in rows):
        raise AccessDenied(_("You can enrol only the participants of your own partner."))
    elsewhere = [p for p in rows if p.project_id != activity.project_id]
    if elsewhere:
        names = ", ".join(p.person.full_name for p in elsewhere)
        raise ApplicationError(
            correct_errors(),
            field_errors={
                "participations": [
                    _("These people take part in another project: %(names)s.") % {"names": names}
                ]
            },
        )
    return rows


def activity_enrol(
    *,
    actor: Any,
    access: Access,
    activity: Activity,
    participation_ids: Sequence[int],
    enrolled_on: dt.date,
) -> list[ActivityEnrolment]:
    """Enrol the coordinator's own participants into an activity of their project; all or nothing.

    Participants already enrolled stay as they are (so the call can be repeated); the enrolments created
    are returned, each written to the audit log as a change to the person's data.
    """
    participations = _own_participations(
        access=access, activity=activity, participation_ids=participation_ids
    )
    date_errors = []
    for participation in participations:
        if enrolled_on < participation.entry_date:
            date_errors.append(
                _("%(name)s joined the project on %(date)s; the enrolment cannot be earlier.")
                % {"name": participation.person.full_name, "date": participation.entry_date.isoformat()}
            )
        elif participation.exit_date is not None and enrolled_on > participation.exit_date:
            date_errors.append(
                _("%(name)s left the project on %(date)s; the enrolment cannot be later.")
                % {"name": participation.person.full_name, "date": participation.exit_date.isoformat()}
            )
    if date_errors:
        raise ApplicationError(correct_errors(), field_errors={"enrolled_on": date_errors})
    created = []
    with transaction.atomic():
        enrolled = set(
            activity.enrolments.filter(participation__in=participations).values_list(
                "participation_id", flat=True
            )
        )
        for participation in participations:
            if participation.pk in enrolled:
                continue
            try:
                with transaction.atomic():
                    enrolment = ActivityEnrolment.objects.create(
                        activity=activity, participation=participation, enrolled_on=enrolled_on
                    )
            except IntegrityError:
                continue  # enrolled by a concurrent request a moment ago: the outcome is the same
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=enrolment,
                person_id=participation.person_id,
                partner_id=participation.partner_id,
                fields=["activity", "enrolled_on"],
            )
            created.append(enrolment)
    return created


def activity_take_part(
    *, actor: Any, activity: Activity, participation: Participation, on: dt.date
) -> ActivityEnrolment | None:
    """Record that a participant took part in an activity run by an app above (checked in at an event,
    matched with a mentor, placed in a published peer group); the caller has checked who may do that.

    Idempotent: a participant already enrolled stays as they are and None is returned. The enrolment is
    dated `on`, but never before the participation began; a new one is written to the audit log.
    """
    enrolled_on = max(on, participation.entry_date)
    try:
        with transaction.atomic():
            enrolment, created = ActivityEnrolment.objects.get_or_create(
                activity=activity, participation=participation, defaults={"enrolled_on": enrolled_on}
            )
    except IntegrityError:
        return None  # enrolled by a concurrent request a moment ago: the outcome is the same
    if not created:
        return None
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=enrolment,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["activity", "enrolled_on"],
    )
    return enrolment


def activity_unenrol(
    *, actor: Any, access: Access, activity: Activity, participation_ids: Sequence[int]
) -> int:
    """Take the coordinator's own participants out of an activity; those not enrolled are left alone.

    Returns how many enrolments were removed; each removal is written to the audit log.
    """
    participations = _own_participations(
        access=access, activity=activity, participation_ids=participation_ids
    )
    removed = 0
    with transaction.atomic():
        enrolments = activity.enrolments.filter(participation__in=participations).select_related(
            "participation"
        )
        for enrolment in enrolments.select_for_update(of=("self",)):
            audit_record(
                actor=actor,
                action=AuditEvent.Action.DELETE,
                obj=enrolment,
                person_id=enrolment.participation.person_id,
                partner_id=enrolment.participation.partner_id,
                fields=["activity", "enrolled_on"],
            )
            enrolment.delete()
            removed += 1
    return removed
