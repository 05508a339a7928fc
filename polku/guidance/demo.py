"""Demo guidance: DigiPoint's social and individual support in the Digitalents communities and DiGIMESH's
career guidance, as one-to-one sessions held by the partners' coordinators, with the next steps agreed.

Deterministic from the seed, within each project's period (and before DEMO_TODAY). Oksana Melnyk (the
DiGIMESH demo participant) also has a session a few days before today with steps due in the coming days,
so her page and her coordinator's home page show what is open now. Two targets count the sessions.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.utils import timezone

from polku.accounts.models import Membership, Role
from polku.activities.models import Target
from polku.guidance.models import Channel, GuidanceSession, Kind, NextStep, Topic
from polku.participants.models import Participation
from polku.projects.models import Project, WorkPackage

DIGIPOINT, DIGIMESH = "S21876", "S22729"
DEMO_TODAY = dt.date(2024, 3, 15)
HELSINKI = ZoneInfo("Europe/Helsinki")
SHOWCASE = "oksana.melnyk@polku.example"
SHARE = {DIGIPOINT: 0.45, DIGIMESH: 0.35}  # of the participations, those who had guidance
KIND_WEIGHTS: dict[str, dict[str, int]] = {
    DIGIPOINT: {Kind.CAREER: 35, Kind.STUDY: 30, Kind.SOCIAL: 30, Kind.ENTREPRENEURSHIP: 5},
    DIGIMESH: {Kind.CAREER: 55, Kind.STUDY: 10, Kind.SOCIAL: 15, Kind.ENTREPRENEURSHIP: 20},
}
TOPICS: dict[str, tuple[str, ...]] = {
    Kind.CAREER: (Topic.JOB_SEARCH, Topic.CV, Topic.NETWORKING, Topic.RECOGNITION, Topic.DIGITAL),
    Kind.STUDY: (Topic.STUDIES, Topic.LANGUAGE, Topic.RECOGNITION, Topic.FUNDING),
    Kind.SOCIAL: (Topic.EVERYDAY, Topic.WELLBEING, Topic.LANGUAGE, Topic.FUNDING),
    Kind.ENTREPRENEURSHIP: (Topic.BUSINESS_IDEA, Topic.FUNDING, Topic.NETWORKING),
}
STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    Kind.CAREER: (
        ("participant", "Update the CV with the project work and send it to the coordinator"),
        ("participant", "Apply for two of the jobs found together"),
        ("participant", "Ask a former colleague for a recommendation on LinkedIn"),
        ("staff", "Send information about the recognition of the degree"),
        ("staff", "Introduce the participant to an employer contact"),
    ),
    Kind.STUDY: (
        ("participant", "Read the path studies' course descriptions and choose two"),
        ("participant", "Sign up for the Finnish course at level A2"),
        ("staff", "Check whether the earlier studies can be credited"),
    ),
    Kind.SOCIAL: (
        ("participant", "Come to the next community meeting"),
        ("participant", "Book a time with the social counsellor of the city"),
        ("staff", "Find out about the support for the study period"),
    ),
    Kind.ENTREPRENEURSHIP: (
        ("participant", "Write the business idea on one page"),
        ("participant", "Book a meeting with the regional business advisers"),
        ("staff", "Send the dates of the next start-up course"),
    ),
}
NOTES = (
    "Motivated; the main worry is the language requirement of the jobs in the field.",
    "Talked through the options after the course. Prefers studies that can be done while working.",
    "Things at home are difficult at the moment; we agreed to meet again soon.",
    "Good progress since last time: two interviews booked.",
    "Needs more information before deciding. Follow up by phone.",
    "",
)


def _coordinators() -> dict[int, int]:
    """A coordinator of each partner (the first by e-mail), partner id → user id; the demo has log-ins for
    some partners only, and the sessions of the others name nobody as "met by"."""
    found: dict[int, int] = {}
    for partner_id, user_id in (
        Membership.objects.filter(role=Role.COORDINATOR, project__code__in=SHARE)
        .order_by("user__email")
        .values_list("partner_id", "user_id")
    ):
        found.setdefault(partner_id, user_id)
    return found


def _steps(
    session: GuidanceSession, kind: str, rng: random.Random, *, done_before: dt.date
) -> list[NextStep]:
    steps = []
    for owner, text in rng.sample(STEPS[kind], k=min(len(STEPS[kind]), rng.randint(1, 3))):
        due = session.held_on + dt.timedelta(days=rng.choice((7, 14, 21, 30)))
        done_at = None
        if due <= done_before and rng.random() < 0.75:
            done_on = due - dt.timedelta(days=rng.randint(0, 6))
            done_at = dt.datetime.combine(max(done_on, session.held_on), dt.time(15), tzinfo=HELSINKI)
        steps.append(NextStep(session=session, text=text, due_on=due, owner=owner, done_at=done_at))
    return steps


def _session(
    participation: Participation, day: dt.date, staff_id: int | None, kind: str, rng: random.Random
) -> GuidanceSession:
    return GuidanceSession(
        participation=participation,
        staff_id=staff_id,
        held_on=day,
        starts_at=dt.time(rng.choice((9, 10, 12, 13, 14, 15)), rng.choice((0, 30))),
        duration_minutes=rng.choice((30, 45, 45, 60, 60, 60, 90)),
        channel=rng.choices(list(Channel), weights=(55, 15, 30))[0],
        kind=kind,
        topics=sorted(rng.sample(TOPICS[kind], k=rng.randint(1, 2))),
        notes=rng.choice(NOTES),
    )


RECENT_NOTES = "Wants to move from teaching to instructional design; the portfolio is the next step."
RECENT_STEPS = (  # (owner, text, due after the session in days)
    ("participant", "Collect three work samples into a portfolio", 7),
    ("participant", "Join the DiGIMESH online networking event", 12),
    ("staff", "Send contacts of two instructional designers", 5),
)


def populate(*, seed: int) -> None:
    coordinators = _coordinators()
    rows = (
        Participation.objects.filter(project__code__in=SHARE)
        .select_related("project", "person")
        .order_by("pk")
    )
    sessions: list[tuple[GuidanceSession, str]] = []
    recent: list[GuidanceSession] = []
    for participation in rows:
        code = participation.project.code
        # one generator per person, so what they get does not depend on the order of the rows
        rng = random.Random(f"{seed}-guidance-{code}-{participation.person.email}")
        staff_id = coordinators.get(participation.partner_id)
        showcase = participation.person.email == SHOWCASE
        if not showcase and rng.random() >= SHARE[code]:
            continue
        ends_on = participation.project.ends_on
        last = min(participation.exit_date or ends_on, ends_on, DEMO_TODAY)
        span = (last - participation.entry_date).days
        if span < 1:
            continue
        weights = KIND_WEIGHTS[code]
        for _ in range(rng.randint(1, 4)):
            kind = rng.choices(list(weights), weights=list(weights.values()))[0]
            day = participation.entry_date + dt.timedelta(days=rng.randint(0, span))
            sessions.append((_session(participation, day, staff_id, kind, rng), kind))
        if showcase:
            held_on = timezone.localdate() - dt.timedelta(days=3)
            session = _session(participation, held_on, staff_id, Kind.CAREER, rng)
            session.notes = RECENT_NOTES
            recent.append(session)
    GuidanceSession.objects.bulk_create([s for s, _ in sessions] + recent, batch_size=2000)
    steps: list[NextStep] = []
    rng = random.Random(seed * 11 + 3)
    for session, kind in sessions:
        steps += _steps(session, kind, rng, done_before=DEMO_TODAY)
    for session in recent:
        steps += [
            NextStep(
                session=session, text=text, owner=owner, due_on=session.held_on + dt.timedelta(days=days)
            )
            for owner, text, days in RECENT_STEPS
        ]
    NextStep.objects.bulk_create(steps, batch_size=2000)
    _targets()


def _targets() -> None:
    """DigiPoint's social support and work counselling (work package 3) and DiGIMESH's career guidance."""
    for code, number, metric, kind, label, value in (
        (
            DIGIPOINT,
            3,
            Target.Metric.GUIDANCE_SESSIONS,
            "",
            "Individual guidance and social support sessions",
            300,
        ),
        (
            DIGIMESH,
            None,
            Target.Metric.GUIDANCE_PARTICIPANTS,
            Kind.CAREER,
            "Participants in individual career guidance",
            40,
        ),
    ):
        project = Project.objects.filter(code=code).first()
        if project is None:
            continue
        work_package = WorkPackage.objects.filter(project=project, number=number).first() if number else None
        Target.objects.create(
            project=project, work_package=work_package, metric=metric, kind=kind, label=label, value=value
        )
