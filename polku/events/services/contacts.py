"""After an event: asking someone one met there to stay in touch, and answering.

Only people who actually met (in a 1:1 meeting they attended or in a breakout group of a round that took
place, `selectors.meetings.whom_i_met`) can ask each other; each pair asks once (either way round), and a
decline is final. The e-mail addresses are shown to the two only once the request is accepted.
"""

from __future__ import annotations

import functools

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tasks import send_email
from polku.events.emails import recipient as holder_of
from polku.events.models import ContactRequest, Event, Registration
from polku.events.selectors.meetings import own_filter, require_own_registration, whom_i_met


def contact_request(*, access: Access, event: Event, recipient: Registration) -> ContactRequest:
    sender = require_own_registration(access=access, event=event)
    if recipient.pk not in {r.pk for r in whom_i_met(sender)}:
        raise ApplicationError(_("You can ask only people you met at this event."))
    pair = Q(sender=sender, recipient=recipient) | Q(sender=recipient, recipient=sender)
    if ContactRequest.objects.filter(pair).exists():
        raise ApplicationError(_("One of you has already asked the other."))
    try:
        with transaction.atomic():
            contact = ContactRequest.objects.create(event=event, sender=sender, recipient=recipient)
            transaction.on_commit(functools.partial(_notify, contact.pk))
    except IntegrityError:
        raise ApplicationError(_("One of you has already asked the other.")) from None
    return contact


def contact_answer(*, access: Access, contact: ContactRequest, accept: bool) -> ContactRequest:
    if not Registration.objects.filter(own_filter(access), pk=contact.recipient_id).exists():
        raise AccessDenied(_("Only the person asked can answer this request."))
    with transaction.atomic():
        contact = ContactRequest.objects.select_for_update().get(pk=contact.pk)
        if contact.status != ContactRequest.Status.PENDING:
            raise ApplicationError(_("This request has already been answered."))
        contact.status = ContactRequest.Status.ACCEPTED if accept else ContactRequest.Status.DECLINED
        contact.answered_at = timezone.now()
        contact.save(update_fields=["status", "answered_at", "updated_at"])
    return contact


def _notify(contact_pk: int) -> None:
    contact = ContactRequest.objects.select_related(
        "event__activity",
        "sender__participation__person",
        "sender__user",
        "recipient__participation__person",
        "recipient__user",
    ).get(pk=contact_pk)
    email, language = holder_of(contact.recipient)
    if not email:
        return
    with translation.override(language):
        subject = _("%(name)s would like to stay in touch after %(event)s") % {
            "name": contact.sender.name,
            "event": contact.event.title,
        }
        body = _("Answer on the page of people you met at the event in Polku.")
    send_email.enqueue(subject=subject, body=body, to=[email])
