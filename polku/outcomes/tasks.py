"""The daily follow-up job: requests six months after exit, reminders, closing (see services.follow_ups_process)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.outcomes.services import follow_ups_process


@periodic("outcomes.follow_ups", every=dt.timedelta(days=1))
@task()
def follow_ups_daily() -> dict[str, int]:
    run = follow_ups_process()
    return {
        "created": run.created,
        "restarted": run.restarted,
        "reminded": run.reminded,
        "closed": run.closed,
    }
