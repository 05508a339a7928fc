"""Demo employers: DiGIMESH's company-cooperation log (WP3: employers' needs for international talent and
the ways agreed to meet it), and Talent Boost's Hidden Gems employers in Tampere with internships and
introductions in every state (waiting, approved, declined, interviewed, started as an outcome).

Deterministic from the seed. Company names are illustrative. Participants of Hidden Gems opt in to be found
by employers (their consent "employers"); one representative log-in, `employer.rep@polku.example` with the
demo password, acts for the first Hidden Gems employer.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib

from django.utils import timezone

from polku.accounts.models import Membership, Role, User
from polku.competences.models import ProfileSkill
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.employers.models import (
    CooperationEntry,
    Employer,
    EmployerRepresentative,
    Introduction,
    NeedLanguage,
    NeedSkill,
    TalentNeed,
)
from polku.esco.models import Label
from polku.organisations.business_ids import expected_check_digit
from polku.organisations.models import Organisation
from polku.outcomes.models import Outcome
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

DIGIMESH, HIDDEN_GEMS = "S22729", "S21787"
REP_EMAIL = "employer.rep@polku.example"
SKILLS = (  # preferred labels of the shipped ESCO v1.1.1
    "Python (computer programming)",
    "use databases",
    "analyse big data",
    "perform data analysis",
    "develop software prototype",
    "customer service",
    "project management",
    "use spreadsheets software",
    "marketing principles",
    "graphic design",
    "laboratory techniques",
    "English",
)
DIGIMESH_COMPANIES = (
    ("Pirkka Software Oy", "Two junior developers with English; Finnish can be learnt on the job."),
    ("Näsi Analytics Oy", "Data analysts for a year-long project; a thesis worker welcome."),
    ("Tammer Logistics Oy", "Warehouse planners; site visit agreed for the participants."),
    ("Hervanta Health Tech Oy", "Regulatory and quality specialists with a health background."),
    ("Lakeside Design Studio", "Graphic and UX designers for short projects."),
    ("Kaleva Energy Oy", "Electrical engineers; wants to meet talent at a company event."),
)
GEMS_COMPANIES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Tampere Biotech Oy", (("Laboratory intern", "internship"), ("Research assistant", "job"))),
    ("Finlayson Digital Oy", (("Software intern", "internship"), ("Data analyst trainee", "work_trial"))),
    ("Pyynikki Marketing Oy", (("Marketing intern", "internship"),)),
)
WAYS = ("event", "internship", "mentoring", "site_visit")


def _skills() -> list[int]:
    rows = Label.objects.filter(
        language="en", preferred__in=SKILLS, concept__kind__in=["skill", "skill-group"]
    )
    return sorted(set(rows.values_list("concept_id", flat=True)))


def _business_id(name: str) -> str:
    """A valid Finnish business ID decided by the company's name (the same on every run)."""
    base = 3_100_000 + zlib.crc32(name.encode()) % 800_000
    for number in range(base, base + 20):
        check = expected_check_digit("FI", f"{number:07d}0")
        if check is not None:
            return f"{number:07d}-{check}"
    raise ValueError(name)


def _company(name: str) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=name,
        defaults={"kind": Organisation.Kind.COMPANY, "country": "FI", "business_id": _business_id(name)},
    )
    return organisation


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _need(
    employer: Employer,
    title: str,
    kind: str,
    status: str,
    opened: dt.date,
    skills: list[int],
    rng: random.Random,
) -> TalentNeed:
    need = TalentNeed.objects.create(
        employer=employer,
        kind=kind,
        title=title,
        description=f"{title} at {employer.organisation.name}. English at work; Finnish is a plus.",
        mode=rng.choice(["on_site", "hybrid", "remote"]),
        location="Tampere",
        openings=rng.choice([1, 1, 2]),
        status=status,
        opened_at=_aware(opened) if status != TalentNeed.Status.DRAFT else None,
        filled_at=_aware(opened + dt.timedelta(days=40)) if status == TalentNeed.Status.FILLED else None,
    )
    for index, skill_id in enumerate(rng.sample(skills, k=min(4, len(skills)))):
        NeedSkill.objects.create(
            need=need, skill_id=skill_id, required=index < 2, status=NeedSkill.Status.CONFIRMED
        )
    NeedLanguage.objects.create(need=need, language="en", level="B2")
    if rng.random() < 0.5:
        NeedLanguage.objects.create(need=need, language="fi", level="A2")
    return need


def _digimesh(rng: random.Random, skills: list[int]) -> None:
    project = Project.objects.filter(code=DIGIMESH).first()
    partners = list(Partner.objects.filter(project=project).order_by("pk")) if project else []
    if project is None or not partners:
        return
    for index, (name, needs_text) in enumerate(DIGIMESH_COMPANIES):
        partner = partners[index % len(partners)]
        employer = Employer.objects.create(project=project, partner=partner, organisation=_company(name))
        start = project.starts_on + dt.timedelta(days=60 + 45 * index)
        for visit in range(rng.randint(1, 3)):
            day = start + dt.timedelta(days=70 * visit)
            CooperationEntry.objects.create(
                employer=employer,
                partner=partner,
                kind=rng.choice(["contact", "meeting", "meeting", "event", "site_visit"]),
                happened_on=day,
                summary="Talked about recruiting international talent and the project's participants.",
                needs_identified=needs_text if visit == 0 else "",
                ways=sorted(rng.sample(WAYS, k=rng.randint(1, 2))),
                follow_up_on=day + dt.timedelta(days=30),
                follow_up_done_at=_aware(day + dt.timedelta(days=28)) if visit < 2 else None,
            )
        if skills:
            status = rng.choice([TalentNeed.Status.OPEN, TalentNeed.Status.FILLED, TalentNeed.Status.CLOSED])
            _need(employer, needs_text.split(";")[0].split(" with ")[0], "job", status, start, skills, rng)


def _representative(employer: Employer) -> None:
    template = User.objects.filter(is_superuser=True).order_by("pk").first()
    user, _ = User.objects.get_or_create(
        email=REP_EMAIL,
        defaults={"full_name": "Erja Employer", "password": template.password if template else "!"},
    )
    Membership.objects.get_or_create(
        user=user, role=Role.EMPLOYER, project=employer.project, partner=employer.partner
    )
    EmployerRepresentative.objects.get_or_create(
        user=user, project=employer.project, defaults={"employer": employer}
    )


def _hidden_gems(rng: random.Random, skills: list[int]) -> None:
    project = Project.objects.filter(code=HIDDEN_GEMS).first()
    partners = list(Partner.objects.filter(project=project).order_by("pk")) if project else []
    if project is None or not partners or not skills:
        return
    participations = list(
        Participation.objects.filter(project=project).select_related("person").order_by("pk")[:40]
    )
    notice = PrivacyNotice.objects.filter(project=project).order_by("-version").first()
    candidates = []
    for participation in participations[: len(participations) * 2 // 3]:
        if notice is None:
            break
        Consent.objects.get_or_create(
            person=participation.person,
            project=project,
            purpose=Purpose.EMPLOYERS,
            withdrawn_at=None,
            defaults={"notice": notice, "given_at": _aware(participation.entry_date)},
        )
        for skill_id in rng.sample(skills, k=min(3, len(skills))):
            ProfileSkill.objects.get_or_create(
                person=participation.person,
                skill_id=skill_id,
                defaults={"status": ProfileSkill.Status.CONFIRMED},
            )
        candidates.append(participation)
    states = ["proposed", "approved", "declined", "interviewed", "started", "approved", "proposed"]
    pool = list(candidates)
    rng.shuffle(pool)
    for index, (name, needs) in enumerate(GEMS_COMPANIES):
        partner = partners[index % len(partners)]
        employer = Employer.objects.create(project=project, partner=partner, organisation=_company(name))
        if index == 0:
            _representative(employer)
        opened = project.starts_on + dt.timedelta(days=120 + 30 * index)
        CooperationEntry.objects.create(
            employer=employer,
            partner=partner,
            kind="meeting",
            happened_on=opened - dt.timedelta(days=14),
            needs_identified="Internships for international talent",
            ways=["internship", "event"],
        )
        for title, kind in needs:
            need = _need(employer, title, kind, TalentNeed.Status.OPEN, opened, skills, rng)
            for state in states[:3] if kind != "internship" else states:
                if not pool:
                    break
                participation = pool.pop()
                _introduction(need, participation, state, opened + dt.timedelta(days=20), rng)


def _introduction(
    need: TalentNeed, participation: Participation, state: str, day: dt.date, rng: random.Random
) -> None:
    status = {"interviewed": "approved", "started": "approved"}.get(state, state)
    intro = Introduction.objects.create(
        need=need,
        employer=need.employer,
        participation=participation,
        status=status,
        proposed_side=rng.choice(["coordinator", "employer"]),
        decided_at=_aware(day + dt.timedelta(days=3)) if status != "proposed" else None,
        interview_on=day + dt.timedelta(days=10) if state in ("interviewed", "started") else None,
        result="offered" if state == "started" else "",
    )
    if state == "started":
        started = max(day + dt.timedelta(days=30), participation.entry_date)
        outcome = Outcome.objects.create(
            participation=participation,
            kind=Outcome.Kind.JOB if need.kind == "job" else Outcome.Kind.INTERNSHIP_STARTED,
            date=started,
            source="coordinator",
            description=f"{need.title} – {need.employer.organisation.name}",
        )
        intro.started_on = started
        intro.outcome = outcome
        intro.save(update_fields=["started_on", "outcome"])


def populate(*, seed: int) -> None:
    rng = random.Random(f"{seed}-employers")
    skills = _skills()
    _digimesh(rng, skills)
    _hidden_gems(rng, skills)
