"""The outbox: every e-mail Polku sends is a row (`OutgoingEmail`) from the moment it is queued, and the
task that delivers it hands it to the mail server at most once on its own (decision 0059).

Delivery claims the row with one conditional UPDATE (queued or failed → sending), so two runs of the task
for one e-mail (a retry while the first still runs, an admin's retry) never both send. After the mail
server accepts the message the row becomes "sent" and its text is dropped. An error (the server refused,
or did not answer within EMAIL_TIMEOUT) makes it "failed" with the error, and the task is tried again
later (polku.core.recovery). A worker that died while sending leaves the row "sending"; recovery marks it
"uncertain" — it may have been delivered — and only an administrator sends it again.

The one window left where a message can go out twice: the mail server accepted it, and then the
connection broke before Django returned (or the database refused the "sent" mark), so the run records a
failure and a retry sends it again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.utils import timezone

from polku.core.models import OutgoingEmail

logger = logging.getLogger(__name__)
ERROR_LIMIT = 2000  # characters of an error kept on the row


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str


def record(
    *,
    subject: str,
    body: str,
    to: Sequence[str],
    html: str = "",
    from_email: str | None = None,
    attachments: Sequence[Attachment] = (),
) -> OutgoingEmail:
    """The outbox row of a new e-mail, waiting to be sent."""
    return OutgoingEmail.objects.create(
        recipients=list(to),
        subject=subject[:998],
        body=body,
        html=html,
        from_email=from_email or "",
        attachments=[
            {"filename": a.filename, "content": a.content, "mimetype": a.mimetype} for a in attachments
        ],
    )


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body, to=email.recipients, from_email=email.from_email or None
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for item in email.attachments:
        message.attach(item["filename"], item["content"], item["mimetype"])
    return message


class DeliveryFailed(Exception):
    """The mail server refused the message or did not answer; the outbox row says why."""


def deliver(email_id: int) -> str:
    """Send the e-mail unless another run has sent it or is sending it; returns the row's status after.

    Raises DeliveryFailed (after recording the error) when sending fails, so the task fails and is retried."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=email_id, status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.FAILED]
    ).update(status=OutgoingEmail.Status.SENDING, sending_at=now, attempts=F("attempts") + 1)
    email = OutgoingEmail.objects.get(pk=email_id)
    if not claimed:
        return email.status  # sent, being sent by another run, or waiting for an administrator
    try:
        _message(email).send()
    except Exception as error:
        text = f"{type(error).__name__}: {error}"[:ERROR_LIMIT]
        OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.SENDING).update(
            status=OutgoingEmail.Status.FAILED, last_error=text
        )
        logger.warning("e-mail %s failed: %s", email_id, text)
        raise DeliveryFailed(text) from error
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=OutgoingEmail.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        body="",
        html="",
        attachments=[],
    )
    return OutgoingEmail.Status.SENT


def mark_interrupted(kwargs: dict[str, Any]) -> None:
    """The worker that was sending this e-mail died: it may or may not have gone out (recovery's hook)."""
    OutgoingEmail.objects.filter(pk=int(kwargs["email_id"]), status=OutgoingEmail.Status.SENDING).update(
        status=OutgoingEmail.Status.UNCERTAIN,
        last_error="The worker stopped while handing this e-mail to the mail server; it may have been delivered.",
    )


def requeue(email: OutgoingEmail) -> bool:
    """Let a failed, uncertain or stuck e-mail be sent again (an administrator's decision); False when it
    was sent meanwhile."""
    return bool(
        OutgoingEmail.objects.filter(pk=email.pk)
        .exclude(status=OutgoingEmail.Status.SENT)
        .update(status=OutgoingEmail.Status.QUEUED)
    )
