"""Writes of the community network: one's own profile and its audiences, turning the directory on and off
(the directory consent), the photo, connections, blocks, reports and their handling, messages and the
e-mails about them. Each verb checks who acts, writes in one transaction and records an audit event by
field name (never a message's text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.community import photos
from polku.community.models import (
    CONTACT_AUDIENCES,
    FIELD_GROUPS,
    Audience,
    Block,
    Connection,
    DirectorySharing,
    Message,
    Notify,
    Profile,
    ProfileLanguage,
    ProfilePhoto,
    Report,
    Thread,
    audience_field,
)
from polku.community.selectors import home_project, is_live, own_profile, thread_between, viewer_for
from polku.competences.models import ProfileSkill
from polku.consent.models import Consent, Purpose
from polku.consent.services import consent_give, consent_withdraw, notice_current
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tasks import send_email
from polku.events.models import Intent
from polku.participants.models import Cefr, Person

MAX_LINKS = 5
DIGEST_EVERY = dt.timedelta(hours=24)
TEXT_FIELDS = (
    "display_name",
    "introduction",
    "introduction_language",
    "city",
    "country",
    "contact_email",
    "phone",
)


def _audit(actor: User | None, action: str, obj: Any, profile: Profile, fields: Any) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        person_id=profile.person_id,
        partner_id=profile.partner_id,
        fields=list(fields),
    )


def _check_member(access: Access) -> None:
    if not access.can_use_community():
        raise AccessDenied(
            _("The community network is for participants, mentors and employer representatives.")
        )


# --- the profile -------------------------------------------------------------------------------------


def profile_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if "display_name" in data and not (data.get("display_name") or "").strip():
        errors["display_name"] = [_("Write the name other members see.")]
    for group in FIELD_GROUPS:
        name = audience_field(group)
        if name not in data:
            continue
        allowed = CONTACT_AUDIENCES if group == "contact" else Audience.values
        if data[name] not in allowed:
            errors[name] = [_("Choose who sees this from the list.")]
    for name in ("offers", "looks_for"):
        values = data.get(name) or []
        if not isinstance(values, list | tuple) or any(v not in Intent.values for v in values):
            errors[name] = [_("Choose from the list.")]
    links = data.get("links") or []
    if not isinstance(links, list | tuple) or len(links) > MAX_LINKS:
        errors["links"] = [_("Give at most %(count)s links.") % {"count": MAX_LINKS}]
    elif any(
        urlsplit(str(link)).scheme not in ("http", "https") or not urlsplit(str(link)).netloc
        for link in links
    ):
        errors["links"] = [_("Give each link as a web address starting with https://.")]
    country = (data.get("country") or "").strip()
    if country and (len(country) != 2 or not country.isalpha()):
        errors["country"] = [_("Choose the country from the list.")]
    languages = data.get("languages")
    if languages is not None and (
        not isinstance(languages, list | tuple)
        or any(
            not isinstance(row, Mapping)
            or not str(row.get("language", "")).isalpha()
            or row.get("level") not in Cefr.values
            for row in languages
        )
    ):
        errors["languages"] = [_("Give each language with a level from the list.")]
    if "notify" in data and data["notify"] not in Notify.values:
        errors["notify"] = [_("Choose from the list.")]
    return errors


def _skill_ids(person_id: int | None, wanted: Any) -> list[int]:
    """The skills to show: among the person's confirmed ESCO skills only (others are dropped)."""
    if person_id is None or not wanted:
        return []
    confirmed = set(
        ProfileSkill.objects.filter(person_id=person_id, status=ProfileSkill.Status.CONFIRMED).values_list(
            "skill_id", flat=True
        )
    )
    return [int(pk) for pk in wanted if int(pk) in confirmed]


def profile_save(*, actor: User, access: Access, data: Mapping[str, Any]) -> Profile:
    """Create or change one's own profile. It stays out of the directory until turned on."""
    _check_member(access)
    errors = profile_errors(data)
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    profile = own_profile(actor)
    with transaction.atomic():
        if profile is None:
            home = home_project(actor, access)
            if home is None:
                raise AccessDenied(_("You take part in no project yet."))
            person = Person.objects.filter(pk=access.person_id).first() if access.person_id else None
            profile = Profile(
                user=actor,
                person=person,
                project_id=home[0],
                partner_id=home[1],
                display_name=(person.full_name if person else actor.full_name) or actor.email.split("@")[0],
            )
            action = AuditEvent.Action.CREATE
        else:
            action = AuditEvent.Action.UPDATE
        changed: list[str] = []
        for name in (*TEXT_FIELDS, "notify", *(audience_field(g) for g in FIELD_GROUPS)):
            if name in data:
                value = data[name]
                value = value.strip() if isinstance(value, str) else value
                if name == "country":
                    value = value.upper()
                if getattr(profile, name) != value:
                    setattr(profile, name, value)
                    changed.append(name)
        for name in ("offers", "looks_for", "links"):
            if name in data:
                value = list(dict.fromkeys(data[name] or []))
                if getattr(profile, name) != value:
                    setattr(profile, name, value)
                    changed.append(name)
        profile.set_intent_texts()
        profile.save()
        if "languages" in data:
            wanted = {str(row["language"]).lower(): row["level"] for row in data["languages"] or []}
            current = dict(profile.languages.values_list("language", "level"))
            if wanted != current:
                profile.languages.all().delete()
                ProfileLanguage.objects.bulk_create(
                    ProfileLanguage(profile=profile, language=code, level=level)
                    for code, level in wanted.items()
                )
                changed.append("languages")
        if "skills" in data:
            ids = _skill_ids(profile.person_id, data["skills"])
            if set(ids) != set(profile.skills.values_list("pk", flat=True)):
                profile.skills.set(ids)
                changed.append("skills")
        if changed or action == AuditEvent.Action.CREATE:
            _audit(actor, action, profile, profile, changed)
    return profile


def directory_turn_on(*, actor: User, access: Access, language: str) -> Profile:
    """Put one's profile in the directory: a participant gives the directory consent (against the
    project's current privacy notice), another member records their own opt-in."""
    _check_member(access)
    profile = own_profile(actor) or profile_save(actor=actor, access=access, data={})
    with transaction.atomic():
        if profile.person_id is not None:
            notice = notice_current(project_id=profile.project_id, language=language)
            if notice is None:
                raise ApplicationError(_("Your project has no privacy notice yet; ask your coordinator."))
            consent_give(
                actor=actor,
                person=profile.person,
                project_id=profile.project_id,
                purposes=[Purpose.DIRECTORY],
                notice=notice,
            )
        elif profile.opted_in_at is None:
            profile.opted_in_at = timezone.now()
            profile.save(update_fields=["opted_in_at", "updated_at"])
            _audit(actor, AuditEvent.Action.UPDATE, profile, profile, ["opted_in_at"])
    return profile


def directory_turn_off(*, actor: User, access: Access) -> Profile | None:
    """Take one's profile out of the directory at once: withdraw the consent (or the own opt-in)."""
    profile = own_profile(actor)
    if profile is None:
        return None
    with transaction.atomic():
        if profile.person_id is not None:
            for consent in Consent.objects.filter(
                person_id=profile.person_id,
                project_id=profile.project_id,
                purpose=Purpose.DIRECTORY,
                withdrawn_at__isnull=True,
            ):
                consent_withdraw(actor=actor, consent=consent)
        elif profile.opted_in_at is not None:
            profile.opted_in_at = None
            profile.save(update_fields=["opted_in_at", "updated_at"])
            _audit(actor, AuditEvent.Action.UPDATE, profile, profile, ["opted_in_at"])
    return profile


def photo_set(*, actor: User, access: Access, content: bytes) -> ProfilePhoto:
    _check_member(access)
    profile = own_profile(actor)
    if profile is None:
        raise ApplicationError(_("Save your profile first."))
    photo = photos.prepare(content)
    with transaction.atomic():
        row, _created = ProfilePhoto.objects.update_or_create(
            profile=profile, defaults={"data": photo.data, "width": photo.width, "height": photo.height}
        )
        _audit(actor, AuditEvent.Action.UPDATE, profile, profile, ["photo"])
    return row


def photo_remove(*, actor: User) -> None:
    profile = own_profile(actor)
    if profile is None:
        return
    with transaction.atomic():
        if ProfilePhoto.objects.filter(profile=profile).delete()[0]:
            _audit(actor, AuditEvent.Action.DELETE, profile, profile, ["photo"])


# --- connections, blocks, reports --------------------------------------------------------------------


def _me(actor: User) -> Profile:
    """The actor's own profile while it is in the directory (only members in it connect and message)."""
    viewer = viewer_for(actor)
    if viewer is None:
        raise ApplicationError(_("Turn on your directory profile first."))
    return viewer.profile


def connection_request(*, actor: User, recipient: Profile, message: str = "") -> Connection:
    """Ask to connect. A second request to someone who declined (or who already has one from the actor) is
    refused quietly: the existing request is returned unchanged and nobody is told."""
    me = _me(actor)
    message = (message or "").strip()
    if len(message) > 300:
        raise ApplicationError(
            _("Write at most 300 characters."), field_errors={"message": [_("Write at most 300 characters.")]}
        )
    if recipient.pk == me.pk:
        raise ApplicationError(_("You cannot connect with yourself."))
    with transaction.atomic():
        existing = (
            Connection.objects.select_for_update()
            .filter(Q(sender=me, recipient=recipient) | Q(sender=recipient, recipient=me))
            .order_by("pk")
        )
        for row in existing:
            if row.sender_id == me.pk:
                return row  # asked already, connected, or declined: quietly nothing new
            if row.status == Connection.Status.PENDING:
                # they asked first: asking back accepts
                return connection_answer(actor=actor, connection=row, accept=True)
            if row.status == Connection.Status.ACCEPTED:
                return row
        try:
            with transaction.atomic():
                connection = Connection.objects.create(sender=me, recipient=recipient, message=message)
        except IntegrityError:
            return Connection.objects.get(sender=me, recipient=recipient)
        _audit(actor, AuditEvent.Action.CREATE, connection, me, ["recipient", "message"])
    return connection


def connection_answer(*, actor: User, connection: Connection, accept: bool) -> Connection:
    me = own_profile(actor)
    if me is None or connection.recipient_id != me.pk:
        raise AccessDenied(_("Only the person asked answers a request."))
    if connection.status != Connection.Status.PENDING:
        return connection
    with transaction.atomic():
        connection.status = Connection.Status.ACCEPTED if accept else Connection.Status.DECLINED
        connection.answered_at = timezone.now()
        connection.save(update_fields=["status", "answered_at", "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, connection, me, ["status"])
    return connection


def connection_remove(*, actor: User, other: Profile) -> None:
    """End a connection (either side); the other is not told, and may be asked again later."""
    me = _me(actor)
    with transaction.atomic():
        rows = Connection.objects.filter(
            Q(sender=me, recipient=other) | Q(sender=other, recipient=me), status=Connection.Status.ACCEPTED
        )
        for row in rows:
            _audit(actor, AuditEvent.Action.DELETE, row, me, ["status"])
        rows.delete()


def block(*, actor: User, other: Profile) -> Block:
    """Block someone: neither sees the other in the directory or suggestions, nor can ask or message."""
    me = _me(actor)
    if other.pk == me.pk:
        raise ApplicationError(_("You cannot block yourself."))
    with transaction.atomic():
        row, created = Block.objects.get_or_create(blocker=me, blocked=other)
        if created:
            _audit(actor, AuditEvent.Action.CREATE, row, me, ["blocked"])
    return row


def unblock(*, actor: User, other_id: int) -> None:
    me = own_profile(actor)
    if me is None:
        return
    with transaction.atomic():
        for row in Block.objects.filter(blocker=me, blocked_id=other_id):
            _audit(actor, AuditEvent.Action.DELETE, row, me, ["blocked"])
            row.delete()


def _report_partner_id(me: Profile) -> int:
    if me.partner_id:
        return me.partner_id
    lead = me.project.partners.filter(is_lead=True).values_list("pk", flat=True).first()
    if lead is None:
        raise ApplicationError(_("Your project has no coordinators to report to."))
    return lead


def report_create(*, actor: User, reported: Profile, reason: str) -> Report:
    """Report a profile to the coordinators of the reporter's partner (the lead partner's for a member
    without a partner)."""
    me = _me(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Say what is wrong."), field_errors={"reason": [_("Say what is wrong.")]})
    with transaction.atomic():
        report = Report.objects.create(
            reporter=me, reported=reported, partner_id=_report_partner_id(me), reason=reason[:1000]
        )
        _audit(actor, AuditEvent.Action.CREATE, report, me, ["reported", "reason"])
    return report


def report_handle(*, actor: User, access: Access, report: Report, hide: bool) -> Report:
    """A coordinator of the reporter's partner hides the reported profile, or finds no action needed."""
    if not access.can_handle_community_reports(report.partner_id):
        raise AccessDenied(_("Reports go to the coordinators of the reporter's partner."))
    with transaction.atomic():
        report.status = Report.Status.HIDDEN if hide else Report.Status.DISMISSED
        report.handled_by = actor
        report.handled_at = timezone.now()
        report.save(update_fields=["status", "handled_by", "handled_at", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=report,
            partner_id=report.partner_id,
            fields=["status"],
        )
        if hide:
            profile = report.reported
            if profile.hidden_at is None:
                profile.hidden_at = timezone.now()
                profile.hidden_by = actor
                profile.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
                _audit(actor, AuditEvent.Action.UPDATE, profile, profile, ["hidden_at"])
    return report


# --- messages ----------------------------------------------------------------------------------------


def message_send(*, actor: User, recipient: Profile, body: str) -> Message:
    """Send a message to a connection (both in the directory, neither blocking the other); refused to
    anyone else. The text is stored as written and escaped wherever it is shown."""
    viewer = viewer_for(actor)
    if viewer is None:
        raise ApplicationError(_("Turn on your directory profile first."))
    me = viewer.profile
    if recipient.pk not in viewer.connected or not is_live(recipient):
        raise ApplicationError(_("You can send messages only to your connections."))
    body = (body or "").strip()
    if not body:
        raise ApplicationError(_("Write a message."), field_errors={"body": [_("Write a message.")]})
    if len(body) > 4000:
        raise ApplicationError(
            _("Write at most 4000 characters."), field_errors={"body": [_("Write at most 4000 characters.")]}
        )
    now = timezone.now()
    with transaction.atomic():
        first, second = sorted((me.pk, recipient.pk))
        thread, _created = Thread.objects.get_or_create(first_id=first, second_id=second)
        thread.last_message_at = now
        thread.save(update_fields=["last_message_at", "updated_at"])
        message = Message.objects.create(
            thread=thread, sender=me, recipient=recipient, body=body, created_at=now
        )
        _audit(actor, AuditEvent.Action.CREATE, message, me, ["body"])
        if recipient.notify == Notify.IMMEDIATE:
            transaction.on_commit(lambda: notify_immediately(message_id=message.pk))
    return message


def thread_mark_read(*, profile: Profile, thread: Thread) -> int:
    """The reader's unread messages of the thread are read now (this counts unread messages; the sender is
    never shown it)."""
    return Message.objects.filter(thread=thread, recipient=profile, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _recipient_email(profile: Profile) -> tuple[str, str]:
    user = profile.user
    return user.email, (user.preferred_language or "en")[:2]


def _site() -> str:
    return getattr(settings, "POLKU_SITE_URL", "").rstrip("/")


def notify_immediately(*, message_id: int) -> bool:
    message = Message.objects.select_related("recipient__user", "sender").filter(pk=message_id).first()
    if message is None or message.notified_at is not None or message.recipient is None:
        return False
    email, language = _recipient_email(message.recipient)
    with translation.override(language):
        subject = _("A new message in Polku")
        body = _(
            "%(name)s sent you a message in Polku's community network. Read it at %(url)s\n\n"
            "You can change how often Polku e-mails you about messages on your profile page."
        ) % {
            "name": message.sender.display_name if message.sender else _("A member"),
            "url": _site() + reverse("community:messages"),
        }
    send_email.enqueue(subject=subject, body=body, to=[email])
    Message.objects.filter(pk=message.pk).update(notified_at=timezone.now())
    return True


def digests_send(*, now: dt.datetime | None = None) -> int:
    """One e-mail per person with unread messages not yet told of, at most one a day (the periodic job).
    The e-mail names how many messages from whom, never their text."""
    now = now or timezone.now()
    sent = 0
    pending = (
        Message.objects.filter(read_at__isnull=True, notified_at__isnull=True, recipient__notify=Notify.DAILY)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for profile in Profile.objects.filter(pk__in=list(pending)).select_related("user"):
        if profile.last_digest_at and now - profile.last_digest_at < DIGEST_EVERY:
            continue
        with transaction.atomic():
            messages = list(
                Message.objects.select_for_update(of=("self",))
                .filter(recipient=profile, read_at__isnull=True, notified_at__isnull=True)
                .select_related("sender")
            )
            if not messages:
                continue
            email, language = _recipient_email(profile)
            senders = sorted({m.sender.display_name for m in messages if m.sender})
            with translation.override(language):
                subject = _("New messages in Polku")
                body = _(
                    "You have %(count)s new messages in Polku's community network from: %(names)s.\n"
                    "Read them at %(url)s\n\nPolku sends at most one such e-mail a day."
                ) % {
                    "count": len(messages),
                    "names": ", ".join(senders),
                    "url": _site() + reverse("community:messages"),
                }
            send_email.enqueue(subject=subject, body=body, to=[email])
            Message.objects.filter(pk__in=[m.pk for m in messages]).update(notified_at=now)
            profile.last_digest_at = now
            profile.save(update_fields=["last_digest_at"])
            sent += 1
    return sent


def thread_for(*, actor: User, other: Profile) -> Thread | None:
    me = own_profile(actor)
    return thread_between(me, other) if me else None


# --- sharing the directory between projects (the project lead) ---------------------------------------


def sharing_set(*, actor: User, access: Access, project: Any, enabled: bool, partner_ids: list[int]) -> Any:
    """The lead's choice: share the project's directory, and with which projects. Nothing crosses until the
    other project makes the same choice back (`selectors.sharing_projects`)."""
    if not access.can_manage_project(project.pk):
        raise AccessDenied(_("Only the project lead chooses with whom the directory is shared."))
    with transaction.atomic():
        sharing, _created = DirectorySharing.objects.get_or_create(project=project)
        sharing.enabled = enabled
        sharing.save(update_fields=["enabled", "updated_at"])
        sharing.partners.set([pk for pk in partner_ids if pk != project.pk])
        audit_record(
            actor=actor, action=AuditEvent.Action.UPDATE, obj=sharing, fields=["enabled", "partners"]
        )
    return sharing
