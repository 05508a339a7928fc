"""Demo community: Crossing Borders participants of its Swedish, Finnish and Norwegian partners with directory
profiles (their directory consent given against the project's notice), a few connections across countries,
a pending request and a short conversation. Runs after the other apps' demos (`DEMO_AFTER`), so the
networking dinners they attended give suggestions their reasons."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from polku.accounts.models import User
from polku.community.models import Audience, Connection, Message, Profile, ProfileLanguage, Thread
from polku.competences.models import ProfileSkill
from polku.consent.models import Consent, Purpose
from polku.consent.services import notice_current
from polku.events.models import Intent
from polku.participants.models import Participation

DEMO_AFTER = True
CROSSING = "2019-1-DK01-KA204-060277"
PER_COUNTRY = 4
CITIES = {"SE": "Malmö", "FI": "Helsinki", "NO": "Oslo"}
HOME_LANGUAGE = {"SE": "sv", "FI": "fi", "NO": "nb"}
INTROS = (
    "I run a small catering business and want to sell to offices.",
    "Software developer planning a web shop for handmade goods.",
    "Hairdresser with ten years of experience, opening my own salon.",
    "I import spices and look for shops and restaurants to sell to.",
    "Accountant by training; I help new entrepreneurs with their books.",
    "Photographer building a studio for weddings and companies.",
)
INTENTS = list(Intent.values)
# a participant's demo login shares the demo password of the fixed demo participants (same hash)
PASSWORD_OF = "amina.warsame@polku.example"  # noqa: S105 - an e-mail address, not a password


def populate(*, seed: int) -> None:
    rng = random.Random(seed + 64)
    rows = list(
        Participation.objects.filter(project__code=CROSSING, partner__country__in=list(CITIES))
        .select_related("person", "partner", "project")
        .order_by("partner__country", "pk")
    )
    if not rows:
        return
    project = rows[0].project
    notice = notice_current(project_id=project.pk, language="en")
    if notice is None:
        return
    password = User.objects.filter(email=PASSWORD_OF).values_list("password", flat=True).first() or "!"
    now = timezone.now()
    profiles: dict[str, list[Profile]] = {}
    for row in rows:
        country = row.partner.country
        if len(profiles.get(country, [])) >= PER_COUNTRY:
            continue
        person = row.person
        user = person.user
        if user is None:
            email = person.email or f"community.{person.pk}@polku.example"
            if User.objects.filter(email=email).exists():
                continue
            user = User.objects.create(
                email=email, full_name=person.full_name, password=password, preferred_language="en"
            )
            person.user = user
            person.save(update_fields=["user"])
        offers, looks_for = rng.sample(INTENTS, 1), rng.sample(INTENTS, 2)
        profile = Profile.objects.create(
            user=user,
            person=person,
            project=project,
            partner=row.partner,
            display_name=person.full_name,
            introduction=rng.choice(INTROS),
            introduction_language="en",
            city=CITIES[country],
            country=country,
            offers=offers,
            looks_for=looks_for,
            introduction_audience=Audience.DIRECTORY,
            links_audience=Audience.CONNECTIONS,
            contact_email=person.email,
        )
        profile.set_intent_texts()
        profile.save(update_fields=["offers_text", "looks_for_text"])
        ProfileLanguage.objects.bulk_create(
            [
                ProfileLanguage(profile=profile, language="en", level=rng.choice(["B1", "B2", "C1"])),
                ProfileLanguage(
                    profile=profile, language=HOME_LANGUAGE[country], level=rng.choice(["A2", "B1"])
                ),
            ]
        )
        confirmed = ProfileSkill.objects.filter(person=person, status=ProfileSkill.Status.CONFIRMED)
        profile.skills.set(confirmed.values_list("skill_id", flat=True)[:6])
        if not Consent.objects.filter(
            person=person, project=project, purpose=Purpose.DIRECTORY, withdrawn_at__isnull=True
        ).exists():
            Consent.objects.create(
                person=person,
                project=project,
                purpose=Purpose.DIRECTORY,
                notice=notice,
                given_at=max(
                    notice.published_at, dt.datetime.combine(row.entry_date, dt.time(12), tzinfo=dt.UTC)
                ),
            )  # a date the seed decides, so the demo is the same on every run
        profiles.setdefault(country, []).append(profile)
    _network(profiles, now)


def _network(profiles: dict[str, list[Profile]], now: dt.datetime) -> None:
    se, fi, no = (profiles.get(c, []) for c in ("SE", "FI", "NO"))
    if not (se and fi and no):
        return
    accepted = [(se[0], fi[0]), (fi[0], no[0]), (no[1 % len(no)], se[1 % len(se)])]
    for sender, recipient in accepted:
        Connection.objects.create(
            sender=sender,
            recipient=recipient,
            message="Hi! We met at the dinner – shall we stay in touch?",
            status=Connection.Status.ACCEPTED,
            answered_at=now,
        )
    Connection.objects.create(
        sender=no[0], recipient=se[0], message="I would like to hear about your business."
    )
    a, b = se[0], fi[0]
    first, second = sorted((a, b), key=lambda p: p.pk)
    thread = Thread.objects.create(first=first, second=second, last_message_at=now)
    lines = [
        (a, b, "Thanks for connecting! How is the catering going in Helsinki?"),
        (b, a, "Good, we got our first office customer. Would you like to compare notes next week?"),
        (a, b, "Yes – Tuesday at 10 on video?"),
    ]
    for index, (sender, recipient, text) in enumerate(lines):
        Message.objects.create(
            thread=thread,
            sender=sender,
            recipient=recipient,
            body=text,
            created_at=now - dt.timedelta(hours=len(lines) - index),
            read_at=now if index < len(lines) - 1 else None,
            notified_at=now,
        )
