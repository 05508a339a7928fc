"""Writes about a project's structure: the project, its partners, work packages, targets and activities.

Platform admins create and change projects; the project lead (or an admin) manages partners,
work packages and targets; activities are managed by the lead or by the coordinator of the partner
running them, and a coordinator enrols their own partner's participants into any activity of the
project. Every verb checks access, validates with the model's rules plus the domain's own, and writes
in one transaction; rule violations come back as field errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pycountry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError, field_errors_from
from polku.organisations.models import Organisation
from polku.participants.models import Participation
from polku.projects.models import Activity, ActivityEnrolment, Partner, Project, Target, WorkPackage

if TYPE_CHECKING:
    from polku.accounts.models import User

PROJECT_FIELDS = (
    "name",
    "code",
    "funder",
    "programme",
    "starts_on",
    "ends_on",
    "languages",
    "description",
    "asks_disability",
    "asks_minority",
    "indicator_set",
)
PARTNER_FIELDS = ("is_lead", "country", "part_description", "registration_open")
WORK_PACKAGE_FIELDS = ("number", "name", "description", "responsible")
TARGET_FIELDS = ("work_package", "partner", "country", "metric", "label", "value")
ACTIVITY_FIELDS = ("partner", "work_package", "kind", "name", "starts_on", "ends_on")


# --- shared helpers ---------------------------------------------------------------------------


def _correct_errors() -> str:
    return _("Please correct the errors below.")


def _require_admin(access: Access) -> None:
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can create or change projects."))


def _require_manager(access: Access, project: Project) -> None:
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead or a platform admin can change the project's structure."))


def _check(instance: models.Model, errors: dict[str, list[str]]) -> None:
    """Run the model's own validation and raise it together with the domain's `errors`."""
    try:
        # Database constraints are checked by the callers, with messages that name a field.
        instance.full_clean(validate_constraints=False)
    except ValidationError as error:
        for name, messages in field_errors_from(error).items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ApplicationError(_correct_errors(), field_errors=errors)


def _country_errors(country: str, *, required: bool) -> list[str]:
    if not country:
        return [_("Give the country.")] if required else []
    if pycountry.countries.get(alpha_2=country) is None:
        return [_("Unknown country code %(code)s.") % {"code": country}]
    return []


def _apply(instance: models.Model, fields: Sequence[str], data: Mapping[str, Any]) -> list[str]:
    """Set the allowed fields given in `data` on the instance; return the names of those that changed."""
    changed = []
    for name in fields:
        if name in data and getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    return changed


def _save(
    instance: models.Model, *, changed: list[str] | None = None, conflict: dict[str, list[str]]
) -> None:
    """Save atomically; a unique constraint lost to a concurrent write becomes the `conflict` field error."""
    if changed is not None and not changed:
        return
    try:
        with transaction.atomic():
            if changed is None:
                instance.save()
            else:
                instance.save(update_fields=[*changed, "updated_at"])
    except IntegrityError as error:
        raise ApplicationError(_correct_errors(), field_errors=conflict) from error


# --- projects ---------------------------------------------------------------------------------


def _normalise_project(data: Mapping[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in data.items() if k in PROJECT_FIELDS}
    for name in ("name", "code", "programme", "description"):
        if isinstance(values.get(name), str):
            values[name] = values[name].strip()
    if "languages" in values:
        codes = [str(code).strip().lower() for code in values["languages"] or []]
        values["languages"] = list(dict.fromkeys(code for code in codes if code))
    return values


def _project_errors(project: Project) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not isinstance(project.languages, list):
        errors["languages"] = [_("Give the working languages as a list of language codes.")]
    else:
        unknown = [c for c in project.languages if not pycountry.languages.get(alpha_2=c)]
        if unknown:
            errors["languages"] = [_("Unknown language code %(code)s.") % {"code": ", ".join(unknown)}]
    return errors


def _project_conflict() -> dict[str, list[str]]:
    return {"code": [_("Another project already has this code.")]}


def project_create(
    *,
    access: Access,
    name: str,
    code: str,
    funder: str,
    starts_on: dt.date,
    ends_on: dt.date,
    programme: str = "",
    languages: Sequence[str] = (),
    description: str = "",
    asks_disability: bool = False,
    asks_minority: bool = False,
    indicator_set: str = "",
) -> Project:
    _require_admin(access)
    values = _normalise_project(
        {
            "name": name,
            "code": code,
            "funder": funder,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "programme": programme,
            "languages": list(languages),
            "description": description,
            "asks_disability": asks_disability,
            "asks_minority": asks_minority,
            "indicator_set": indicator_set,
        }
    )
    project = Project(**values)
    _check(project, _project_errors(project))  # validate_unique reports a code already taken
    _save(project, conflict=_project_conflict())
    return project


def project_update(
    *, actor: User | None, access: Access, project: Project, data: Mapping[str, Any]
) -> Project:
    """Change the given fields of the project; the others stay as they are. A change is audited (the
    names of the fields that changed)."""
    _require_admin(access)
    changed = _apply(project, PROJECT_FIELDS, _normalise_project(data))
    _check(project, _project_errors(project))
    with transaction.atomic():
        _save(project, changed=changed, conflict=_project_conflict())
        if changed:
            audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=project, fields=changed)
    return project


# --- partners ---------------------------------------------------------------------------------


def _partner_errors(partner: Partner) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    country_errors = _country_errors(partner.country, required=True)
    if country_errors:
        errors["country"] = country_errors
    others = Partner.objects.filter(project_id=partner.project_id).exclude(pk=partner.pk)
    if partner.organisation_id and others.filter(organisation_id=partner.organisation_id).exists():
        errors["organisation"] = [_("This organisation is already a partner of the project.")]
    if partner.is_lead and others.filter(is_lead=True).exists():
        errors["is_lead"] = [_("The project already has a lead partner; unmark it first.")]
    return errors


def _partner_conflict() -> dict[str, list[str]]:
    return {
        "organisation": [
            _(
                "This organisation is already a partner of the project, or the project already has a lead partner."
            )
        ]
    }


def partner_create(
    *,
    access: Access,
    project: Project,
    organisation: Organisation,
    country: str,
    is_lead: bool = False,
    part_description: str = "",
    registration_open: bool = False,
) -> Partner:
    """Add an organisation to the project as a partner implementing its own part."""
    _require_manager(access, project)
    partner = Partner(
        project=project,
        organisation=organisation,
        country=country.strip().upper(),
        is_lead=is_lead,
        part_description=part_description.strip(),
        registration_open=registration_open,
    )
    _check(partner, _partner_errors(partner))
    _save(partner, conflict=_partner_conflict())
    return partner


def partner_update(*, access: Access, partner: Partner, data: Mapping[str, Any]) -> Partner:
    """Change the partner's own fields; the organisation of a partner does not change."""
    _require_manager(access, partner.project)
    values = dict(data)
    if isinstance(values.get("country"), str):
        values["country"] = values["country"].strip().upper()
    changed = _apply(partner, PARTNER_FIELDS, values)
    _check(partner, _partner_errors(partner))
    _save(partner, changed=changed, conflict=_partner_conflict())
    return partner


def partner_delete(*, access: Access, partner: Partner) -> None:
    """Remove a partner that has no participants or activities yet; its coordinators lose the role."""
    _require_manager(access, partner.project)
    if partner.participations.exists():
        raise ApplicationError(_("This partner has participants and cannot be removed."))
    if partner.activities.exists():
        raise ApplicationError(_("This partner has activities; remove them first."))
    with transaction.atomic():
        partner.delete()


# --- work packages ----------------------------------------------------------------------------


def _work_package_errors(work_package: WorkPackage) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    responsible = work_package.responsible
    if responsible is not None and responsible.project_id != work_package.project_id:
        errors["responsible"] = [_("The responsible partner must be a partner of this project.")]
    numbers = WorkPackage.objects.filter(project_id=work_package.project_id, number=work_package.number)
    if work_package.number is not None and numbers.exclude(pk=work_package.pk).exists():
        errors["number"] = [_("The project already has a work package with this number.")]
    return errors


def _work_package_conflict() -> dict[str, list[str]]:
    return {"number": [_("The project already has a work package with this number.")]}


def work_package_create(
    *,
    access: Access,
    project: Project,
    number: int,
    name: str,
    description: str = "",
    responsible: Partner | None = None,
) -> WorkPackage:
    _require_manager(access, project)
    work_package = WorkPackage(
        project=project,
        number=number,
        name=name.strip(),
        description=description.strip(),
        responsible=responsible,
    )
    _check(work_package, _work_package_errors(work_package))
    _save(work_package, conflict=_work_package_conflict())
    return work_package


def work_package_update(*, access: Access, work_package: WorkPackage, data: Mapping[str, Any]) -> WorkPackage:
    _require_manager(access, work_package.project)
    changed = _apply(work_package, WORK_PACKAGE_FIELDS, data)
    _check(work_package, _work_package_errors(work_package))
    _save(work_package, changed=changed, conflict=_work_package_conflict())
    return work_package


def work_package_delete(*, access: Access, work_package: WorkPackage) -> None:
    """Remove a work package nothing refers to; its targets and activities would otherwise be lost or orphaned."""
    _require_manager(access, work_package.project)
    if work_package.targets.exists():
        raise ApplicationError(_("This work package has targets; remove them first."))
    if work_package.activities.exists():
        raise ApplicationError(_("This work package has activities; move or remove them first."))
    with transaction.atomic():
        work_package.delete()


# --- targets ----------------------------------------------------------------------------------


def _target_errors(target: Target) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if target.work_package is not None and target.work_package.project_id != target.project_id:
        errors["work_package"] = [_("The work package must belong to this project.")]
    if target.partner is not None and target.partner.project_id != target.project_id:
        errors["partner"] = [_("The partner must be a partner of this project.")]
    country_errors = _country_errors(target.country, required=False)
    if country_errors:
        errors["country"] = country_errors
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
) -> Target:
    """A target of the project, optionally limited to a work package, a partner or a country."""
    _require_manager(access, project)
    target = Target(
        project=project,
        metric=metric,
        label=label.strip(),
        value=value,
        work_package=work_package,
        partner=partner,
        country=country.strip().upper(),
    )
    _check(target, _target_errors(target))
    _save(target, conflict={})
    return target


def target_update(*, access: Access, target: Target, data: Mapping[str, Any]) -> Target:
    _require_manager(access, target.project)
    values = dict(data)
    if isinstance(values.get("country"), str):
        values["country"] = values["country"].strip().upper()
    changed = _apply(target, TARGET_FIELDS, values)
    _check(target, _target_errors(target))
    _save(target, changed=changed, conflict={})
    return target


def target_delete(*, access: Access, target: Target) -> None:
    _require_manager(access, target.project)
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
    if activity.partner_id and activity.partner.project_id != activity.project_id:
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
    partner: Partner,
    kind: str,
    name: str,
    work_package: WorkPackage | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Activity:
    """A cohort or activity run by one partner of the project (a training, a MOOC run, a community…)."""
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
    _check(activity, _activity_errors(activity))
    _save(activity, conflict={})
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
    changed = _apply(activity, ACTIVITY_FIELDS, values)
    _check(activity, _activity_errors(activity))
    _save(activity, changed=changed, conflict={})
    return activity


def activity_delete(*, access: Access, activity: Activity) -> None:
    """Remove an activity nobody is enrolled in; enrolments are the record of who took part."""
    _require_activity_manager(access, project=activity.project, partner=activity.partner)
    if activity.enrolments.exists():
        raise ApplicationError(_("Participants are enrolled in this activity; remove them first."))
    with transaction.atomic():
        activity.delete()


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
            _correct_errors(), field_errors={"participations": [_("Choose at least one participant.")]}
        )
    rows = list(Participation.objects.filter(pk__in=ids).select_related("person").order_by("pk"))
    if len(rows) != len(ids) or not all(access.can_manage_partner(p.partner_id) for p in rows):
        raise AccessDenied(_("You can enrol only the participants of your own partner."))
    elsewhere = [p for p in rows if p.project_id != activity.project_id]
    if elsewhere:
        names = ", ".join(p.person.full_name for p in elsewhere)
        raise ApplicationError(
            _correct_errors(),
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
        raise ApplicationError(_correct_errors(), field_errors={"enrolled_on": date_errors})
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
