"""Writes of the privacy service: anonymisation, the retention run, project retention settings, erasure.

Each app's own rows are changed by its registered handlers (polku.core.personal_data); these verbs decide
when, check access, run the handlers in one transaction and write an audit event that names fields only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.personal_data import Erasure, providers
from polku.participants.models import Person
from polku.privacy.models import ErasureRequest
from polku.privacy.selectors import persons_due, retention_overview
from polku.projects.models import Project


def person_anonymise(*, person: Person, actor: User | None = None) -> int:
    """Remove the person's direct identifiers and free text in every app; returns the rows changed."""
    if person.anonymised_at is not None:
        return 0
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        changed = 0
        names = []
        for provider in providers():
            if provider.anonymise is not None:
                rows = provider.anonymise(person)
                changed += rows
                if rows:
                    names.append(provider.name)
        person.anonymised_at = timezone.now()
        person.save(update_fields=["anonymised_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=person,
            person_id=person.pk,
            fields=["anonymised"],
        )
    return changed


@dataclass
class RetentionRun:
    today: dt.date
    dry_run: bool
    per_project: dict[str, int] = field(default_factory=dict)  # project code -> people due
    people: int = 0
    rows_changed: int = 0


def retention_run(*, today: dt.date | None = None, dry_run: bool = False) -> RetentionRun:
    """Anonymise everyone who is due (idempotent: the anonymised are never due again)."""
    today = today or timezone.localdate()
    run = RetentionRun(today=today, dry_run=dry_run)
    admin = Access(user_id=None, is_admin=True)
    for row in retention_overview(access=admin, today=today):
        if row.due_people:
            run.per_project[row.project.code] = row.due_people
    due = list(persons_due(today=today))
    run.people = len(due)
    if not dry_run:
        for person in due:
            run.rows_changed += person_anonymise(person=person)
    return run


def project_retention_update(
    *,
    actor: User,
    access: Access,
    project: Project,
    retention_years: int,
    last_payment_on: dt.date | None,
    legal_hold: bool,
) -> Project:
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead or a platform admin can change the retention settings."))
    if retention_years < 1 or retention_years > 30:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"retention_years": [_("Give a period of 1 to 30 years.")]},
        )
    if last_payment_on is not None and last_payment_on < project.starts_on:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"last_payment_on": [_("The last payment cannot be before the project starts.")]},
        )
    with transaction.atomic():
        project.retention_years = retention_years
        project.last_payment_on = last_payment_on
        project.legal_hold = legal_hold
        project.save(update_fields=["retention_years", "last_payment_on", "legal_hold", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=project,
            fields=["retention_years", "last_payment_on", "legal_hold"],
        )
    return project


# --- erasure --------------------------------------------------------------------------------------------


def _check_can_act_for(access: Access, person: Person) -> bool:
    """True when acting on behalf of someone else (a coordinator); AccessDenied when not allowed at all."""
    if access.person_id == person.pk:
        return False
    partner_ids = set(person.participations.values_list("partner_id", flat=True))
    if access.is_admin or partner_ids & access.coordinator_partner_ids:
        return True
    raise AccessDenied(_("You may not make requests for this person."))


def erasure_request_create(*, actor: User, access: Access, person: Person, scope: str) -> ErasureRequest:
    if scope not in ErasureRequest.Scope.values:
        raise ApplicationError(
            _("Choose what to erase."), field_errors={"scope": [_("Choose what to erase.")]}
        )
    on_behalf = _check_can_act_for(access, person)
    if person.anonymised_at is not None:
        raise ApplicationError(_("This person's data have already been anonymised."))
    if ErasureRequest.objects.filter(person=person, status=ErasureRequest.Status.PENDING).exists():
        raise ApplicationError(_("A request is already waiting to be handled."))
    with transaction.atomic():
        request = ErasureRequest.objects.create(
            person=person, requested_by=actor, on_behalf=on_behalf, scope=scope
        )
        audit_record(
            actor=actor, action=AuditEvent.Action.CREATE, obj=request, person_id=person.pk, fields=["scope"]
        )
    return request


def erasure_request_handle(
    *, actor: User, access: Access, request: ErasureRequest, refuse: bool = False, reason: str = ""
) -> ErasureRequest:
    """A coordinator of the person's partner carries the request out (what may be erased is erased, what
    must be kept is recorded with its reason) or refuses it with a reason."""
    person = request.person
    partner_ids = set(person.participations.values_list("partner_id", flat=True))
    if not (access.is_admin or partner_ids & access.coordinator_partner_ids):
        raise AccessDenied(_("Only a coordinator of the person's organisation can handle this request."))
    if not request.is_pending:
        raise ApplicationError(_("This request has already been handled."))
    reason = reason.strip()
    if refuse and not reason:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"reason": [_("Give the reason for refusing.")]},
        )
    # Once every project of the person is past retention nothing has to be kept: "all" anonymises at once.
    past_retention = persons_due(today=timezone.localdate()).filter(pk=person.pk).exists()
    with transaction.atomic():
        result = Erasure()
        if not refuse:
            for provider in providers():
                if provider.erase is not None:
                    result.extend(provider.erase(person))
            if request.scope == ErasureRequest.Scope.ALL and past_retention:
                person_anonymise(person=person, actor=actor)
                result.erased.append(_("Names, contact details and free text (anonymised)"))
                result.kept = [
                    (_("Anonymised entry facts and outcomes"), _("They no longer identify the person."))
                ]
        if refuse:
            status = ErasureRequest.Status.REFUSED
        elif request.scope == ErasureRequest.Scope.ALL and past_retention:
            status = ErasureRequest.Status.DONE
        elif request.scope == ErasureRequest.Scope.ALL and result.kept:
            status = ErasureRequest.Status.PARTLY if result.erased else ErasureRequest.Status.REFUSED
        else:
            status = ErasureRequest.Status.DONE
        kept_reasons = "\n".join(f"{item}: {why}" for item, why in result.kept)
        request.status = status
        request.erased = result.erased
        request.kept = [{"item": item, "reason": why} for item, why in result.kept]
        request.reason = "\n".join(part for part in (reason, kept_reasons) if part)
        request.handled_by = actor
        request.handled_at = timezone.now()
        request.save(update_fields=["status", "erased", "kept", "reason", "handled_by", "handled_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=request,
            person_id=person.pk,
            fields=["status", *(["erased"] if result.erased else [])],
        )
    return request
