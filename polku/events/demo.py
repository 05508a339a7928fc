"""Demo events: Crossing Borders' networking dinners (6 per country) with the migrant entrepreneurs who told
their story, who registered and who came; the coordinators' quarterly reflection meetings with their minutes;
and, relative to today, an upcoming DiGIMESH info session with a waitlist (Oksana waits) and a DiGIMESH
online networking event with rounds (Oksana is registered), and a Talent Boost company event where
companies meet international talent in 1:1 meetings."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import Role, User
from polku.activities.models import Activity, ActivityEnrolment
from polku.events.models import (
    Event,
    Intent,
    MatchProfile,
    Meeting,
    MeetingMember,
    MeetingRequest,
    MeetingSlot,
    Question,
    Registration,
    Speaker,
)
from polku.events.services import meetings, rounds
from polku.knowledge.models import EvaluationNote
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

CROSSING = "2019-1-DK01-KA204-060277"
DIGIMESH = "S22729"
TALENT = "A73370"
ZONES = {"SE": "Europe/Stockholm", "FI": "Europe/Helsinki", "NO": "Europe/Oslo"}
STORIES = (
    (
        "Leila Ahmadi",
        "Leila's Kitchen",
        "Came from Iran in 2009, cooked for friends, and opened a lunch restaurant in 2014.",
    ),
    ("Juan Pérez", "Pérez Renovations", "Started as a carpenter's helper and now employs eight people."),
    (
        "Nadia Haddad",
        "Haddad Design",
        "An architect who could not get her degree recognised and started a design studio.",
    ),
    (
        "Samuel Okoro",
        "Okoro IT Services",
        "Turned weekend computer repairs into an IT company for small firms.",
    ),
    (
        "Mei Chen",
        "Tea House Mei",
        "Imports tea from her home province and sells to cafés in three countries.",
    ),
    ("Ahmed Yusuf", "Yusuf Transport", "Bought an existing moving company when its founder retired."),
)
ORGANISER = Access(user_id=None, is_admin=True)  # the demo sets events up as a platform admin would
DEMO_AFTER = True  # the reflection meetings link the knowledge demo's minutes
TITLES = {
    "fi": "Yrittäjien verkostoitumisillallinen",
    "sv": "Nätverksmiddag för företagare",
    "en": "Entrepreneurship Networking Dinner",
}


def populate(*, seed: int) -> None:
    rng = random.Random(seed + 12)
    _dinners(rng)
    _reflection_meetings()
    now = timezone.now()
    _info_session(rng, now)
    _online_event(rng, now)
    _company_event(rng, now)


def _dinners(rng: random.Random) -> None:
    activities = list(
        Activity.objects.filter(project__code=CROSSING, kind=Activity.Kind.EVENT)
        .select_related("partner__organisation")
        .order_by("partner_id", "starts_on", "pk")
    )
    for activity in activities:
        if activity.starts_on is None:
            continue
        zone = ZoneInfo(ZONES.get(activity.partner.country if activity.partner else "", "Europe/Helsinki"))
        start = dt.datetime.combine(activity.starts_on, dt.time(18, 0), tzinfo=zone)
        number, city = activity.name.split(" ")[3], activity.name.split("–")[-1].strip()
        event = Event.objects.create(
            activity=activity,
            kind=Event.Kind.NETWORKING_DINNER,
            status=Event.Status.PUBLISHED,
            title_en=activity.name,
            title_fi=f"{TITLES['fi']} {number} – {city}",
            title_sv=f"{TITLES['sv']} {number} – {city}",
            description_en="An established migrant entrepreneur tells their story; then dinner and networking.",
            description_fi="Kokenut maahanmuuttajayrittäjä kertoo tarinansa, sitten illallinen ja verkostoitumista.",
            description_sv="En erfaren företagare med invandrarbakgrund berättar sin historia; sedan middag och nätverkande.",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            time_zone=str(zone),
            venue=f"Restaurant by the harbour, {city}",
            capacity=30,
            audience=Event.Audience.PARTNER,
            reminder_hours=[48, 2],
        )
        name, company, story = rng.choice(STORIES)
        Speaker.objects.create(event=event, name=name, organisation=company, story=story)
        Question.objects.create(
            event=event,
            kind=Question.Kind.DIETARY,
            text_en="Do you have dietary needs?",
            text_fi="Onko sinulla erityisruokavalio?",
            text_sv="Har du särskilda matbehov?",
        )
        came = list(
            ActivityEnrolment.objects.filter(activity=activity).values_list("participation_id", flat=True)
        )
        others = list(
            Participation.objects.filter(partner=activity.partner)
            .exclude(pk__in=came)
            .values_list("pk", flat=True)[:4]
        )
        rows = [
            Registration(
                event=event,
                participation_id=pk,
                attendance=Registration.Attendance.ATTENDED,
                checked_in_at=start,
            )
            for pk in came
        ]
        rows += [
            Registration(
                event=event,
                participation_id=pk,
                status=Registration.Status.CANCELLED if n == 0 else Registration.Status.CONFIRMED,
                attendance="" if n == 0 else Registration.Attendance.NO_SHOW,
                cancelled_at=start - dt.timedelta(hours=5) if n == 0 else None,
                late_cancellation=n == 0,
            )
            for n, pk in enumerate(others[: rng.randint(1, 3)])
        ]
        Registration.objects.bulk_create(rows)


def _reflection_meetings() -> None:
    project = Project.objects.filter(code=CROSSING).first()
    if project is None:
        return
    lead_partner = Partner.objects.filter(project=project, is_lead=True).first()
    if lead_partner is None:
        return
    coordinators = list(
        User.objects.filter(memberships__project=project, memberships__role=Role.COORDINATOR).distinct()
    )
    notes = EvaluationNote.objects.filter(project=project, kind=EvaluationNote.Kind.REFLECTION).order_by(
        "date"
    )
    for number, note in enumerate(notes, start=1):
        start = dt.datetime.combine(note.date, dt.time(10, 0), tzinfo=ZoneInfo("Europe/Copenhagen"))
        activity = Activity.objects.create(
            project=project,
            partner=lead_partner,
            kind=Activity.Kind.EVENT,
            name=f"Quarterly reflection meeting {number}",
            starts_on=note.date,
            ends_on=note.date,
        )
        event = Event.objects.create(
            activity=activity,
            kind=Event.Kind.REFLECTION,
            status=Event.Status.PUBLISHED,
            title_en=f"Quarterly reflection meeting {number}",
            title_fi=f"Neljännesvuoden reflektiotapaaminen {number}",
            title_sv=f"Kvartalets reflektionsmöte {number}",
            description_en="The coordinators of Sweden, Finland and Norway look back on the quarter.",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            time_zone="Europe/Copenhagen",
            online_url="https://meet.example.org/crossing-borders",
            audience=Event.Audience.STAFF,
            evaluation_note=note,
        )
        Registration.objects.bulk_create(
            Registration(
                event=event, user=user, attendance=Registration.Attendance.ATTENDED, checked_in_at=start
            )
            for user in coordinators
        )


def _upcoming(
    code: str, org_city: str | None, kind: str, days: int, hour: int, name: str, **fields
) -> Event | None:
    project = Project.objects.filter(code=code).first()
    if project is None:
        return None
    partners = (
        Partner.objects.filter(project=project).select_related("organisation").order_by("-is_lead", "pk")
    )
    partner = partners.first()
    if partner is None:
        return None
    zone = ZoneInfo("Europe/Helsinki")
    day = timezone.localdate() + dt.timedelta(days=days)
    start = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=zone)
    activity = Activity.objects.create(
        project=project, partner=partner, kind=Activity.Kind.EVENT, name=name, starts_on=day, ends_on=day
    )
    return Event.objects.create(
        activity=activity,
        kind=kind,
        status=Event.Status.PUBLISHED,
        title_en=name,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        time_zone="Europe/Helsinki",
        registration_closes_at=start - dt.timedelta(hours=2),
        reminder_hours=[48, 2],
        **fields,
    )


def _people(code: str, email: str, count: int) -> list[Participation]:
    """Active participations of the project, the demo log-in's own first."""
    rows = list(
        Participation.objects.filter(project__code=code, exit_date__isnull=True)
        .select_related("person")
        .order_by("pk")[: count * 3]
    )
    rows.sort(key=lambda p: p.person.email != email)
    return rows[:count]


def _info_session(rng: random.Random, now: dt.datetime) -> None:
    event = _upcoming(
        DIGIMESH,
        None,
        Event.Kind.INFO,
        9,
        16,
        "Info session: starting a company in Finland",
        title_fi="Infotilaisuus: yrityksen perustaminen Suomessa",
        title_sv="Infomöte: att starta företag i Finland",
        description_en="How to register a company, taxes and the start-up grant. Questions welcome.",
        description_fi="Miten yritys rekisteröidään, verotus ja starttiraha. Kysymykset ovat tervetulleita.",
        venue="Tampere University of Applied Sciences, main hall",
        capacity=12,
        audience=Event.Audience.PROJECT,
    )
    if event is None:
        return
    people = _people(DIGIMESH, "oksana.melnyk@polku.example", 15)
    people.append(people.pop(0))  # Oksana registered last: she is on the waitlist
    Registration.objects.bulk_create(
        Registration(
            event=event,
            participation=p,
            status=Registration.Status.CONFIRMED if n < 12 else Registration.Status.WAITING,
        )
        for n, p in enumerate(people)
    )


def _online_event(rng: random.Random, now: dt.datetime) -> None:
    event = _upcoming(
        DIGIMESH,
        None,
        Event.Kind.ONLINE,
        5,
        15,
        "Digital networking: meet five new people",
        title_fi="Digitaalinen verkostoituminen: tapaa viisi uutta ihmistä",
        title_sv="Digitalt nätverkande: träffa fem nya personer",
        description_en="Three short rounds in small breakout groups; nobody meets the same person twice.",
        description_fi="Kolme lyhyttä kierrosta pienryhmissä; kukaan ei tapaa samaa ihmistä kahdesti.",
        audience=Event.Audience.PROJECT,
        round_count=3,
        round_group_size=4,
        round_minutes=12,
        round_share_language=True,
    )
    if event is None:
        return
    Registration.objects.bulk_create(
        Registration(event=event, participation=p)
        for p in _people(DIGIMESH, "oksana.melnyk@polku.example", 18)
    )
    rounds.rounds_plan(access=ORGANISER, event=event)  # planned; the organiser publishes each round live


def _company_event(rng: random.Random, now: dt.datetime) -> None:
    event = _upcoming(
        TALENT,
        None,
        Event.Kind.COMPANY,
        12,
        13,
        "Talent meets companies: 1:1 meetings",
        title_fi="Osaajat ja yritykset kohtaavat: kahdenkeskiset tapaamiset",
        title_sv="Talanger möter företag: möten på tu man hand",
        description_en="Companies looking for international talent meet candidates in 15-minute meetings.",
        venue="Technopolis, Oulu",
        capacity=60,
        audience=Event.Audience.PUBLIC,
        matchmaking=True,
        meeting_tables=8,
        max_requests=6,
    )
    if event is None:
        return
    MeetingSlot.objects.bulk_create(
        MeetingSlot(
            event=event,
            starts_at=event.starts_at + dt.timedelta(minutes=20 * n),
            ends_at=event.starts_at + dt.timedelta(minutes=20 * n + 15),
        )
        for n in range(6)
    )
    Registration.objects.bulk_create(
        [Registration(event=event, participation=p) for p in _people(TALENT, "", 20)]
        + [
            Registration(event=event, guest_name=name, guest_email=email)
            for name, email in (
                ("Riikka Lehto (Nordic Robotics)", "riikka@nordicrobotics.example"),
                ("Omar Farah (Arctic Games)", "omar@arcticgames.example"),
                ("Sanna Virtanen (Oulu Health Tech)", "sanna@ouluhealth.example"),
            )
        ]
    )
    _meetings(rng, event)


def _meetings(rng: random.Random, event: Event) -> None:
    """Talents look for employers, companies for talent: profiles, accepted requests (one declined), the
    companies' must-meet meetings, scheduled by the engine and published."""
    slots = list(event.meeting_slots.all())
    talents = list(event.registrations.filter(participation__isnull=False).order_by("pk"))
    companies = list(event.registrations.filter(guest_email__gt="").order_by("pk"))
    for registration in talents:
        profile = MatchProfile.objects.create(
            registration=registration,
            looking_for=[Intent.EMPLOYER, rng.choice([Intent.MENTOR, Intent.PEER])],
            offering=[Intent.PEER],
            industries=rng.choice(["Software", "Health technology", "Games", "Manufacturing"]),
        )
        profile.available.set(rng.sample(slots, k=rng.randint(3, len(slots))))
    for registration in companies:
        profile = MatchProfile.objects.create(
            registration=registration,
            looking_for=[Intent.EMPLOYER],
            offering=[Intent.EMPLOYER, Intent.EXPERT],
        )
        profile.available.set(slots)
    for n, talent in enumerate(talents[:14]):
        company = companies[n % len(companies)]
        accepted = n != 3
        request = MeetingRequest.objects.create(
            event=event,
            sender=talent,
            recipient=company,
            message="I would like to hear about your open positions.",
            status=MeetingRequest.Status.ACCEPTED if accepted else MeetingRequest.Status.DECLINED,
            answered_at=event.created_at,
        )
        if accepted:
            meeting = Meeting.objects.create(event=event, request=request, priority=1)
            MeetingMember.objects.bulk_create(
                [
                    MeetingMember(meeting=meeting, registration=talent),
                    MeetingMember(meeting=meeting, registration=company),
                ]
            )
    for talent in talents[14:17]:  # the organiser's must-meet: a company that sponsors the event
        meetings.must_meet_create(
            access=ORGANISER, event=event, registration_ids=[companies[0].pk, talent.pk]
        )
    meetings.schedule_run(access=ORGANISER, event=event)
    # Published without the e-mails the organiser's publishing sends (demo addresses receive nothing).
    event.meetings.filter(status=Meeting.Status.PLACED).update(status=Meeting.Status.PUBLISHED)
