"""Writes about a project's structure: the project, its partners and work packages.

Platform admins create and change projects; the project lead (or an admin) manages partners and work
packages (targets and activities: polku.activities.services). Every verb checks access, validates with
the model's rules plus the domain's own, and writes in one transaction; rule violations come back as
field errors. The shared helpers below (`check_model`, `apply_fields`, `save_or_conflict`, …) serve the
structure's other writes in polku.activities too.
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
from polku.projects.models import Partner, Project, WorkPackage

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


# --- shared helpers ---------------------------------------------------------------------------


def correct_errors() -> str:
    return _("Please correct the errors below.")


def _require_admin(access: Access) -> None:
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can create or change projects."))


def require_manager(access: Access, project: Project) -> None:
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead or a platform admin can change the project's structure."))


def check_model(instance: models.Model, errors: dict[str, list[str]]) -> None:
    """Run the model's own validation and raise it together with the domain's `errors`."""
    try:
        # Database constraints are checked by the callers, with messages that name a field.
        instance.full_clean(validate_constraints=False)
    except ValidationError as error:
        for name, messages in field_errors_from(error).items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ApplicationError(correct_errors(), field_errors=errors)


def country_errors(country: str, *, required: bool) -> list[str]:
    if not country:
        return [_("Give the country.")] if required else []
    if pycountry.countries.get(alpha_2=country) is None:
        return [_("Unknown country code %(code)s.") % {"code": country}]
    return []


def apply_fields(instance: models.Model, fields: Sequence[str], data: Mapping[str, Any]) -> list[str]:
    """Set the allowed fields given in `data` on the instance; return the names of those that changed."""
    changed = []
    for name in fields:
        if name in data and getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    return changed


def save_or_conflict(
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
        raise ApplicationError(correct_errors(), field_errors=conflict) from error


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
    actor: User | None = None,
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
    check_model(project, _project_errors(project))  # validate_unique reports a code already taken
    with transaction.atomic():
        save_or_conflict(project, conflict=_project_conflict())
        audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=project, fields=sorted(values))
    return project


def project_update(
    *, actor: User | None, access: Access, project: Project, data: Mapping[str, Any]
) -> Project:
    """Change the given fields of the project; the others stay as they are. A change is audited (the
    names of the fields that changed)."""
    _require_admin(access)
    changed = apply_fields(project, PROJECT_FIELDS, _normalise_project(data))
    check_model(project, _project_errors(project))
    with transaction.atomic():
        save_or_conflict(project, changed=changed, conflict=_project_conflict())
        if changed:
            audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=project, fields=changed)
    return project


# --- partners ---------------------------------------------------------------------------------


def _partner_errors(partner: Partner) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    wrong_country = country_errors(partner.country, required=True)
    if wrong_country:
        errors["country"] = wrong_country
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
    require_manager(access, project)
    partner = Partner(
        project=project,
        organisation=organisation,
        country=country.strip().upper(),
        is_lead=is_lead,
        part_description=part_description.strip(),
        registration_open=registration_open,
    )
    check_model(partner, _partner_errors(partner))
    save_or_conflict(partner, conflict=_partner_conflict())
    return partner


def partner_update(*, access: Access, partner: Partner, data: Mapping[str, Any]) -> Partner:
    """Change the partner's own fields; the organisation of a partner does not change."""
    require_manager(access, partner.project)
    values = dict(data)
    if isinstance(values.get("country"), str):
        values["country"] = values["country"].strip().upper()
    changed = apply_fields(partner, PARTNER_FIELDS, values)
    check_model(partner, _partner_errors(partner))
    save_or_conflict(partner, changed=changed, conflict=_partner_conflict())
    return partner


def partner_delete(*, access: Access, partner: Partner) -> None:
    """Remove a partner that has no participants or activities yet; its coordinators lose the role."""
    require_manager(access, partner.project)
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
    require_manager(access, project)
    work_package = WorkPackage(
        project=project,
        number=number,
        name=name.strip(),
        description=description.strip(),
        responsible=responsible,
    )
    check_model(work_package, _work_package_errors(work_package))
    save_or_conflict(work_package, conflict=_work_package_conflict())
    return work_package


def work_package_update(*, access: Access, work_package: WorkPackage, data: Mapping[str, Any]) -> WorkPackage:
    require_manager(access, work_package.project)
    changed = apply_fields(work_package, WORK_PACKAGE_FIELDS, data)
    check_model(work_package, _work_package_errors(work_package))
    save_or_conflict(work_package, changed=changed, conflict=_work_package_conflict())
    return work_package


def work_package_delete(*, access: Access, work_package: WorkPackage) -> None:
    """Remove a work package nothing refers to; its targets and activities would otherwise be lost or orphaned."""
    require_manager(access, work_package.project)
    if work_package.targets.exists():
        raise ApplicationError(_("This work package has targets; remove them first."))
    if work_package.activities.exists():
        raise ApplicationError(_("This work package has activities; move or remove them first."))
    with transaction.atomic():
        work_package.delete()
