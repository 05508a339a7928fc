"""The invitation e-mail, in the language chosen for the invitee, queued after the transaction commits.

Imports neither services nor tasks (decision 0049): the services call it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from polku.accounts.models import Invitation, Role
from polku.core.tasks import send_email


def accept_url(token: str) -> str:
    """The absolute link of an invitation, on the site's public address (POLKU_SITE_URL)."""
    return settings.POLKU_SITE_URL + reverse("invitations:accept", args=[token])


def invitation_email(invitation: Invitation, *, token: str) -> None:
    """Queue the e-mail that carries the link; rendered now, in `invitation.language`."""
    url = accept_url(token)
    inviter = str(invitation.invited_by) if invitation.invited_by_id else ""
    with override(invitation.language or "en"):
        values = {
            "project": invitation.project.name,
            "inviter": inviter or _("The project's staff"),
            "role": str(Role(invitation.role).label) if invitation.role else "",
            "url": url,
            "date": date_format(timezone.localtime(invitation.expires_at).date(), "SHORT_DATE_FORMAT"),
        }
        if invitation.role:
            subject = _("You are invited to %(project)s in Polku") % values
            first = _("%(inviter)s invites you to %(project)s in Polku as %(role)s.") % values
        else:
            subject = _("Your log-in to Polku for %(project)s") % values
            first = (
                _(
                    "%(inviter)s invites you to make a log-in to Polku. With it you see your own data in "
                    "%(project)s, correct it, and sign up for activities."
                )
                % values
            )
        body = "\n\n".join(
            [
                first,
                _("Open this link to accept; you choose your password there:") + f"\n{url}",
                _(
                    "The link works until %(date)s and only once. If you did not expect it, ignore this e-mail."
                )
                % values,
            ]
        )
    recipient = invitation.email
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[recipient]))
