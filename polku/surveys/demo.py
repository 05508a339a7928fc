"""Demo feedback forms on the demo's events, trainings and mentoring (see polku.demo.builder).

Deterministic from the seed. Every training, event series and mentoring activity with people enrolled
gets a feedback form in the partner's language (Finnish in Finland, Swedish in Sweden, English elsewhere),
set up by a coordinator of the activity's partner (or the project lead where the demo gives the partner no
coordinator log-in). About two thirds of the enrolled answer: a satisfaction score, mostly 4 or 5, and
short free text, now and then left empty. Finnish and Swedish speakers answer in their language, most
English speakers in English and some (practising) in the form's language, everyone else in the form's
language. Forms of activities that ended before the demo's day (polku.outcomes.demo.DEMO_TODAY) are
closed, except those of the demo log-ins' activities: these stay open and unanswered by the log-in, so
the participant has feedback waiting when they sign in.
"""

from __future__ import annotations

import random
from collections import defaultdict

from polku.accounts.models import Membership, Role
from polku.activities.models import Activity, ActivityEnrolment
from polku.outcomes.demo import DEMO_TODAY
from polku.surveys.models import FeedbackForm, FeedbackResponse

KINDS = (Activity.Kind.TRAINING, Activity.Kind.EVENT_SERIES, Activity.Kind.MENTORING)
ANSWER_SHARE = 0.68
EMPTY_SHARE = 0.2
SATISFACTION_WEIGHTS = (2, 4, 12, 38, 44)  # 1 … 5
LOCAL_SHARE = 0.3  # of English speakers who answer a Finnish or Swedish form in its language
FORM_LANGUAGE = {"FI": "fi", "SE": "sv"}

TITLE = {"fi": "Palaute: %s", "sv": "Respons: %s", "en": "Feedback: %s"}
QUESTIONS = {
    "fi": ("Mikä oli hyödyllisintä?", "Mitä pitäisi muuttaa?"),
    "sv": ("Vad var mest användbart?", "Vad borde ändras?"),
    "en": ("What was most useful?", "What should change?"),
}
USEFUL = {
    "fi": (
        "Harjoitushaastattelu ja palaute siitä.",
        "Sain uusia kontakteja alan yrityksiin.",
        "Ansioluettelon läpikäynti yhdessä mentorin kanssa.",
        "Tieto suomalaisesta työelämästä ja työnhausta.",
        "Muiden osallistujien kokemukset.",
        "Käytännön esimerkit ja ryhmätyöt.",
    ),
    "sv": (
        "Övningsintervjun och återkopplingen på den.",
        "Jag fick nya kontakter i branschen.",
        "Att gå igenom mitt cv tillsammans med mentorn.",
        "Information om arbetslivet och jobbsökandet i Finland.",
        "De andra deltagarnas erfarenheter.",
        "Praktiska exempel och grupparbeten.",
    ),
    "en": (
        "The mock interview and the feedback on it.",
        "I met people from companies in my field.",
        "Going through my CV with the mentor.",
        "Learning how job search works here.",
        "Hearing the other participants' stories.",
        "The practical examples and group work.",
    ),
}
CHANGE = {
    "fi": (
        "Enemmän aikaa kysymyksille.",
        "Iltaisin olisi helpompi osallistua.",
        "Materiaalit etukäteen, kiitos.",
        "Ei mitään, kaikki toimi hyvin.",
        "Selkeämpää kieltä, osa termeistä oli vaikeita.",
    ),
    "sv": (
        "Mer tid för frågor.",
        "Det vore lättare att delta på kvällarna.",
        "Materialet i förväg, tack.",
        "Inget, allt fungerade bra.",
        "Enklare språk, en del termer var svåra.",
    ),
    "en": (
        "More time for questions.",
        "Evenings would be easier for me.",
        "Please share the materials beforehand.",
        "Nothing, it all worked well.",
        "Simpler language, some terms were hard.",
        "A session in English as well.",
    ),
}


def _language(preferred: str, form_language: str, rng: random.Random) -> str:
    if preferred in ("fi", "sv"):
        return preferred
    if preferred == "en" and rng.random() >= LOCAL_SHARE:
        return "en"
    return form_language


def populate(*, seed: int) -> None:
    rng = random.Random(seed * 13 + 7)
    coordinators: dict[int, int] = {}
    leads: dict[int, int] = {}
    for role, project_id, partner_id, user_id in (
        Membership.objects.filter(role__in=[Role.COORDINATOR, Role.PROJECT_LEAD])
        .order_by("pk")
        .values_list("role", "project_id", "partner_id", "user_id")
    ):
        if role == Role.COORDINATOR:
            coordinators.setdefault(partner_id, user_id)
        else:
            leads.setdefault(project_id, user_id)
    enrolled: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    for activity_id, participation_id, preferred, user_id in (
        ActivityEnrolment.objects.filter(activity__kind__in=KINDS)
        .order_by("activity_id", "participation_id")
        .values_list(
            "activity_id",
            "participation_id",
            "participation__person__preferred_language",
            "participation__person__user_id",
        )
    ):
        enrolled[activity_id].append((participation_id, preferred, user_id is not None))
    activities = list(
        Activity.objects.filter(pk__in=list(enrolled))
        .select_related("partner")
        .order_by("pk")
        .only("id", "name", "ends_on", "project_id", "partner__id", "partner__country")
    )
    plans: list[tuple[FeedbackForm, list[FeedbackResponse]]] = []
    for activity in activities:
        # an activity of the whole project (a project-wide mentoring programme) has no partner
        language = FORM_LANGUAGE.get(activity.partner.country, "en") if activity.partner else "en"
        people = enrolled[activity.pk]
        has_login = any(login for _p, _l, login in people)
        is_open = has_login or activity.ends_on is None or activity.ends_on >= DEMO_TODAY
        form = FeedbackForm(
            activity=activity,
            title=TITLE[language] % activity.name,
            questions=list(QUESTIONS[language]),
            translations={
                other: {"title": TITLE[other] % activity.name, "questions": list(QUESTIONS[other])}
                for other in QUESTIONS
                if other != language
            },
            is_open=is_open,
            created_by_id=coordinators.get(activity.partner_id or 0, leads.get(activity.project_id)),
        )
        responses = []
        for participation_id, preferred, login in people:
            if login or rng.random() >= ANSWER_SHARE:
                continue
            answer_language = _language(preferred, language, rng)
            satisfaction = rng.choices(range(1, 6), weights=SATISFACTION_WEIGHTS)[0]
            useful = "" if rng.random() < EMPTY_SHARE else rng.choice(USEFUL[answer_language])
            change = "" if rng.random() < EMPTY_SHARE * 2 else rng.choice(CHANGE[answer_language])
            responses.append(
                FeedbackResponse(
                    participation_id=participation_id, satisfaction=satisfaction, answers=[useful, change]
                )
            )
        plans.append((form, responses))
    created = FeedbackForm.objects.bulk_create([form for form, _r in plans], batch_size=1000)
    rows = []
    for form, (_f, responses) in zip(created, plans, strict=True):
        for response in responses:
            response.form = form
            rows.append(response)
    FeedbackResponse.objects.bulk_create(rows, batch_size=5000)
