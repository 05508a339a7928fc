"""Demo learning: a catalogue of 20 real-looking Finnish courses, MOOC modules, path studies and trainings,
each with real ESCO v1.1.1 skill URIs (from the shipped data in polku/skills/data), and plans for two
demo participants (Amina Warsame: forklift operator; Oksana Melnyk: starting a business).

ESCO concepts the demo needs are created from the shipped data when the database has no ESCO load yet.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.competences.services import add_confirmed_skill
from polku.esco.models import Concept, Label, OccupationSkill
from polku.learning.models import LearningOpportunity, Milestone
from polku.learning.services.catalogue import Owner, opportunity_save
from polku.learning.services.plans import build_plan, comment_add
from polku.participants.models import LanguageSkill, Person
from polku.projects.models import Project

DATA = Path(__file__).resolve().parents[1] / "skills" / "data"
S = "http://data.europa.eu/esco/skill/"
FORKLIFT_OPERATOR = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"
SHOP_ASSISTANT = "http://data.europa.eu/esco/occupation/0b15375e-dfdd-4047-9efb-096e0aaee7d2"
OCCUPATIONS = (FORKLIFT_OPERATOR, SHOP_ASSISTANT)
DUUNIPOLKU = "S21307"

# code, kind, provider, fi, sv, en, languages, mode, hours, ects, cost, self-paced, url, skills (uuid), competences
CATALOGUE: tuple[tuple[Any, ...], ...] = (
    (
        "trukkikortti-omnia",
        "training",
        "Omnia",
        "Trukkikorttikoulutus",
        "Truckkortsutbildning",
        "Forklift licence training",
        {"fi": "A2", "en": "B1"},
        "onsite",
        8,
        None,
        120,
        False,
        "https://www.omnia.fi/",
        (
            "28cb374e-6261-4133-8371-f9a5470145da",
            "3c84f7d9-7a3e-4343-814f-31de0aa61651",
            "7991b413-8e71-415d-bb6a-923ea154abc5",
        ),
        (),
    ),
    (
        "varastotyo-perusteet",
        "course",
        "Stadin ammatti- ja aikuisopisto",
        "Varastotyön perusteet",
        "Grunderna i lagerarbete",
        "Warehouse work basics",
        {"fi": "A2"},
        "blended",
        40,
        None,
        0,
        False,
        "https://stadinao.fi/",
        (
            "078861f5-b901-48a5-951e-a3ad0a4fa0bd",
            "e883d55a-75ae-460b-ba0a-47fecf14f1b3",
            "ee5e2297-39cc-4ed6-89e5-d58016118a7f",
            "b3b2547b-5c37-4d21-8ee5-f01b6bd672ae",
            "ca55d9dd-f177-45b6-a2ee-1a4695044b76",
            "fc0fbc9c-b24d-42fa-ae66-c9b4945b6bc0",
        ),
        (),
    ),
    (
        "logistiikka-tiimi",
        "course",
        "Omnia",
        "Logistiikan tiimityö ja työturvallisuus",
        "Teamarbete och arbetssäkerhet i logistik",
        "Teamwork and safety in logistics",
        {"fi": "B1"},
        "onsite",
        24,
        None,
        0,
        False,
        "https://www.omnia.fi/",
        (
            "fe29e658-7cad-4b70-a169-10a240ec0bef",
            "a23659b1-a8bc-4331-a58d-eef263ca6a14",
            "8c37d032-7b5b-47e7-bf06-6bafa30ce643",
            "74aa45cf-175f-47ef-9978-d9de437d92ba",
            "ab2bb44a-3956-4028-8715-8b70b1960b99",
        ),
        (),
    ),
    (
        "logistics-english",
        "course",
        "Omnia",
        "Logistiikan työt englanniksi",
        "Logistikarbete på engelska",
        "Logistics jobs in English",
        {"en": "B1"},
        "onsite",
        30,
        None,
        0,
        False,
        "https://www.omnia.fi/",
        (
            "fe29e658-7cad-4b70-a169-10a240ec0bef",
            "a23659b1-a8bc-4331-a58d-eef263ca6a14",
            "fc511e12-fe90-40a0-bec8-227abb5e4255",
            "e3211ab2-18b5-49b4-90de-d395f3be2378",
        ),
        (),
    ),
    (
        "vaaralliset-aineet",
        "training",
        "Turvallisuuskoulutus Oy",
        "Vaarallisten aineiden kuljetus (ADR)",
        "Transport av farligt gods (ADR)",
        "Transport of dangerous goods (ADR)",
        {"fi": "B1"},
        "online",
        16,
        None,
        250,
        False,
        "https://www.example.fi/adr",
        ("5b0d14b1-0bf6-4f6b-b922-4becc213f0aa", "02e235f4-a30a-412a-a06e-1c471ad28678"),
        (),
    ),
    (
        "varastojarjestelmat",
        "mooc",
        "eOppiva",
        "Varaston tietojärjestelmät",
        "Lagrets informationssystem",
        "Warehouse information systems",
        {"fi": "B1", "en": "B1"},
        "online",
        10,
        None,
        0,
        True,
        "https://www.eoppiva.fi/",
        (
            "e0ae0101-ab8f-47a2-938b-ab0cc367b3b5",
            "3b36e006-97a9-4894-b8b7-3979d309d518",
            "418765cd-77f9-4c6f-8b00-e56ebec767bb",
        ),
        ("digcomp-2.2:1.3",),
    ),
    (
        "pakkaus-ja-lahetys",
        "course",
        "Stadin ammatti- ja aikuisopisto",
        "Pakkaaminen ja lähetysten valmistelu",
        "Packning och förberedelse av försändelser",
        "Packing and preparing shipments",
        {"fi": "A2"},
        "onsite",
        20,
        None,
        0,
        False,
        "https://stadinao.fi/",
        (
            "2e69f3a4-e0be-4990-aff7-facc1b6c6860",
            "af2e97dc-fa66-421e-a793-ba4e4afa2dad",
            "ed5fab0c-e68c-4205-adfb-34b578a7fbba",
            "f8cd217b-b870-42aa-9bbe-d36b672cbb65",
            "3c73898b-04a6-4e3a-b84a-3a032277c916",
        ),
        (),
    ),
    (
        "asiakaspalvelu-perusteet",
        "course",
        "Careeria",
        "Asiakaspalvelun perusteet",
        "Grunderna i kundservice",
        "Customer service basics",
        {"fi": "A2", "en": "B1"},
        "blended",
        30,
        None,
        0,
        False,
        "https://www.careeria.fi/",
        (
            "15a33d76-4640-438d-ae64-fdc0c1d3eebc",
            "2239694b-771a-4586-8b54-2794e361a9ae",
            "2b69525c-731c-4813-99a7-673fa5679d32",
            "debb8d81-ed7f-447d-853a-5d107fda6fcf",
            "e8bd4f15-c928-463c-8454-5a7d99dd9926",
        ),
        (),
    ),
    (
        "kassatyo",
        "training",
        "Careeria",
        "Kassatyö ja maksuvälineet",
        "Kassaarbete och betalningsmedel",
        "Cash desk work and payments",
        {"fi": "A2"},
        "onsite",
        12,
        None,
        0,
        False,
        "https://www.careeria.fi/",
        (
            "0cb013af-6dd9-4fb2-b34e-63dda1a5cf82",
            "a6d697d1-80ba-4175-82d4-43440ed04270",
            "bd2f7603-5e58-4d71-8f13-44c632782b02",
        ),
        (),
    ),
    (
        "myymalatyo",
        "course",
        "Careeria",
        "Myymälätyö ja tuote-esillepano",
        "Butiksarbete och exponering",
        "Shop work and product display",
        {"fi": "A2"},
        "onsite",
        35,
        None,
        0,
        False,
        "https://www.careeria.fi/",
        (
            "7e9daad3-8604-4839-af9b-dc6f8db3ef68",
            "6ffdcb09-16bc-4480-9ac8-40fdbf915712",
            "77a11321-754a-41de-b9e4-80d747f528db",
            "57c1debf-3867-4e64-baf8-ce70d84f88c9",
            "25fce4fb-35b6-49b6-a4fa-c7aa168fd770",
            "e4aea84e-6f33-41f9-a61c-53cf5125ea26",
        ),
        (),
    ),
    (
        "python-mooc",
        "mooc",
        "University of Helsinki (MOOC.fi)",
        "Ohjelmoinnin MOOC (Python)",
        "Programmering MOOC (Python)",
        "Programming MOOC (Python)",
        {"fi": "B2", "en": "B2", "sv": "B2"},
        "online",
        135,
        5,
        0,
        True,
        "https://programming-26.mooc.fi/",
        (
            "ccd0a1d9-afda-43d9-b901-96344886e14d",
            "21d2f96d-35f7-4e3f-9745-c533d2dd6e97",
            "2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1",
        ),
        ("digcomp-2.2:3.4",),
    ),
    (
        "elements-of-ai",
        "mooc",
        "University of Helsinki (MOOC.fi)",
        "Elements of AI",
        "Elements of AI",
        "Elements of AI",
        {"fi": "B1", "sv": "B1", "en": "B1"},
        "online",
        30,
        2,
        0,
        True,
        "https://www.elementsofai.com/",
        (),
        ("digcomp-2.2:5.4",),
    ),
    (
        "digitaidot-arkeen",
        "course",
        "Espoon työväenopisto",
        "Digitaidot arkeen ja työhön",
        "Digitala färdigheter i vardag och arbete",
        "Digital skills for everyday life and work",
        {"fi": "A2", "en": "A2"},
        "blended",
        20,
        None,
        25,
        False,
        "https://www.espoo.fi/",
        ("d15ce60f-ddab-41ce-ba56-398451b77b60", "1973c966-f236-40c9-b2d4-5d71a89019be"),
        ("digcomp-2.2:1.1", "digcomp-2.2:2.1"),
    ),
    (
        "suomi-a1",
        "course",
        "Helsingin työväenopisto",
        "Suomea maahanmuuttajille A1",
        "Finska för invandrare A1",
        "Finnish for immigrants A1",
        {},
        "onsite",
        80,
        None,
        40,
        False,
        "https://www.tyovaenopisto.fi/",
        ("0e3493f4-0cad-4fbc-8e02-025f169b8114",),
        (),
    ),
    (
        "suomi-tyoelamaan",
        "course",
        "Omnia",
        "Työelämän suomi B1",
        "Arbetslivsfinska B1",
        "Finnish for working life B1",
        {"fi": "A2"},
        "blended",
        60,
        None,
        0,
        False,
        "https://www.omnia.fi/",
        (
            "0e3493f4-0cad-4fbc-8e02-025f169b8114",
            "3048bf6d-27c7-4dc6-ae4b-e55094cec090",
            "049de1f6-34ec-46f9-a0b1-8fc6f0199413",
        ),
        (),
    ),
    (
        "yrittajyyden-polkuopinnot",
        "path-studies",
        "Aalto University Open University",
        "Yrittäjyyden polkuopinnot",
        "Stigstudier i entreprenörskap",
        "Path studies in entrepreneurship",
        {"fi": "B2", "en": "B2"},
        "blended",
        400,
        15,
        225,
        False,
        "https://www.aalto.fi/",
        (
            "658605f2-1c95-49f0-bd98-0af7b15ad0b0",
            "ead58f22-0af5-467c-ac1e-b750e4e1ac6a",
            "52e53619-fa77-4f72-b237-5e4aae784dc2",
        ),
        ("entrecomp-1.0:1.1", "entrecomp-1.0:3.5"),
    ),
    (
        "yrittajaksi-suomeen",
        "training",
        "Uusyrityskeskus",
        "Yrittäjäksi Suomeen",
        "Bli företagare i Finland",
        "Becoming an entrepreneur in Finland",
        {"fi": "A2", "en": "B1"},
        "online",
        24,
        None,
        0,
        False,
        "https://www.uusyrityskeskus.fi/",
        (
            "658605f2-1c95-49f0-bd98-0af7b15ad0b0",
            "ead58f22-0af5-467c-ac1e-b750e4e1ac6a",
            "d669af41-756c-48d9-a286-1443253f54b1",
        ),
        ("entrecomp-1.0:2.3",),
    ),
    (
        "liiketoimintasuunnitelma",
        "course",
        "Uusyrityskeskus",
        "Liiketoimintasuunnitelma ja budjetti",
        "Affärsplan och budget",
        "Business plan and budget",
        {"fi": "B1", "en": "B1"},
        "blended",
        16,
        None,
        0,
        False,
        "https://www.uusyrityskeskus.fi/",
        ("ead58f22-0af5-467c-ac1e-b750e4e1ac6a", "21c5790c-0930-4d74-b3b0-84caf5af12ea"),
        ("entrecomp-1.0:2.3",),
    ),
    (
        "somemarkkinointi",
        "mooc",
        "eOppiva",
        "Sosiaalisen median markkinointi pienyritykselle",
        "Marknadsföring i sociala medier för småföretag",
        "Social media marketing for small businesses",
        {"fi": "B1", "en": "B1"},
        "online",
        8,
        None,
        0,
        True,
        "https://www.eoppiva.fi/",
        ("509909a2-4a8f-4ead-8ad0-968df63b77cc", "08fd2839-670c-4f16-8024-97437f2035ab"),
        ("digcomp-2.2:3.1",),
    ),
    (
        "hygieniapassi",
        "training",
        "Ruokavirasto-koulutus",
        "Hygieniapassikoulutus",
        "Hygienpass-utbildning",
        "Food hygiene passport training",
        {"fi": "A2", "en": "A2", "sv": "A2"},
        "online",
        6,
        None,
        35,
        True,
        "https://www.ruokavirasto.fi/",
        ("0ff99f51-40d9-42f1-a1ec-377b2bb5e15f", "3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3"),
        (),
    ),
)


def _jsonl(name: str) -> list[dict[str, Any]]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _ensure_esco(skill_uris: set[str]) -> None:
    """Create the ESCO skills and the demo occupations (with their skill links) missing from the database."""
    present = set(Concept.objects.filter(uri__in=skill_uris | set(OCCUPATIONS)).values_list("uri", flat=True))
    if (
        skill_uris | set(OCCUPATIONS) <= present
        and OccupationSkill.objects.filter(occupation__uri=FORKLIFT_OPERATOR).exists()
    ):
        return
    skills = _jsonl("skills.jsonl.gz")
    occupations = _jsonl("occupations.jsonl.gz")
    with np.load(DATA / "occupation_skills.npz") as z:
        links = list(zip(z["occupation"].tolist(), z["skill"].tolist(), z["essential"].tolist(), strict=True))
    occ_index = {o["uri"]: i for i, o in enumerate(occupations)}
    wanted_occ = {occ_index[u] for u in OCCUPATIONS if u in occ_index}
    needed = {s for o, s, _e in links if o in wanted_occ}
    by_uri = {row["uri"]: row for row in skills}
    rows = {i: skills[i] for i in needed} | {
        -1 - n: by_uri[u] for n, u in enumerate(sorted(skill_uris)) if u in by_uri
    }
    concepts: dict[str, Concept] = {}
    for row in rows.values():
        concepts[row["uri"]] = _concept(row["uri"], Concept.Kind.SKILL, row["label"], row.get("type", ""))
    for i in wanted_occ:
        occupation = _concept(occupations[i]["uri"], Concept.Kind.OCCUPATION, occupations[i]["label"])
        for o, s, essential in links:
            if o == i:
                OccupationSkill.objects.get_or_create(
                    occupation=occupation,
                    skill=concepts[skills[s]["uri"]],
                    defaults={"relation": "essential" if essential else "optional"},
                )


def _concept(uri: str, kind: str, label: str, skill_type: str = "") -> Concept:
    concept, created = Concept.objects.get_or_create(
        uri=uri, defaults={"kind": kind, "skill_type": skill_type}
    )
    if created or not concept.labels.filter(language="en").exists():
        Label.objects.get_or_create(
            concept=concept, language="en", defaults={"preferred": label, "search_text": label.lower()}
        )
    return concept


def populate(*, seed: int) -> None:
    del seed  # the demo catalogue is fixed
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    access = Access(user_id=admin.pk if admin else None, is_admin=True)
    _ensure_esco({S + uuid for row in CATALOGUE for uuid in row[13]})
    project = Project.objects.filter(code=DUUNIPOLKU).first()
    today = timezone.localdate()
    start = (
        today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1)
    )  # next Monday: nothing has ended
    for n, row in enumerate(CATALOGUE):
        (
            code,
            kind,
            provider,
            fi,
            sv,
            en,
            languages,
            mode,
            hours,
            ects,
            cost,
            self_paced,
            url,
            skills,
            competences,
        ) = row
        values = {
            "code": code,
            "kind": kind,
            "provider": provider,
            "title_fi": fi,
            "title_sv": sv,
            "title_en": en,
            "description_fi": "",
            "description_sv": "",
            "description_en": "",
            "languages": languages,
            "mode": mode,
            "hours": Decimal(hours),
            "ects": Decimal(ects) if ects is not None else None,
            "cost": Decimal(cost),
            "self_paced": self_paced,
            "starts_on": None if self_paced else start + dt.timedelta(weeks=3 * (n % 8)),
            "ends_on": None if self_paced else start + dt.timedelta(weeks=3 * (n % 8) + 6),
            "url": url,
            "competences": list(competences),
            "is_active": True,
        }
        owner = Owner(project=project) if project and kind == "training" else Owner()
        opportunity_save(
            access=access,
            actor=admin,
            values=values,
            skill_uris=[S + u for u in skills],
            owner=owner,
            opportunity=LearningOpportunity.objects.filter(code=code).first(),
        )
    _plans(access, admin)


def _plans(access: Access, admin: User | None) -> None:
    amina = Person.objects.filter(email="amina.warsame@polku.example").first()
    if amina is not None:
        LanguageSkill.objects.get_or_create(person=amina, language="fi", defaults={"level": "A2"})
        LanguageSkill.objects.get_or_create(person=amina, language="en", defaults={"level": "B1"})
        lift = Concept.objects.filter(uri=S + "ab2bb44a-3956-4028-8715-8b70b1960b99").first()
        if lift is not None:
            add_confirmed_skill(
                person=amina, skill=lift, kind="manual", text="Two years in a warehouse in Mogadishu"
            )
        target = Concept.objects.filter(uri=FORKLIFT_OPERATOR).first()
        if target is not None:
            plan = build_plan(
                access=access,
                actor=admin,
                person=amina,
                goal_kind="occupation",
                target=target,
                preferred_mode="onsite",
            )
            first = plan.items.order_by("order").first()
            due = timezone.localdate() + dt.timedelta(weeks=10)
            Milestone.objects.create(plan=plan, title="Trukkikortti", due_on=due, item=first)
            if admin is not None:
                comment_add(
                    access=access,
                    actor=admin,
                    plan=plan,
                    text="Hyvä suunnitelma – aloitetaan trukkikortista.",
                )
    oksana = Person.objects.filter(email="oksana.melnyk@polku.example").first()
    if oksana is not None:
        LanguageSkill.objects.get_or_create(person=oksana, language="en", defaults={"level": "C1"})
        LanguageSkill.objects.get_or_create(person=oksana, language="fi", defaults={"level": "B1"})
        build_plan(
            access=access,
            actor=admin,
            person=oksana,
            goal_kind="business",
            business_goal="A bakery café in Tampere",
        )
