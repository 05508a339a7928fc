"""Giving and withdrawing consent, against the exact notice version the person read."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.core.errors import ApplicationError

FALLBACK = ("fi", "sv", "en")


def notice_current(*, project_id: int, language: str) -> PrivacyNotice | None:
    """The newest notice of the project in `language`, falling back fi → sv → en."""
    notices = list(PrivacyNotice.objects.filter(project_id=project_id).order_by("-version"))
    if not notices:
        return None
    newest = notices[0].version
    by_language = {n.language: n for n in notices if n.version == newest}
    for code in (language, *FALLBACK):
        if code in by_language:
            return by_language[code]
    return next(iter(by_language.values()))


def consent_give(
    *, actor, person, project_id: int, purposes: Iterable[str], notice: PrivacyNotice
) -> list[Consent]:
    """Record consents; purposes already given stay as they are (no duplicates)."""
    purposes = set(purposes)
    unknown = purposes - set(Purpose.values)
    if unknown:
        raise ApplicationError(
            _("Unknown consent purpose: %(purpose)s") % {"purpose": ", ".join(sorted(unknown))}
        )
    if notice.project_id != project_id:
        raise ApplicationError(_("The privacy notice belongs to another project."))
    now = timezone.now()
    created = []
    with transaction.atomic():
        active = set(
            Consent.objects.filter(
                person=person, project_id=project_id, withdrawn_at__isnull=True
            ).values_list("purpose", flat=True)
        )
        for purpose in sorted(purposes - active):
            consent = Consent.objects.create(
                person=person, project_id=project_id, purpose=purpose, notice=notice, given_at=now
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=consent,
                person_id=person.pk,
                fields=["purpose"],
            )
            created.append(consent)
    return created


def consent_withdraw(*, actor, consent: Consent) -> Consent:
    if consent.withdrawn_at is not None:
        raise ApplicationError(_("This consent has already been withdrawn."))
    if consent.purpose == Purpose.PARTICIPATION:
        # Withdrawing the base consent is a request to leave; it is honoured, and the coordinator sees it.
        pass
    with transaction.atomic():
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=consent,
            person_id=consent.person_id,
            fields=["withdrawn_at"],
        )
    return consent
