"""Periodic jobs of self-registration (see polku.core.schedule): entry points that call one service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.registration import services


@periodic("registration.expired_drafts", every=dt.timedelta(hours=1))
@task()
def delete_expired_drafts() -> int:
    """Saved registrations are personal data: delete those past their 30 days."""
    return services.registration_drafts_delete_expired()
