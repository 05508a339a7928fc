"""Demo privacy data: retention settings that keep the demo's (historic) projects' people, and one pending
erasure request for a DiGIMESH coordinator to handle.

The demo's projects ran in 2017–2023, so five years from their last payment would already be over and the
daily retention job would anonymise the demo's people (and its participant log-ins) on the first start.
The demo therefore records a last payment some months after each end and a ten-year period.
"""

from __future__ import annotations

import datetime as dt
import random

from polku.participants.models import Person
from polku.privacy.models import ErasureRequest
from polku.projects.models import Project

DIGIMESH = "S22729"
DEMO_RETENTION_YEARS = 10


def populate(*, seed: int) -> None:
    rng = random.Random(seed)
    projects = list(Project.objects.order_by("code"))
    for project in projects:
        project.last_payment_on = project.ends_on + dt.timedelta(days=120 + rng.randrange(60))
        project.retention_years = DEMO_RETENTION_YEARS
    Project.objects.bulk_update(projects, ["last_payment_on", "retention_years"])
    candidates = list(
        Person.objects.filter(participations__project__code=DIGIMESH, user__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:50]
    )
    if candidates:
        ErasureRequest.objects.create(person_id=rng.choice(candidates), scope=ErasureRequest.Scope.OPTIONAL)
