"""Demo self-assessments on top of the demo's participations (see polku.demo.builder).

Deterministic from the seed. About a third of the participations (at most MAX_PEOPLE) take a DigComp 2.2
self-assessment in their first weeks; most of them take it again three to eight months later, mostly a
level or two higher. Participants of the entrepreneurship programmes take EntreComp too. The demo log-ins
(the participants with a login) always have two DigComp assessments months apart showing progress.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from polku.assessments import frameworks as fw
from polku.assessments.models import Answer, SelfAssessment
from polku.participants.models import Participation

HELSINKI = ZoneInfo("Europe/Helsinki")
SHARE = 0.35
REPEAT_SHARE = 0.75
SKIP_SHARE = 0.08  # of competences left "not assessed"
MAX_PEOPLE = 3000
ENTREPRENEURSHIP_PROJECTS = frozenset({"S21307", "A73290", "2019-1-DK01-KA204-060277"})


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=HELSINKI) + dt.timedelta(minutes=rng.randint(0, 540))


def _levels(framework: fw.Framework, rng: random.Random, base: int) -> dict[str, int | None]:
    levels: dict[str, int | None] = {}
    for c in framework.competences:
        if rng.random() < SKIP_SHARE:
            levels[c.code] = None
        else:
            levels[c.code] = max(1, min(8, base + rng.choice((-1, 0, 0, 1))))
    return levels


def _improved(levels: dict[str, int | None], rng: random.Random) -> dict[str, int | None]:
    return {
        code: None if level is None else max(1, min(8, level + rng.choice((0, 1, 1, 1, 2, -1))))
        for code, level in levels.items()
    }


def populate(*, seed: int) -> None:
    rng = random.Random(seed * 11 + 3)
    rows = list(
        Participation.objects.select_related("project", "person")
        .order_by("pk")
        .only("id", "entry_date", "exit_date", "project__code", "person_id", "person__user_id")
    )
    chosen = [p for p in rows if p.person.user_id is not None or rng.random() < SHARE][:MAX_PEOPLE]
    seen: set[int] = set()
    plans: list[tuple[SelfAssessment, dict[str, int | None]]] = []
    for participation in chosen:
        if participation.person_id in seen:
            continue
        seen.add(participation.person_id)
        login = participation.person.user_id is not None
        frameworks = [fw.framework("digcomp")]
        if participation.project.code in ENTREPRENEURSHIP_PROJECTS:
            frameworks.append(fw.framework("entrecomp"))
        for framework in frameworks:
            first_day = participation.entry_date + dt.timedelta(days=rng.randint(0, 21))
            levels = _levels(framework, rng, base=rng.choice((2, 2, 3, 3, 4, 5)))
            plans.append((_assessment(participation, framework, _at(first_day, rng)), levels))
            if login or rng.random() < REPEAT_SHARE:
                later = first_day + dt.timedelta(days=rng.randint(90, 240))
                if participation.exit_date is not None and not login:
                    later = min(later, participation.exit_date)
                if later > first_day:
                    improved = _improved(levels, rng)
                    if login:  # the demo log-ins always show progress
                        improved = {k: None if v is None else min(8, v + 1) for k, v in levels.items()}
                    plans.append((_assessment(participation, framework, _at(later, rng)), improved))
    created = SelfAssessment.objects.bulk_create([a for a, _levels in plans], batch_size=2000)
    answers = [
        Answer(assessment=assessment, competence=code, level=level)
        for assessment, (_a, levels) in zip(created, plans, strict=True)
        for code, level in levels.items()
    ]
    Answer.objects.bulk_create(answers, batch_size=5000)


def _assessment(
    participation: Participation, framework: fw.Framework, taken_at: dt.datetime
) -> SelfAssessment:
    return SelfAssessment(
        person_id=participation.person_id,
        framework=framework.code,
        framework_version=framework.version,
        taken_at=taken_at,
        source=SelfAssessment.Source.SELF,
        participation=participation,
    )
