"""E-mails of mentoring: what the mentee and the mentor are told, in each one's own language.

Each message is rendered now and queued on `polku.core.tasks.send_email` after the transaction commits.
The services call these; this module imports neither the services nor the app's tasks, so the periodic
tasks (which call the services) never close a circle through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from polku.core.tasks import send_email
from polku.mentoring.models import CheckIn, Mentorship, Side


def _queue(*, to: str, language: str, subject: Callable[[], str], body: Callable[[], str]) -> None:
    """Queue an e-mail after the transaction commits, rendered in the recipient's language."""
    if not to:
        return
    with override(language or "en"):
        subject_text, body_text = subject(), body()
    transaction.on_commit(lambda: send_email.enqueue(subject=subject_text, body=body_text, to=[to]))


def _to_mentee(mentorship: Mentorship, subject: Callable[[], str], body: Callable[[], str]) -> None:
    person = mentorship.mentee.participation.person
    _queue(to=person.email, language=person.preferred_language, subject=subject, body=body)


def _to_mentor(mentorship: Mentorship, subject: Callable[[], str], body: Callable[[], str]) -> None:
    user = mentorship.mentor.user
    _queue(to=user.email, language=user.preferred_language, subject=subject, body=body)


def _to_side(side: str) -> Callable[[Mentorship, Callable[[], str], Callable[[], str]], None]:
    return _to_mentee if side == Side.MENTEE else _to_mentor


def _link(name: str, *args: Any) -> str:
    """An absolute link for e-mails, on the site's public address (POLKU_SITE_URL)."""
    return settings.POLKU_SITE_URL + reverse(name, args=args)


def offer(mentorship: Mentorship) -> None:
    """A published proposal: both sides are asked to accept or decline."""
    url = _link("mentoring:mentorship", mentorship.pk)
    mentor_name = str(mentorship.mentor.user)
    mentee_name = str(mentorship.mentee.participation.person)
    programme = mentorship.programme.name
    _to_mentee(
        mentorship,
        lambda: _("A mentor is proposed for you: %(name)s") % {"name": mentor_name},
        lambda: (
            _(
                "In %(programme)s, %(name)s is proposed as your mentor. See why, and accept or decline: %(url)s"
            )
            % {"programme": programme, "name": mentor_name, "url": url}
        ),
    )
    _to_mentor(
        mentorship,
        lambda: _("A mentee is proposed for you: %(name)s") % {"name": mentee_name},
        lambda: (
            _("In %(programme)s, %(name)s is proposed as your mentee. Accept or decline: %(url)s")
            % {"programme": programme, "name": mentee_name, "url": url}
        ),
    )


def request(mentorship: Mentorship) -> None:
    """Self-service: the mentor hears that a participant asks them."""
    mentee_name = str(mentorship.mentee.participation.person)
    programme = mentorship.programme.name
    url = _link("mentoring:mentorship", mentorship.pk)
    _to_mentor(
        mentorship,
        lambda: _("%(name)s asks you to be their mentor") % {"name": mentee_name},
        lambda: (
            _("In %(programme)s, %(name)s asks you to be their mentor. Accept or decline: %(url)s")
            % {"programme": programme, "name": mentee_name, "url": url}
        ),
    )


def answer(mentorship: Mentorship, *, side: str, accept: bool) -> None:
    """The other side hears that `side` accepted or declined."""
    url = _link("mentoring:mentorship", mentorship.pk)
    who = str(mentorship.mentee.participation.person if side == Side.MENTEE else mentorship.mentor.user)
    notify = _to_mentor if side == Side.MENTEE else _to_mentee
    if accept:
        notify(
            mentorship,
            lambda: _("%(name)s accepted the mentoring") % {"name": who},
            lambda: _("%(name)s accepted. See the mentorship: %(url)s") % {"name": who, "url": url},
        )
    else:
        notify(
            mentorship,
            lambda: _("%(name)s declined the mentoring") % {"name": who},
            lambda: (
                _("%(name)s declined this match. Your coordinator will find another one.") % {"name": who}
            ),
        )


def session_reminder(mentorship: Mentorship, *, last: dt.date) -> None:
    """Both sides are reminded to log their sessions (none logged since `last`)."""
    url = _link("mentoring:mentorship", mentorship.pk)
    for notify in (_to_mentee, _to_mentor):
        notify(
            mentorship,
            lambda: _("Remember to log your mentoring sessions"),
            lambda: (
                _("No mentoring session has been logged since %(date)s. Log one here: %(url)s")
                % {"date": last.isoformat(), "url": url}
            ),
        )


def checkin_due(mentorship: Mentorship, checkin: CheckIn) -> None:
    """The side of a new check-in of `mentorship` is asked to answer it."""
    url = _link("mentoring:checkin", checkin.pk)
    _to_side(checkin.side)(
        mentorship,
        lambda: _("How is your mentoring going?"),
        lambda: _("Please answer two short questions about your mentoring: %(url)s") % {"url": url},
    )
