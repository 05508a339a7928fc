"""Periodic jobs of the community network (see polku.core.schedule): entry points that call one service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.community import services
from polku.core.schedule import periodic


@periodic("community.message_digests", every=dt.timedelta(hours=1))
@task()
def send_message_digests() -> int:
    """E-mails about unread messages: at most one a day for each person (those who asked for daily ones)."""
    return services.digests_send()
