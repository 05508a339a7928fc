"""Demo knowledge: DuuniPolku's published good practices, a DiGIMESH handbook page for guidance
professionals, and a Crossing Borders coordinators' quarterly reflection meeting (from the seeds)."""

from __future__ import annotations

import datetime as dt
import random

from polku.accounts.models import Membership, Role, User
from polku.knowledge.models import EvaluationNote, GoodPractice, HandbookPage, Status
from polku.projects.models import Project

DUUNIPOLKU, DIGIMESH, CROSSING = "S21307", "S22729", "2019-1-DK01-KA204-060277"
PUBLISHED = dt.datetime(2020, 2, 14, 10, 0, tzinfo=dt.UTC)

PRACTICES = [
    {
        "slug": "mastermind-peer-groups",
        "title_fi": "Mastermind-ryhmä: monikulttuurinen mentorointi- ja vertaisryhmä",
        "title_en": "Mastermind group: a multicultural mentoring and peer group",
        "problem_fi": "Maahanmuuttajilta, jotka kiinnostuvat yrittäjyydestä, puuttuvat usein verkostot ja "
        "vertaistuki, ja yritysneuvonta tuntuu kaukaiselta.",
        "problem_en": "Immigrants interested in entrepreneurship often lack networks and peer support, and "
        "business advice feels distant.",
        "done_fi": "Espoon kaupunki kokosi yrittäjyydestä ja itsensä kehittämisestä kiinnostuneista "
        "monikulttuurisia ryhmiä, joita mentorit ja yrittäjät tukivat. Ryhmät tapasivat säännöllisesti.",
        "done_en": "The City of Espoo brought together multicultural groups of people interested in "
        "entrepreneurship and self-development, supported by mentors and entrepreneurs. The groups met "
        "regularly.",
        "results_fi": "Osallistujien liiketoiminta- ja yrittäjyysosaaminen vahvistui, ja kaupungin, "
        "oppilaitosten, järjestöjen ja yritysneuvojien välinen verkosto tiivistyi.",
        "results_en": "Participants' business and entrepreneurship skills grew stronger, and the network "
        "between the city, schools, associations and business advisers became closer.",
        "reuse_fi": "- Kokoa 6–10 hengen ryhmä, jossa on eri taustoja\n- Sovi yhteinen työkieli\n"
        "- Kutsu mentori jokaiseen tapaamiseen",
        "reuse_en": "- Form a group of 6–10 people of different backgrounds\n- Agree on a shared working "
        "language\n- Invite a mentor to every meeting",
    },
    {
        "slug": "entrepreneurship-training-for-highly-educated-immigrants",
        "title_fi": "Yrittäjyyden koulutuskokonaisuus korkeakoulutetuille maahanmuuttajille",
        "title_en": "An entrepreneurship training for highly educated immigrants",
        "problem_fi": "Korkeakoulutetuilla maahanmuuttajilla on osaamista ja liikeideoita, mutta ei tietoa "
        "suomalaisesta yrittäjyydestä eikä verkostoja.",
        "problem_en": "Highly educated immigrants have skills and business ideas but lack knowledge of "
        "Finnish entrepreneurship and networks.",
        "done_fi": "Metropolia rakensi koulutuksen, jossa on osaamiskartoitus, henkilökohtainen "
        "oppimissuunnitelma, tarpeen mukainen opetus ja verkostojen rakentaminen.",
        "done_en": "Metropolia built a training with competence mapping, a personal learning plan, the "
        "teaching the plan calls for, and network building.",
        "results_fi": "Osa opiskelijoista perusti yrityksen heti; osa jatkoi liikeidean kehittämistä.",
        "results_en": "Some students founded a company at once; others went on refining their idea first.",
        "reuse_fi": "Aloita osaamiskartoituksesta ja anna jokaisen oppimissuunnitelman ohjata opetusta.",
        "reuse_en": "Start with competence mapping and let each learning plan decide the teaching.",
    },
]

HANDBOOK = {
    "slug": "digital-networking-for-guidance-professionals",
    "kind": HandbookPage.Kind.HANDBOOK,
    "title_fi": "Digitaalinen verkostoituminen: opas ohjaaville ammattilaisille",
    "title_en": "Digital networking: a handbook for guidance professionals",
    "body_fi": "# Ennen tapahtumaa\n\n- Auta asiakasta viimeistelemään profiilinsa\n- Harjoitelkaa lyhyt "
    "esittely\n\n# Tapahtumassa\n\nKannusta ottamaan yhteyttä kahteen ihmiseen ja sopimaan jatkotapaaminen.",
    "body_en": "# Before the event\n\n- Help your client finish their profile\n- Practise a short "
    "introduction\n\n# At the event\n\nEncourage contacting two people and agreeing on a follow-up meeting.",
}


def _lead(project: Project) -> User | None:
    membership = (
        Membership.objects.filter(project=project, role=Role.PROJECT_LEAD).select_related("user").first()
    )
    return membership.user if membership else None


def populate(*, seed: int) -> None:
    rng = random.Random(seed)
    projects = {p.code: p for p in Project.objects.filter(code__in=[DUUNIPOLKU, DIGIMESH, CROSSING])}
    duunipolku = projects.get(DUUNIPOLKU)
    GoodPractice.objects.bulk_create(
        GoodPractice(
            project=duunipolku,
            status=Status.PUBLISHED,
            published_at=PUBLISHED,
            author=_lead(duunipolku) if duunipolku else None,
            **practice,
        )
        for practice in PRACTICES
    )
    digimesh = projects.get(DIGIMESH)
    HandbookPage.objects.create(
        project=digimesh, status=Status.PUBLISHED, author=_lead(digimesh) if digimesh else None, **HANDBOOK
    )
    crossing = projects.get(CROSSING)
    if crossing is None:
        return
    lead = _lead(crossing)
    partners = list(crossing.partners.select_related("organisation"))
    coordinators = list(
        User.objects.filter(memberships__project=crossing, memberships__role=Role.COORDINATOR).distinct()
    )
    quarter_ends = [dt.date(2020, 6, 30), dt.date(2020, 9, 30), dt.date(2020, 12, 31), dt.date(2021, 3, 31)]
    decisions = [
        "Move the networking dinners to Thursdays",
        "Pair each mentor day with a short online follow-up",
        "Share the participants' questions in the tool-book",
        "Invite a migrant entrepreneur from each country to the final meeting",
    ]
    for number, day in enumerate(quarter_ends, start=1):
        note = EvaluationNote.objects.create(
            project=crossing,
            date=day,
            kind=EvaluationNote.Kind.REFLECTION,
            title=f"Quarterly reflection meeting {number}",
            other_attendees=[p.organisation.name for p in partners if not p.is_lead][:3],
            notes="Each country reported on the online course, the networking dinners and the mentor days.",
            decisions=rng.sample(decisions, 2),
            author=lead,
        )
        note.attendees.set(coordinators)
