"""Demo mentoring: a coordinator-matched programme in DuuniPolku (City of Espoo) and a self-service
programme of the whole Crossing Borders project, with mentor log-ins and published and active pairs.

Mentor log-ins use the demo password (their password hash is copied from the foundation's demo mentor).
"""

from __future__ import annotations

import datetime as dt
import random

from allauth.account.models import EmailAddress
from django.db.models import F
from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.activities.services import activity_take_part, activity_update
from polku.mentoring import matchdata
from polku.mentoring.models import (
    Goal,
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
    Session,
)
from polku.mentoring.services import pair_score, programme_create
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

DUUNIPOLKU, CROSSING = "S21307", "2019-1-DK01-KA204-060277"
FOUNDATION_MENTOR = "mentor@polku.example"
SYSTEM = Access(user_id=None, is_admin=True)

# email, name, organisation, expertise, industries, languages, kinds, capacity, project, partner org name
MENTORS = (
    (
        FOUNDATION_MENTOR,
        "Jorge Álvarez",
        "Aalto Startup Center",
        ["business plan", "pitching", "marketing"],
        ["start-ups"],
        {"es": "native", "en": "C2", "fi": "B1"},
        ["entrepreneurship", "sparring"],
        3,
        DUUNIPOLKU,
        "Espoon kaupunki",
    ),
    (
        "mentor.leena@polku.example",
        "Leena Virtanen",
        "Nokia",
        ["software development", "python", "project management"],
        ["ICT"],
        {"fi": "native", "en": "C2", "sv": "B2"},
        ["career"],
        3,
        DUUNIPOLKU,
        "Espoon kaupunki",
    ),
    (
        "mentor.ingrid@polku.example",
        "Ingrid Solberg",
        "Innovasjon Norge",
        ["business plan", "bookkeeping", "funding"],
        ["start-ups", "retail"],
        {"nb": "native", "en": "C1", "sv": "C1"},
        ["entrepreneurship"],
        4,
        CROSSING,
        None,
    ),
    (
        "mentor.omar@polku.example",
        "Omar Haddad",
        "Haddad Catering AB",
        ["customer service", "pricing", "marketing"],
        ["hospitality"],
        {"ar": "native", "sv": "C1", "en": "B2"},
        ["entrepreneurship", "peer"],
        3,
        CROSSING,
        None,
    ),
)
SKILLS = [
    "business plan",
    "pitching",
    "marketing",
    "python",
    "project management",
    "bookkeeping",
    "funding",
    "pricing",
]
INDUSTRIES = ["start-ups", "ICT", "retail", "hospitality"]


def populate(*, seed: int) -> None:
    rng = random.Random(seed * 7 + 4)
    if not Project.objects.filter(code=DUUNIPOLKU).exists():
        return
    template = User.objects.filter(email=FOUNDATION_MENTOR).first()
    password = template.password if template else "!"
    profiles = {}
    for email, name, org, expertise, industries, languages, kinds, capacity, code, partner_name in MENTORS:
        project = Project.objects.filter(code=code).first()
        if project is None:
            continue
        user = User.objects.filter(email=email).first() or User.objects.create(
            email=email, full_name=name, password=password
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        partner = (
            Partner.objects.filter(project=project, organisation__name=partner_name).first()
            if partner_name
            else None
        )
        Membership.objects.get_or_create(user=user, role=Role.MENTOR, project=project, partner=partner)
        profiles[email] = MentorProfile.objects.create(
            user=user,
            bio=f"{name}, {org}.",
            organisation=org,
            expertise=expertise,
            industries=industries,
            languages=languages,
            kinds=kinds,
            capacity=capacity,
            availability=["weekday evenings"],
        )
    espoo = Partner.objects.filter(project__code=DUUNIPOLKU, organisation__name="Espoon kaupunki").first()
    if espoo is not None:
        programme = programme_create(
            access=SYSTEM,
            project=espoo.project,
            partner=espoo,
            name="Espoo mentors and entrepreneurs network",
            description="Mentoring by entrepreneurs and professionals for DuuniPolku participants.",
            starts_on=dt.date(2018, 1, 15),
            ends_on=dt.date(2019, 12, 31),
            weights=dict(matchdata.weights_of(MentoringProgramme())),
        )
        # the programme is the city's work package "Mentoring and Mastermind peer groups"
        package = espoo.project.work_packages.filter(number=2).first()
        if package is not None:
            activity_update(access=SYSTEM, activity=programme.activity, data={"work_package": package})
        _fill(
            rng,
            programme,
            [profiles[e] for e in (FOUNDATION_MENTOR, "mentor.leena@polku.example") if e in profiles],
            Participation.objects.filter(partner=espoo),
            first_email="amina.warsame@polku.example",
        )
    crossing = Project.objects.filter(code=CROSSING).first()
    if crossing is not None:
        programme = programme_create(
            access=SYSTEM,
            project=crossing,
            partner=None,
            name="Crossing Borders mentor circle",
            description="Participants of every country choose a mentor themselves.",
            starts_on=dt.date(2019, 11, 1),
            ends_on=dt.date(2021, 8, 31),
            mode=MentoringProgramme.Mode.SELF_SERVICE,
            weights=dict(matchdata.weights_of(MentoringProgramme())),
        )
        _fill(
            rng,
            programme,
            [
                profiles[e]
                for e in ("mentor.ingrid@polku.example", "mentor.omar@polku.example")
                if e in profiles
            ],
            Participation.objects.filter(project=crossing),
        )


def _fill(
    rng: random.Random,
    programme: MentoringProgramme,
    mentors: list[MentorProfile],
    participations,
    first_email: str = "",
) -> None:
    """Mentees with wishes; the first ones paired (a run published, pairs active or waiting); the mentees of
    active pairs are enrolled in the programme's activity, as accepting a pair does."""
    if not mentors:
        return
    rows = list(participations.select_related("person").order_by("id")[:400])
    chosen = rng.sample(rows, min(10, len(rows)))
    first = next((p for p in rows if p.person.email == first_email), None)
    if first is not None and first not in chosen:
        chosen[0] = first
    elif first is not None:
        chosen.remove(first)
        chosen.insert(0, first)
    kinds = ["career", "entrepreneurship", "sparring"]
    mentees = MenteeRequest.objects.bulk_create(
        [
            MenteeRequest(
                programme=programme,
                participation=p,
                kind=rng.choice(kinds),
                skills=rng.sample(SKILLS, 2),
                industries=[rng.choice(INDUSTRIES)],
                availability=["weekday evenings"],
            )
            for p in chosen
        ]
    )
    run = None
    if programme.mode == MentoringProgramme.Mode.COORDINATOR:
        run = MatchingRun.objects.create(
            programme=programme,
            objective="total",
            summary={"mentees": len(mentees), "mentors": len(mentors)},
            published_at=timezone.now(),
        )
    today = timezone.localdate()
    seats = {m.pk: 0 for m in mentors}
    pairs = 0
    for index, mentee in enumerate(mentees[: 2 * len(mentors)]):
        mentor = mentors[index % len(mentors)]
        if seats[mentor.pk] >= mentor.capacity:
            continue
        score = pair_score(programme=programme, mentee=mentee, mentor=mentor)
        proposal = None
        if run is not None:
            proposal = Proposal.objects.create(
                run=run,
                mentee=mentee,
                mentor=mentor,
                score=round(score.score, 4),
                breakdown=matchdata.breakdown(score),
                status=Proposal.Status.PUBLISHED,
            )
        pending = index == 0 and programme.mode == MentoringProgramme.Mode.COORDINATOR
        started = today - dt.timedelta(days=rng.randint(20, 120))
        mentorship = Mentorship.objects.create(
            programme=programme,
            mentee=mentee,
            mentor=mentor,
            proposal=proposal,
            origin=Mentorship.Origin.MATCHING if run else Mentorship.Origin.REQUEST,
            status=Mentorship.Status.PENDING if pending else Mentorship.Status.ACTIVE,
            mentee_response=Mentorship.Response.WAITING if pending else Mentorship.Response.ACCEPTED,
            mentor_response=Mentorship.Response.WAITING if pending else Mentorship.Response.ACCEPTED,
            score=round(score.score, 4),
            breakdown=matchdata.breakdown(score),
            started_on=None if pending else started,
        )
        seats[mentor.pk] += 1
        pairs += 1
        if not pending:
            activity_take_part(
                actor=None, activity=programme.activity, participation=mentee.participation, on=started
            )
            Goal.objects.create(mentorship=mentorship, text="Clarify my next step")
            Session.objects.bulk_create(
                [
                    Session(
                        mentorship=mentorship,
                        held_on=started + dt.timedelta(days=14 * n + 1),
                        duration_minutes=60,
                        topics=rng.choice(["CV", "business plan", "networking", "pricing"]),
                        logged_by="mentor",
                    )
                    for n in range(rng.randint(0, 3))
                    if started + dt.timedelta(days=14 * n + 1) <= today
                ]
            )
    for mentor in mentors:
        MentorProfile.objects.filter(pk=mentor.pk).update(seats_taken=F("seats_taken") + seats[mentor.pk])
    if run is not None:
        run.summary = {**run.summary, "matched": pairs, "unmatched": len(mentees) - pairs}
        run.save(update_fields=["summary"])
