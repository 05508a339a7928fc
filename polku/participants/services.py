"""Writes about participants: registration, profile, entry data, exit.

Each verb checks access, validates the domain rules, writes atomically and records the change in
the audit log. Views, the API, the import and the demo all call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record, changed_fields
from polku.consent.models import Purpose
from polku.consent.services import consent_give, notice_current
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import DECLINED, EntryData, LabourStatus, LanguageSkill, Participation, Person
from polku.projects.models import Partner, Project

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "preferred_language")
PROFILE_FIELDS = (
    "country_of_residence",
    "municipality",
    "education_level",
    "education_field",
    "work_history",
    "goals",
)


@dataclass
class Registration:
    """Everything one registration carries, already parsed by a form, serializer or import row."""

    person: dict[str, Any]
    entry: dict[str, Any] = field(default_factory=dict)
    languages: list[tuple[str, str]] = field(default_factory=list)
    consents: list[str] = field(default_factory=lambda: [Purpose.PARTICIPATION])
    entry_date: dt.date | None = None
    notice_language: str = "en"


def entry_data_check(
    *, project: Project, entry: Mapping[str, Any], entry_date: dt.date
) -> dict[str, list[str]]:
    """Domain rules of entry data; returns field errors (empty when all is well)."""
    errors: dict[str, list[str]] = {}
    dob = entry.get("date_of_birth")
    if dob and dob >= entry_date:
        errors.setdefault("date_of_birth", []).append(_("The date of birth must be before the entry date."))
    if dob and dob < entry_date.replace(year=entry_date.year - 110):
        errors.setdefault("date_of_birth", []).append(
            _("Check the date of birth: the person would be over 110 years old.")
        )
    since = entry.get("unemployed_since")
    if since and entry.get("labour_status") != LabourStatus.UNEMPLOYED:
        errors.setdefault("unemployed_since", []).append(
            _("Give the start of unemployment only for an unemployed job seeker.")
        )
    if since and since > entry_date:
        errors.setdefault("unemployed_since", []).append(_("Unemployment cannot start after the entry date."))
    for item, switched_on in (("disability", project.asks_disability), ("minority", project.asks_minority)):
        if entry.get(item) and not switched_on:
            errors.setdefault(item, []).append(_("This project does not collect this item."))
    return errors


def items_asked(project: Project) -> list[str]:
    """The entry items a project's form asks."""
    skip = {"disability": not project.asks_disability, "minority": not project.asks_minority}
    return [item for item in EntryData.ITEMS if not skip.get(item, False)]


def _clean_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    allowed = set(EntryData.ITEMS)
    cleaned = {k: v for k, v in entry.items() if k in allowed}
    for key, value in list(cleaned.items()):
        if value is None and key not in ("date_of_birth", "unemployed_since"):
            cleaned[key] = ""
    return cleaned


def participant_register(
    *,
    actor: User | None,
    access: Access | None,
    partner: Partner,
    registration: Registration,
    channel: str,
    password: str | None = None,
) -> Participation:
    """Create (or reuse, by e-mail) the person, their participation, entry data and consents, at once.

    `access` is None only for self-registration through an open public link.
    """
    if channel == Participation.Channel.SELF_REGISTRATION:
        if not partner.registration_open:
            raise ApplicationError(_("Registration through this link is closed."))
    elif access is None or not access.can_manage_partner(partner.pk):
        raise AccessDenied(_("You can register participants only for your own partner organisation."))

    project = partner.project
    entry_date = registration.entry_date or timezone.localdate()
    entry = _clean_entry(registration.entry)
    errors = entry_data_check(project=project, entry=entry, entry_date=entry_date)
    if (
        Purpose.PARTICIPATION not in registration.consents
        and channel == Participation.Channel.SELF_REGISTRATION
    ):
        errors.setdefault("consents", []).append(
            _("Taking part requires consent to processing your data for the project.")
        )
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    notice = notice_current(project_id=project.pk, language=registration.notice_language)
    if registration.consents and notice is None:
        raise ApplicationError(
            _("This project has no privacy notice yet; the project lead must publish one first.")
        )

    person_data = {k: v for k, v in registration.person.items() if k in PERSON_FIELDS + PROFILE_FIELDS}
    email = (person_data.get("email") or "").strip().lower()
    person_data["email"] = email

    try:
        with transaction.atomic():
            person = Person.objects.filter(email=email).first() if email else None
            if person is not None and Participation.objects.filter(person=person, project=project).exists():
                raise ApplicationError(
                    _("%(email)s is already a participant of this project.") % {"email": email},
                    field_errors={"email": [_("Already registered in this project.")]},
                )
            if person is None:
                person = Person(**person_data)
                person.refresh_search_name()
                person.save()
                audit_record(
                    actor=actor,
                    action=AuditEvent.Action.CREATE,
                    obj=person,
                    person_id=person.pk,
                    partner_id=partner.pk,
                    fields=person_data.keys(),
                )
            # A person already known from another project keeps the languages recorded there.
            _set_languages(person, registration.languages, replace=False)
            if password is not None:
                if User.objects.filter(email=email).exists():
                    raise ApplicationError(
                        _("An account with this e-mail already exists. Sign in first, then register."),
                        field_errors={"email": [_("An account with this e-mail already exists.")]},
                    )
                user = User.objects.create_user(
                    email=email,
                    password=password,
                    full_name=person.full_name,
                    preferred_language=person.preferred_language,
                )
                person.user = user
                person.save(update_fields=["user"])
            participation = Participation.objects.create(
                person=person, project=project, partner=partner, entry_date=entry_date, channel=channel
            )
            entry_data = EntryData.objects.create(
                participation=participation,
                asked=items_asked(project),
                recorded_by=actor if actor is not None and actor.is_authenticated else None,
                **entry,
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=participation,
                person_id=person.pk,
                partner_id=partner.pk,
                fields=["entry_date", "partner"],
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=entry_data,
                person_id=person.pk,
                partner_id=partner.pk,
                fields=[k for k, v in entry.items() if v not in ("", None)],
            )
            if registration.consents:
                assert notice is not None
                consent_give(
                    actor=actor,
                    person=person,
                    project_id=project.pk,
                    purposes=registration.consents,
                    notice=notice,
                )
    except IntegrityError as error:  # a concurrent registration with the same e-mail
        raise ApplicationError(_("This person was registered at the same moment by someone else.")) from error
    return participation


def _set_languages(person: Person, languages: Iterable[tuple[str, str]], *, replace: bool) -> None:
    """Set the levels of `languages` (code, CEFR level); with `replace`, drop the languages not listed."""
    wanted = {code.strip().lower(): level for code, level in languages if code}
    if replace:
        LanguageSkill.objects.filter(person=person).exclude(language__in=wanted).delete()
    for code, level in wanted.items():
        LanguageSkill.objects.update_or_create(
            person=person, language=code, defaults={"level": level, "to_check": False}
        )


def _check_can_edit_person(access: Access, person: Person) -> None:
    if access.person_id == person.pk or access.is_admin:
        return
    partner_ids = set(person.participations.values_list("partner_id", flat=True))
    if not partner_ids & access.coordinator_partner_ids:
        raise AccessDenied(_("You may not change this person's data."))


def person_update(
    *,
    actor: User,
    access: Access,
    person: Person,
    data: Mapping[str, Any],
    languages: list[tuple[str, str]] | None = None,
) -> Person:
    """Correct contact and profile data (the person themselves or their coordinator)."""
    _check_can_edit_person(access, person)
    data = {k: v for k, v in data.items() if k in PERSON_FIELDS + PROFILE_FIELDS}
    if "email" in data:
        data["email"] = (data["email"] or "").strip().lower()
    changed = changed_fields(person, data)
    with transaction.atomic():
        for name in changed:
            setattr(person, name, data[name])
        if changed:
            person.refresh_search_name()
            person.save(update_fields=[*changed, "search_name", "updated_at"])
        if languages is not None:
            before = set(person.languages.values_list("language", "level"))
            _set_languages(person, languages, replace=True)
            if set(person.languages.values_list("language", "level")) != before:
                changed.append("languages")
        if changed:
            partner_id = person.participations.values_list("partner_id", flat=True).first()
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                obj=person,
                person_id=person.pk,
                partner_id=partner_id,
                fields=changed,
            )
    return person


def entry_data_update(
    *, actor: User, access: Access, participation: Participation, data: Mapping[str, Any]
) -> EntryData:
    """Correct entry facts. Only the person or a coordinator of the participation's partner."""
    if not (
        access.person_id == participation.person_id or access.can_manage_partner(participation.partner_id)
    ):
        raise AccessDenied(_("You may not change this entry data."))
    entry = _clean_entry(data)
    errors = entry_data_check(project=participation.project, entry=entry, entry_date=participation.entry_date)
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    entry_data = participation.entry_data
    changed = changed_fields(entry_data, entry)
    if not changed:
        return entry_data
    with transaction.atomic():
        for name in changed:
            setattr(entry_data, name, entry[name])
        entry_data.asked = sorted(set(entry_data.asked) | set(items_asked(participation.project)))
        entry_data.save(update_fields=[*changed, "asked", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=entry_data,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=changed,
        )
    return entry_data


def participation_exit(
    *, actor: User, access: Access, participation: Participation, exit_date: dt.date
) -> Participation:
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("You may not change this participation."))
    if exit_date < participation.entry_date:
        raise ApplicationError(
            _("The exit date cannot be before the entry date."),
            field_errors={"exit_date": [_("The exit date cannot be before the entry date.")]},
        )
    with transaction.atomic():
        participation.exit_date = exit_date
        participation.save(update_fields=["exit_date", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=participation,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=["exit_date"],
        )
    return participation


def declined_items(entry_data: EntryData) -> list[str]:
    return [item for item in EntryData.ITEMS if getattr(entry_data, item, None) == DECLINED]
