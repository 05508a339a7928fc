"""The daily retention job: anonymise everyone whose projects are all past their retention period."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.privacy.services import retention_run


@periodic("privacy.retention", every=dt.timedelta(days=1))
@task()
def anonymise_due() -> int:
    """Anonymise what is due today; returns the number of people anonymised (0 when nothing is due)."""
    return retention_run().people
