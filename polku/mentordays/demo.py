"""Demo mentor days: Crossing Borders' 10 monthly mentor days per country, two experts each, slots,
bookings (attended or not; the days are in the project's past), and a waitlist that moved up."""

from __future__ import annotations

import datetime as dt
import random

from polku.activities.models import Activity, ActivityEnrolment
from polku.mentordays.models import Booking, Expert, MentorDay, Slot, WaitlistEntry
from polku.participants.models import Participation

CROSSING = "2019-1-DK01-KA204-060277"
ZONES = {"SE": "Europe/Stockholm", "FI": "Europe/Helsinki", "NO": "Europe/Oslo"}
LANGUAGES = {"SE": ["sv", "en"], "FI": ["fi", "en"], "NO": ["nb", "en"]}
EXPERTS = (
    ("Amal Haddad", "Business plans and pricing", ["en", "ar"]),
    ("Lars Nilsson", "Company registration, taxes and bookkeeping", ["sv", "en"]),
    ("Päivi Korhonen", "Funding, grants and start-up money", ["fi", "en"]),
    ("Tomasz Wójcik", "Marketing and first customers", ["en", "pl"]),
    ("Ingrid Berg", "Legal forms and contracts", ["nb", "en"]),
    ("Kwame Mensah", "Networks and mentoring for migrant founders", ["en", "fr"]),
)
SLOT = dt.timedelta(minutes=30)


def populate(*, seed: int) -> None:
    rng = random.Random(seed + 4)
    activities = list(
        Activity.objects.filter(
            project__code=CROSSING, kind=Activity.Kind.MENTORING, name__startswith="Mentor day"
        )
        .select_related("partner")
        .order_by("partner_id", "starts_on", "pk")
    )
    if not activities:
        return
    days = MentorDay.objects.bulk_create(
        MentorDay(
            activity=a,
            date=a.starts_on,
            starts_at=dt.time(13, 0),
            ends_at=dt.time(15, 0),
            time_zone=ZONES.get(a.partner.country if a.partner else "", "Europe/Helsinki"),
            place=f"{a.name.split('–')[-1].strip()} library, meeting room 2",
            languages=LANGUAGES.get(a.partner.country if a.partner else "", ["en"]),
            description="Two experts in entrepreneurship give 30-minute guidance sessions.",
            status=MentorDay.Status.OPEN,
        )
        for a in activities
        if a.starts_on is not None
    )
    experts: list[Expert] = []
    for day in days:
        for name, topics, languages in rng.sample(EXPERTS, 2):
            experts.append(
                Expert(
                    mentor_day=day,
                    name=name,
                    email=f"{name.split()[0].lower()}@experts.example",
                    topics=topics,
                    languages=languages,
                )
            )
    experts = Expert.objects.bulk_create(experts)
    slots = Slot.objects.bulk_create(
        Slot(
            mentor_day=e.mentor_day,
            expert=e,
            starts_at=e.mentor_day.start + n * SLOT,
            ends_at=e.mentor_day.start + (n + 1) * SLOT,
        )
        for e in experts
        for n in range(4)
    )
    people: dict[int, list[Participation]] = {}
    for participation in Participation.objects.filter(project__code=CROSSING).order_by("pk"):
        people.setdefault(participation.partner_id, []).append(participation)
    bookings: list[Booking] = []
    waiting: list[tuple[MentorDay, Participation]] = []
    by_day: dict[int, list[Slot]] = {}
    for slot in slots:
        by_day.setdefault(slot.mentor_day_id, []).append(slot)
    for day in days:
        pool = [p for p in people.get(day.activity.partner_id or 0, []) if p.entry_date <= day.date]
        if not pool:
            continue
        chosen = rng.sample(pool, min(len(pool), rng.randint(4, 9)))
        for slot, participation in zip(by_day[day.pk], chosen, strict=False):
            status = Booking.Status.ATTENDED if rng.random() < 0.85 else Booking.Status.NO_SHOW
            bookings.append(
                Booking(slot=slot, participation=participation, status=status, topic=rng.choice(TOPICS))
            )
        waiting += [(day, p) for p in chosen[len(by_day[day.pk]) :]]
    Booking.objects.bulk_create(bookings)
    ActivityEnrolment.objects.bulk_create(
        [
            ActivityEnrolment(
                activity_id=b.slot.mentor_day.activity_id,
                participation=b.participation,
                enrolled_on=b.slot.mentor_day.date,
            )
            for b in bookings
            if b.status == Booking.Status.ATTENDED
        ],
        ignore_conflicts=True,
    )
    # Those who did not fit waited; the day passed without a cancellation, so their places lapsed.
    WaitlistEntry.objects.bulk_create(
        WaitlistEntry(
            mentor_day=day, participation=p, status=WaitlistEntry.Status.CANCELLED, topic=rng.choice(TOPICS)
        )
        for day, p in waiting
    )


TOPICS = (
    "Is my business idea viable?",
    "How do I register a company here?",
    "Pricing my services",
    "Finding the first customers",
    "Start-up grant application",
    "",
)
