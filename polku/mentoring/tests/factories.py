"""factory_boy factories of mentoring rows (tests only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from polku.accounts.models import Role
from polku.activities.models import Activity
from polku.mentoring.models import (
    CheckIn,
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
)
from polku.testing import factories as f
from polku.testing.factories import ModelFactory


class MentorProfileFactory(ModelFactory[MentorProfile]):
    class Meta:
        model = MentorProfile

    user = factory.SubFactory(f.UserFactory)
    bio = "Product manager, 15 years in software."
    organisation = "Mentor Oy"
    expertise = factory.LazyFunction(lambda: ["project management", "python"])
    industries = factory.LazyFunction(lambda: ["ICT"])
    languages = factory.LazyFunction(lambda: {"en": "C2", "fi": "native"})
    kinds = factory.LazyFunction(lambda: ["career"])
    capacity = 2


def mentor(partner: Any, *, email: str | None = None, **kwargs: Any) -> MentorProfile:
    """A user with a mentor membership for `partner` and a profile."""
    user = f.UserFactory(**({"email": email} if email else {}))
    f.membership(user, Role.MENTOR, partner=partner)
    return MentorProfileFactory(user=user, **kwargs)


class ProgrammeFactory(ModelFactory[MentoringProgramme]):
    class Meta:
        model = MentoringProgramme

    project = factory.SelfAttribute("partner.project")
    partner = factory.SubFactory(f.PartnerFactory)
    name = factory.Sequence(lambda n: f"Mentoring programme {n}")
    starts_on = dt.date(2025, 1, 1)
    ends_on = dt.date(2027, 12, 31)
    min_language_level = "B1"
    # as programme_create makes it: the programme's activity, of the same partner (none: whole project)
    activity = factory.LazyAttribute(
        lambda o: Activity.objects.create(
            project=o.project,
            partner=o.partner,
            kind=Activity.Kind.MENTORING,
            name=o.name,
            starts_on=o.starts_on,
            ends_on=o.ends_on,
        )
    )


class MenteeRequestFactory(ModelFactory[MenteeRequest]):
    class Meta:
        model = MenteeRequest

    programme = factory.SubFactory(ProgrammeFactory)
    participation = factory.SubFactory(
        f.ParticipationFactory, partner=factory.SelfAttribute("..programme.partner")
    )
    kind = "career"
    skills = factory.LazyFunction(lambda: ["python", "public speaking"])
    industries = factory.LazyFunction(lambda: ["ICT"])


def speaks(participation: Any, **levels: str) -> None:
    from polku.participants.models import LanguageSkill

    for code, level in levels.items():
        LanguageSkill.objects.update_or_create(
            person=participation.person, language=code, defaults={"level": level}
        )


class MentorshipFactory(ModelFactory[Mentorship]):
    class Meta:
        model = Mentorship

    mentee = factory.SubFactory(MenteeRequestFactory)
    programme = factory.SelfAttribute("mentee.programme")
    mentor = factory.SubFactory(MentorProfileFactory)
    origin = Mentorship.Origin.MATCHING
    score = 0.7
    breakdown = factory.LazyFunction(
        lambda: [
            {
                "criterion": "language",
                "weight": 3.0,
                "value": 1.0,
                "contribution": 0.3,
                "matched": ["en"],
                "missing": [],
            },
            {
                "criterion": "skills",
                "weight": 3.0,
                "value": 0.5,
                "contribution": 0.15,
                "matched": ["python"],
                "missing": ["public speaking"],
            },
        ]
    )


def active(**kwargs: Any) -> Mentorship:
    """An active mentorship (both accepted), its seat taken."""
    mentorship = MentorshipFactory(
        status=Mentorship.Status.ACTIVE,
        mentee_response=Mentorship.Response.ACCEPTED,
        mentor_response=Mentorship.Response.ACCEPTED,
        started_on=timezone.localdate() - dt.timedelta(days=10),
        **kwargs,
    )
    MentorProfile.objects.filter(pk=mentorship.mentor_id).update(seats_taken=1)
    return mentorship


def run_with_proposal(
    programme: MentoringProgramme, mentee: MenteeRequest, profile: MentorProfile
) -> Proposal:
    run = MatchingRun.objects.create(programme=programme, summary={"mentees": 1, "mentors": 1, "matched": 1})
    return Proposal.objects.create(
        run=run, mentee=mentee, mentor=profile, score=0.8, breakdown=MentorshipFactory.breakdown.function()
    )


def checkin(mentorship: Mentorship, side: str = "mentee") -> CheckIn:
    return CheckIn.objects.create(mentorship=mentorship, side=side, due_on=timezone.localdate())


def privacy_data(participation: Any, *, text: str = "Amina") -> Mentorship:
    """A mentorship of `participation` as the mentee, with free text everywhere (privacy tests).

    Every text contains `text`, so a test can tell whose data an export or an erasure touched.
    """
    from polku.mentoring.models import Feedback, Goal, Session

    programme = ProgrammeFactory(partner=participation.partner)
    request = MenteeRequestFactory(
        programme=programme, participation=participation, employer=f"{text} Oy", wishes=f"{text} wishes"
    )
    mentorship = active(mentee=request, mentor=mentor(participation.partner))
    Goal.objects.create(mentorship=mentorship, text=f"{text} goal")
    for side in ("mentee", "mentor"):
        Session.objects.create(
            mentorship=mentorship,
            held_on=dt.date(2025, 6, 1),
            topics=f"{text} topics by {side}",
            notes=f"{text} notes by {side}",
            logged_by=side,
        )
        CheckIn.objects.filter(pk=checkin(mentorship, side).pk).update(
            rating=4, text=f"{text} check-in {side}"
        )
        Feedback.objects.create(mentorship=mentorship, side=side, rating=5, text=f"{text} feedback {side}")
    return mentorship
