"""Giving and withdrawing consent, against the exact notice version the person read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.models import Language
from polku.projects.models import Project

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


@dataclass(frozen=True)
class NoticeText:
    """The title and text of a privacy notice in one language."""

    title: str
    body: str


TITLE_MAX_LENGTH = PrivacyNotice._meta.get_field("title").max_length or 200


def notice_publish(
    *, actor, access: Access, project: Project, texts: Mapping[str, NoticeText]
) -> list[PrivacyNotice]:
    """Publish the next version of the project's privacy notice in one or more languages at once.

    The version is the next integer and is published now. Earlier versions stay as they are, so consents
    given against them keep pointing to the text the person read. Field errors are named `title_<lang>`
    and `body_<lang>`, as in the publishing form and the API.
    """
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead or a platform admin can publish the privacy notice."))
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(texts) - set(Language.values))
    if unknown:
        errors["non_field_errors"] = [_("Unknown language: %(code)s") % {"code": ", ".join(unknown)}]
    given: dict[str, NoticeText] = {}
    for code in Language.values:
        text = texts.get(code) or NoticeText(title="", body="")
        title, body = text.title.strip(), text.body.strip()
        if len(title) > TITLE_MAX_LENGTH:
            errors[f"title_{code}"] = [
                _("The title can be at most %(limit)s characters.") % {"limit": TITLE_MAX_LENGTH}
            ]
        elif body and not title:
            errors[f"title_{code}"] = [_("Give the title in this language too, or leave the text empty.")]
        elif title and not body:
            errors[f"body_{code}"] = [_("Give the text in this language too, or leave the title empty.")]
        elif title:
            given[code] = NoticeText(title=title, body=body)
    if not given and not errors:
        errors["non_field_errors"] = [_("Give the title and text in at least one language.")]
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            # One publisher at a time per project (PostgreSQL); the unique constraint backs this up.
            list(Project.objects.select_for_update().filter(pk=project.pk).values_list("pk", flat=True))
            newest = PrivacyNotice.objects.filter(project_id=project.pk).aggregate(newest=Max("version"))
            version = (newest["newest"] or 0) + 1
            notices = [
                PrivacyNotice.objects.create(
                    project=project,
                    version=version,
                    language=code,
                    title=text.title,
                    body=text.body,
                    published_at=now,
                )
                for code, text in given.items()
            ]
    except IntegrityError as error:
        raise ApplicationError(
            _("Another version was published at the same moment; reload the page and try again.")
        ) from error
    return notices
