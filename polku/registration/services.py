"""Writes of the public registration: a person registering themselves, and opening or closing a link."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.consent.services import notice_current
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tasks import send_email
from polku.participants.models import Participation
from polku.participants.services import Registration, participant_register
from polku.projects.models import Partner
from polku.registration.models import RegistrationDraft, draft_token_hash

DRAFT_KEPT = dt.timedelta(days=30)


def participant_self_register(
    *,
    partner: Partner,
    registration: Registration,
    password: str,
    notice_id: int,
    absolute_url: Callable[[str], str],
    draft_id: int | None = None,
) -> Participation:
    """Register a person through the partner's public link, with a user account waiting for e-mail verification.

    `notice_id` is the privacy notice the person was shown; if a newer one has been published since,
    nothing is written and they are asked to read it. `absolute_url` turns a path into a full link
    for the e-mail. The welcome e-mail is queued only once everything is committed. A saved draft of
    this registration (`draft_id`) is deleted in the same transaction.
    """
    notice = notice_current(project_id=partner.project_id, language=registration.notice_language)
    if notice is None or notice.pk != notice_id:
        raise ApplicationError(
            _("The privacy notice has been updated. Please read the new version and confirm again.")
        )
    registration.notice_language = notice.language
    with transaction.atomic():
        participation = participant_register(
            actor=None,
            access=None,
            partner=partner,
            registration=registration,
            channel=Participation.Channel.SELF_REGISTRATION,
            password=password,
        )
        user = participation.person.user
        assert user is not None
        email_address = EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
        _queue_welcome_email(
            participation=participation, email_address=email_address, absolute_url=absolute_url
        )
        if draft_id is not None:
            RegistrationDraft.objects.filter(pk=draft_id, partner=partner).delete()
    return participation


def _queue_welcome_email(
    *, participation: Participation, email_address: EmailAddress, absolute_url: Callable[[str], str]
) -> None:
    person = participation.person
    key = EmailConfirmationHMAC(email_address).key
    context = {
        "person": person,
        "project": participation.project,
        "organisation": participation.partner.organisation,
        "confirm_url": absolute_url(reverse("account_confirm_email", args=[key])),
        "login_url": absolute_url(reverse("account_login")),
        "expire_days": allauth_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS,
    }
    with translation.override(person.preferred_language):
        subject = _("Welcome to %(project)s: confirm your e-mail address") % {
            "project": participation.project.name
        }
        body = render_to_string("registration/email/welcome.txt", context)
    recipient = email_address.email
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[recipient]))


def registration_link_set_open(*, access: Access, partner: Partner, is_open: bool) -> Partner:
    """Open or close a partner's public registration link (its coordinators or an admin)."""
    if not access.can_manage_partner(partner.pk):
        raise AccessDenied(_("You can manage the registration link only of your own partner organisation."))
    if partner.registration_open != is_open:
        partner.registration_open = is_open
        partner.save(update_fields=["registration_open", "updated_at"])
    return partner


# --- drafts: save and continue later ------------------------------------------------------------------------


def registration_draft_save(
    *,
    partner: Partner,
    answers: dict[str, Any],
    step: str,
    draft_id: int | None,
    email: str,
    language: str,
    absolute_url: Callable[[str], str],
) -> tuple[RegistrationDraft, str]:
    """Keep the answers so far for 30 days; returns the draft and its resume link.

    Every save gives the draft a new token (only its hash is stored), so the newest link replaces the
    earlier ones. With an `email`, the link is also e-mailed once the transaction commits.
    """
    token = secrets.token_urlsafe(32)
    expires_at = timezone.now() + DRAFT_KEPT
    with transaction.atomic():
        draft = (
            RegistrationDraft.objects.select_for_update().filter(pk=draft_id, partner=partner).first()
            if draft_id is not None
            else None
        )
        if draft is None:
            draft = RegistrationDraft(partner=partner)
        draft.token_hash = draft_token_hash(token)
        draft.answers = answers
        draft.step = step
        draft.expires_at = expires_at
        draft.save()
        link = absolute_url(reverse("registration:resume", args=[partner.registration_code, token]))
        if email:
            _queue_draft_email(
                partner=partner, email=email, link=link, expires_at=expires_at, language=language
            )
    return draft, link


def _queue_draft_email(
    *, partner: Partner, email: str, link: str, expires_at: dt.datetime, language: str
) -> None:
    context = {"project": partner.project, "link": link, "expires_at": expires_at}
    with translation.override(language):
        subject = _("Continue your registration for %(project)s") % {"project": partner.project.name}
        body = render_to_string("registration/email/draft.txt", context)
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[email]))


def registration_drafts_delete_expired(*, now: dt.datetime | None = None) -> int:
    """Delete every draft past its expiry (they hold personal data); returns how many went."""
    deleted, _by_model = RegistrationDraft.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
