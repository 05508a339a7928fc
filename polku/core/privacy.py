"""The e-mail outbox is personal data of the people it wrote to (registered with polku.core.personal_data).

A sent e-mail keeps only who, what subject and when (its text is dropped once the mail server accepts it,
polku.core.email_outbox); these records are in the person's export, removed by their erasure, and removed
for everyone `POLKU_EMAIL_KEEP_DAYS` after sending or failing (`emails_forget`, a daily job).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polku.core import personal_data
from polku.core.models import OutgoingEmail

_FIELDS = ("subject", "status", "created_at", "sent_at")


def _addresses(person: Any) -> set[str]:
    found = {getattr(person, "email", "") or ""}
    user = getattr(person, "user", None)
    if user is not None:
        found.add(user.email or "")
    return {address.strip().lower() for address in found if address and address.strip()}


def emails_to(person: Any) -> QuerySet[OutgoingEmail]:
    """The outbox rows addressed to any of the person's e-mail addresses (a recipient may be written as
    "Name <address>", so the match is on the address inside the list, then checked exactly)."""
    addresses = _addresses(person)
    if not addresses:
        return OutgoingEmail.objects.none()
    where = Q()
    for address in addresses:
        where |= Q(recipients__icontains=address)
    ids = [
        row.pk
        for row in OutgoingEmail.objects.filter(where).only("pk", "recipients")
        if any(_address_of(r) in addresses for r in row.recipients)
    ]
    return OutgoingEmail.objects.filter(pk__in=ids)


def _address_of(recipient: str) -> str:
    recipient = recipient.strip()
    if recipient.endswith(">") and "<" in recipient:
        recipient = recipient[recipient.rindex("<") + 1 : -1]
    return recipient.strip().lower()


def export(person: Any) -> dict[str, personal_data.Section]:
    rows = emails_to(person).order_by("created_at")
    if not rows.exists():
        return {}
    return {
        "emails": personal_data.records(
            _("E-mails Polku sent you"),
            rows,
            _FIELDS,
        )
    }


def erase(person: Any) -> personal_data.Erasure:
    done = personal_data.Erasure()
    count, _by_model = emails_to(person).delete()
    if count:
        done.erased.append(str(_("E-mails Polku sent you (%(count)s)") % {"count": count}))
    return done


def anonymise(person: Any) -> int:
    """At the end of the retention period the records of the person's e-mails go: an address is a direct
    identifier, and no indicator needs them."""
    count, _by_model = emails_to(person).delete()
    return count


def emails_forget(*, now: dt.datetime | None = None) -> int:
    """Remove the records of e-mails sent or failed more than `POLKU_EMAIL_KEEP_DAYS` ago; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.POLKU_EMAIL_KEEP_DAYS)
    done = Q(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff) | Q(
        status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.UNCERTAIN], created_at__lt=cutoff
    )
    count, _by_model = OutgoingEmail.objects.filter(done).delete()
    return count


personal_data.register("core", export=export, anonymise=anonymise, erase=erase)
