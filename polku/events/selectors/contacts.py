"""Whom an attendee met at the event, each with where asking to stay in touch stands; e-mail addresses only
for the accepted ones."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from polku.events.models import ContactRequest, Registration
from polku.events.selectors.meetings import whom_i_met


@dataclass(frozen=True)
class MetPerson:
    registration: Registration
    request: ContactRequest | None
    asked_by_me: bool

    @property
    def state(self) -> str:
        """none, asked (by me, waiting), asks_me (waiting for my answer), accepted or declined."""
        if self.request is None:
            return "none"
        if self.request.status == ContactRequest.Status.PENDING:
            return "asked" if self.asked_by_me else "asks_me"
        return str(self.request.status)

    @property
    def email(self) -> str:
        """Shared only once both agreed."""
        return self.registration.email if self.state == "accepted" else ""


def people_met(registration: Registration) -> list[MetPerson]:
    met = whom_i_met(registration)
    requests = ContactRequest.objects.filter(
        Q(sender=registration, recipient__in=met) | Q(recipient=registration, sender__in=met)
    )
    by_other = {(r.recipient_id if r.sender_id == registration.pk else r.sender_id): r for r in requests}
    return [
        MetPerson(
            registration=other,
            request=by_other.get(other.pk),
            asked_by_me=other.pk in by_other and by_other[other.pk].sender_id == registration.pk,
        )
        for other in met
    ]
