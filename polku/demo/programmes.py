"""The five programmes of the product brief as demo data: organisations, projects, work packages, targets.

Facts (names, periods, funders, partners, work packages, targets, the DiGIMESH code S22729) come from
the seed texts in the brief. Where the seeds are silent, values are invented but plausible and the
project description says so: other project codes, the Talent Boost projects' partners, business IDs
(generated so that their check digit is valid, see `business_id`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from stdnum.fi import ytunnus

D = dt.date


def business_id(base: int) -> str:
    """The first valid Finnish business ID (Y-tunnus) at or after the 7-digit `base`.

    The check digit is 11 − (weighted sum mod 11); a remainder of 1 has no valid digit, so such
    bases are skipped.
    """
    for number in range(base, base + 20):
        for check in range(10):
            candidate = f"{number:07d}-{check}"
            if ytunnus.is_valid(candidate):
                return candidate
    raise ValueError(f"No valid business ID near {base}")  # pragma: no cover


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    kind: str  # Organisation.Kind value
    country: str
    business_id_base: int | None = None  # Finnish organisations only
    website: str = ""
    municipalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnerSpec:
    org: str
    country: str
    part: str
    weight: float  # share of demo participants
    is_lead: bool = False
    registration_open: bool = False


@dataclass(frozen=True)
class WorkPackageSpec:
    number: int
    name: str
    responsible: str | None = None  # org key
    description: str = ""


@dataclass(frozen=True)
class ActivitySpec:
    partner: str  # org key
    kind: str  # Activity.Kind value
    name: str
    starts_on: dt.date
    ends_on: dt.date
    work_package: int | None = None


@dataclass(frozen=True)
class TargetSpec:
    metric: str  # Target.Metric value
    label: str
    value: int
    work_package: int | None = None
    partner: str | None = None  # org key; the target's country is the partner's country
    kind: str = ""  # only this kind (Target.kind): of activities, events, outcomes or mentoring


@dataclass(frozen=True)
class ProjectSpec:
    programme_key: str
    name: str
    code: str
    funder: str  # Project.Funder value
    programme: str
    starts_on: dt.date
    ends_on: dt.date
    languages: tuple[str, ...]
    description: str
    partners: tuple[PartnerSpec, ...]
    work_packages: tuple[WorkPackageSpec, ...] = ()
    activities: tuple[ActivitySpec, ...] = ()
    targets: tuple[TargetSpec, ...] = ()
    goals: tuple[str, ...] = ("employment",)
    highly_educated: bool = True
    finnish_share: float = 0.02  # share of participants born in Finland (DigiPoint serves all job seekers)
    asks_sensitive: bool = False
    extra: dict = field(default_factory=dict)


ORGANISATIONS: tuple[Org, ...] = (
    Org("espoo", "Espoon kaupunki", "city", "FI", 1012630, "https://www.espoo.fi", ("Espoo", "Kauniainen")),
    Org(
        "metropolia",
        "Metropolia Ammattikorkeakoulu",
        "university",
        "FI",
        2025561,
        "https://www.metropolia.fi",
        ("Helsinki", "Vantaa", "Espoo"),
    ),
    Org(
        "tamk",
        "Tampereen ammattikorkeakoulu",
        "university",
        "FI",
        2560611,
        "https://www.tuni.fi/fi/tamk",
        ("Tampere", "Nokia", "Kangasala", "Pirkkala"),
    ),
    Org(
        "turkuamk",
        "Turun ammattikorkeakoulu",
        "university",
        "FI",
        2010790,
        "https://www.turkuamk.fi",
        ("Turku", "Kaarina", "Raisio"),
    ),
    Org(
        "iwwf",
        "International Working Women of Finland ry",
        "association",
        "FI",
        2738250,
        "",
        ("Helsinki", "Espoo", "Tampere", "Turku"),
    ),
    Org("turku", "Turun kaupunki", "city", "FI", 2043850, "https://www.turku.fi", ("Turku",)),
    Org(
        "helsinki",
        "Helsingin kaupunki / Stadin ammatti- ja aikuisopisto",
        "city",
        "FI",
        2012560,
        "https://www.hel.fi",
        ("Helsinki",),
    ),
    Org(
        "laurea",
        "Laurea-ammattikorkeakoulu",
        "university",
        "FI",
        1046120,
        "https://www.laurea.fi",
        ("Vantaa", "Espoo", "Helsinki"),
    ),
    Org("vantaa", "Vantaan kaupunki", "city", "FI", 1242400, "https://www.vantaa.fi", ("Vantaa",)),
    Org(
        "tuni",
        "Tampereen yliopisto",
        "university",
        "FI",
        2844560,
        "https://www.tuni.fi",
        ("Tampere", "Ylöjärvi"),
    ),
    Org("hubtampere", "Pirkanmaa Talent Partners Oy", "company", "FI", 3127410, "", ("Tampere",)),
    Org(
        "megehub", "Uusimaa Growth Services Oy", "company", "FI", 3081230, "", ("Helsinki", "Espoo", "Vantaa")
    ),
    Org(
        "acr",
        "Association for Cultural Relation",
        "association",
        "FI",
        2964320,
        "http://www.inclusiontools.eu/finland-acr/",
        ("Espoo", "Helsinki"),
    ),
    Org(
        "mexpert",
        "SE-Mobilizing Expertise",
        "association",
        "SE",
        None,
        "http://mexpert.se/",
        ("Lund", "Malmö"),
    ),
    Org(
        "creatorium",
        "Creatorium",
        "company",
        "NO",
        None,
        "https://www.facebook.com/creatoriuminternational/",
        ("Oslo",),
    ),
    Org("crossingborders", "Crossing Borders", "association", "DK", None, "", ("København",)),
)

ILLUSTRATIVE = "Demo data: partners, code and figures not named in the public description are illustrative."

PROJECTS: tuple[ProjectSpec, ...] = (
    ProjectSpec(
        programme_key="duunipolku",
        name="DuuniPolku Espoo",
        code="S21307",
        funder="esf_2014",
        programme="ESF 2014–2020, employment and labour mobility",
        starts_on=D(2017, 11, 1),
        ends_on=D(2020, 1, 31),
        languages=("fi", "en"),
        description=(
            "The City of Espoo and Metropolia University of Applied Sciences promote and support "
            "entrepreneurship of people with an immigrant background, each as an independent implementer. "
            "Metropolia runs entrepreneurship training for highly educated immigrants (competence mapping, "
            "a personal learning plan, the teaching the plan calls for, network building; 11/2017–1/2020). "
            "Espoo builds a network of mentors and entrepreneurs and multicultural Mastermind peer groups, "
            "and networks the city, schools, immigrant associations and business advisers (1/2018–12/2019). "
            + ILLUSTRATIVE
        ),
        partners=(
            PartnerSpec(
                "espoo",
                "FI",
                "Mentoring, Mastermind peer groups and the entrepreneurship network, 1/2018–12/2019.",
                20,
                is_lead=True,
                registration_open=True,
            ),
            PartnerSpec(
                "metropolia",
                "FI",
                "Entrepreneurship training for highly educated immigrants, 11/2017–1/2020.",
                7,
            ),
        ),
        work_packages=(
            WorkPackageSpec(
                1,
                "Entrepreneurship training for highly educated immigrants",
                "metropolia",
                "Competence mapping, personal learning plans, teaching and network building.",
            ),
            WorkPackageSpec(2, "Mentoring and Mastermind peer groups", "espoo"),
            WorkPackageSpec(
                3,
                "Networking and good practices",
                "espoo",
                "City, schools, immigrant associations and business advisers; good-practice descriptions.",
            ),
        ),
        activities=(
            ActivitySpec(
                "metropolia",
                "training",
                "Entrepreneurship training 1 (2018)",
                D(2018, 2, 1),
                D(2018, 11, 30),
                1,
            ),
            ActivitySpec(
                "metropolia",
                "training",
                "Entrepreneurship training 2 (2019)",
                D(2019, 1, 15),
                D(2019, 11, 30),
                1,
            ),
            ActivitySpec(
                "espoo", "peer_group", "Mastermind group, spring 2018", D(2018, 3, 1), D(2018, 6, 15), 2
            ),
            ActivitySpec(
                "espoo", "peer_group", "Mastermind group, autumn 2018", D(2018, 9, 1), D(2018, 12, 15), 2
            ),
            ActivitySpec("espoo", "peer_group", "Mastermind group, 2019", D(2019, 2, 1), D(2019, 11, 30), 2),
            ActivitySpec(
                "espoo", "mentoring", "Mentors and entrepreneurs network", D(2018, 1, 15), D(2019, 12, 31), 2
            ),
        ),
        targets=(
            TargetSpec(
                "activities", "Entrepreneurship trainings held", 2, work_package=1, partner="metropolia"
            ),
            TargetSpec(
                "activity_participants",
                "Participants in Mastermind groups and mentoring",
                60,
                work_package=2,
                partner="espoo",
            ),
            TargetSpec(
                "outcomes",
                "Companies founded by participants of the entrepreneurship training",
                10,
                partner="metropolia",
                kind="company_founded",
            ),
            TargetSpec(
                "mentoring_pairs",
                "Mentoring pairs in the network of mentors and entrepreneurs",
                20,
                partner="espoo",
            ),
        ),
        goals=("entrepreneurship", "employment"),
    ),
    ProjectSpec(
        programme_key="digimesh",
        name="DiGIMESH – Supporting immigrants' careers by developing digital networking",
        code="S22729",
        funder="esf_2014",
        programme="9. REACT-EU, ESR – 12.3 Improving digital skills",
        starts_on=D(2022, 1, 3),
        ends_on=D(2023, 10, 31),
        languages=("fi", "en"),
        description=(
            "Digital networking for highly educated immigrants: an open MOOC, trainings and online events "
            "in which participants make contacts, training and a handbook for guidance professionals, and "
            "company cooperation that records employers' needs for international talent. Originally "
            "3.1.2022–31.8.2023, extended to 31.10.2023."
        ),
        partners=(
            PartnerSpec(
                "tamk",
                "FI",
                "Digital networking model and the MOOC; project administration.",
                9,
                is_lead=True,
                registration_open=True,
            ),
            PartnerSpec("turkuamk", "FI", "Events and training of guidance professionals.", 5),
            PartnerSpec("iwwf", "FI", "Online networking events with the association's community.", 4),
        ),
        work_packages=(
            WorkPackageSpec(1, "Digital networking model and MOOC", "tamk"),
            WorkPackageSpec(2, "Events and staff training", "turkuamk"),
            WorkPackageSpec(3, "Company cooperation", "tamk"),
            WorkPackageSpec(4, "External communication", "iwwf"),
            WorkPackageSpec(5, "Project administration", "tamk"),
        ),
        activities=(
            ActivitySpec(
                "tamk",
                "mooc",
                "Digital networking MOOC, open run 2022–2023",
                D(2022, 9, 1),
                D(2023, 8, 31),
                1,
            ),
            ActivitySpec(
                "turkuamk",
                "training",
                "Digital networking training, spring 2023",
                D(2023, 1, 16),
                D(2023, 5, 31),
                2,
            ),
            ActivitySpec(
                "turkuamk",
                "training",
                "Training for guidance professionals",
                D(2022, 10, 3),
                D(2023, 4, 28),
                2,
            ),
            ActivitySpec(
                "iwwf", "event_series", "Online networking events", D(2022, 4, 1), D(2023, 9, 30), 2
            ),
        ),
        targets=(
            TargetSpec("activities", "Open MOOC run", 1, work_package=1),
            TargetSpec(
                "activity_participants", "Participants in trainings and online events", 120, work_package=2
            ),
        ),
        goals=("employment",),
    ),
    ProjectSpec(
        programme_key="talentboost",
        name="Hidden Gems – careers of international spouses",
        code="S21787",
        funder="esf_2014",
        programme="Talent Boost – growth from international talent (Hämeen ELY-keskus)",
        starts_on=D(2018, 5, 1),
        ends_on=D(2020, 12, 31),
        languages=("fi", "en"),
        description=(
            "One of eight Talent Boost projects launched on 26 April 2018. A service model in the Tampere "
            "region for the professional development, integration and employment of the spouses of "
            "international researchers and other university staff. " + ILLUSTRATIVE
        ),
        partners=(
            PartnerSpec("tuni", "FI", "Career coaching and the spouse community.", 4, is_lead=True),
            PartnerSpec("tamk", "FI", "Internships and employer contacts.", 2),
        ),
        work_packages=(
            WorkPackageSpec(1, "Career services for spouses", "tuni"),
            WorkPackageSpec(2, "Internships and employer cooperation", "tamk"),
        ),
        activities=(
            ActivitySpec(
                "tuni",
                "training",
                "Career coaching for international spouses",
                D(2018, 9, 1),
                D(2020, 11, 30),
                1,
            ),
            ActivitySpec("tuni", "community", "Spouse community Tampere", D(2018, 9, 1), D(2020, 12, 31), 1),
            ActivitySpec(
                "tamk", "mentoring", "Internship and sparring programme", D(2019, 1, 7), D(2020, 11, 30), 2
            ),
        ),
        goals=("employment",),
    ),
    ProjectSpec(
        programme_key="talentboost",
        name="International Business Powered by Talents",
        code="A73370",
        funder="erdf",
        programme="Talent Boost – growth from international talent (Hämeen ELY-keskus)",
        starts_on=D(2018, 5, 1),
        ends_on=D(2020, 10, 31),
        languages=("fi", "en"),
        description=(
            "Talent Boost project in Pirkanmaa, working closely with Hidden Gems: companies work with "
            "international talent on their growth and internationalisation. " + ILLUSTRATIVE
        ),
        partners=(
            PartnerSpec("hubtampere", "FI", "Company cooperation and matchmaking events.", 3, is_lead=True),
        ),
        work_packages=(WorkPackageSpec(1, "Companies working with talents", "hubtampere"),),
        activities=(
            ActivitySpec(
                "hubtampere",
                "event_series",
                "Talent–company matchmaking events",
                D(2018, 10, 1),
                D(2020, 9, 30),
                1,
            ),
            ActivitySpec(
                "hubtampere",
                "training",
                "Digital skills for international talents",
                D(2019, 3, 4),
                D(2019, 12, 13),
                1,
            ),
        ),
        goals=("employment",),
    ),
    ProjectSpec(
        programme_key="talentboost",
        name="MEGE – Multicultural encounters, growth, entrepreneurship",
        code="A73290",
        funder="erdf",
        programme="Talent Boost – growth from international talent (Uudenmaan liitto)",
        starts_on=D(2018, 5, 1),
        ends_on=D(2020, 12, 31),
        languages=("fi", "en"),
        description=(
            "Talent Boost project in the capital region: more growth companies founded by international "
            "talent, through business idea validation, starting a company and business transfers. "
            + ILLUSTRATIVE
        ),
        partners=(
            PartnerSpec("megehub", "FI", "Validation and start-up services.", 4, is_lead=True),
            PartnerSpec("laurea", "FI", "Business transfer sparring.", 2),
        ),
        work_packages=(
            WorkPackageSpec(1, "Business idea validation", "megehub"),
            WorkPackageSpec(2, "Starting a company", "megehub"),
            WorkPackageSpec(3, "Business transfer", "laurea"),
        ),
        activities=(
            ActivitySpec(
                "megehub", "training", "Business idea validation sprint", D(2018, 10, 1), D(2020, 6, 30), 1
            ),
            ActivitySpec("megehub", "mentoring", "Start-up sparring", D(2019, 1, 7), D(2020, 12, 15), 2),
            ActivitySpec(
                "laurea", "mentoring", "Business transfer sparring", D(2019, 2, 1), D(2020, 11, 30), 3
            ),
        ),
        goals=("entrepreneurship",),
    ),
    ProjectSpec(
        programme_key="crossingborders",
        name="Crossing Borders – face-to-face learning for migrant entrepreneurs",
        code="2019-1-DK01-KA204-060277",
        funder="erasmus_plus",
        programme="Erasmus+ KA2 Strategic partnerships, adult education",
        starts_on=D(2020, 4, 1),
        ends_on=D(2021, 7, 31),
        languages=("en", "sv", "fi"),
        description=(
            "Sweden, Finland and Norway. At least 25 participants per country take the Vet4Migre online "
            "entrepreneurship course; 6 Entrepreneurship Networking Dinners per country where established "
            "migrant entrepreneurs tell their story; 10 monthly mentor days per country with two experts; an "
            "online platform for participants of all countries; quarterly reflection meetings of the "
            "coordinators; final evaluation, report and tool-book. Crossing Borders facilitates the kick-off "
            "and the final evaluation, hosted by Mobilizing Expertise in Sweden."
        ),
        partners=(
            PartnerSpec(
                "crossingborders",
                "DK",
                "Coordination, kick-off training and final evaluation.",
                0,
                is_lead=True,
            ),
            PartnerSpec("mexpert", "SE", "Implementation in Sweden (Lund).", 7),
            PartnerSpec("acr", "FI", "Implementation in Finland (Espoo).", 7),
            PartnerSpec("creatorium", "NO", "Implementation in Norway (Oslo).", 7),
        ),
        work_packages=(
            WorkPackageSpec(1, "Kick-off and online entrepreneurship course", "crossingborders"),
            WorkPackageSpec(2, "Entrepreneurship Networking Dinners", "mexpert"),
            WorkPackageSpec(3, "Mentor days", "acr"),
            WorkPackageSpec(4, "Online platform and reflection meetings", "creatorium"),
            WorkPackageSpec(5, "Evaluation, final report and tool-book", "crossingborders"),
        ),
        goals=("entrepreneurship",),
        highly_educated=False,
        extra={"countries": {"mexpert": "Lund", "acr": "Espoo", "creatorium": "Oslo"}},
    ),
    ProjectSpec(
        programme_key="digipoint",
        name="DigiPoint",
        code="S21876",
        funder="esf_2014",
        programme="ESF 2014–2020, education, skills and lifelong learning",
        starts_on=D(2019, 9, 1),
        ends_on=D(2022, 5, 31),
        languages=("fi", "sv", "en"),
        description=(
            "Six cities and universities develop smooth pathways for job seekers into technology jobs and "
            "flexible university studies, with a community (Digitalents) that offers social and individual "
            "support, and developmental evaluation that informs decisions. Ended 31.5.2022. " + ILLUSTRATIVE
        ),
        partners=(
            PartnerSpec("turku", "FI", "Lead partner; Digitalents practice in Turku.", 5, is_lead=True),
            PartnerSpec("espoo", "FI", "Digitalents practice in Espoo.", 5, registration_open=True),
            PartnerSpec("helsinki", "FI", "Stadin ammatti- ja aikuisopisto: vocational pathways.", 5),
            PartnerSpec("laurea", "FI", "Flexible UAS studies and social support.", 3),
            PartnerSpec("metropolia", "FI", "Flexible path studies and developmental evaluation.", 4),
            PartnerSpec("vantaa", "FI", "Digitalents practice in Vantaa.", 3),
        ),
        work_packages=(
            WorkPackageSpec(1, "Competence needs in the Digitalents practice", "turku"),
            WorkPackageSpec(
                2,
                "Flexible UAS studies",
                "metropolia",
                "About 40 members of the Digitalents community study; 15 move on to further studies.",
            ),
            WorkPackageSpec(3, "Social support and work counselling in the Digitalents community", "laurea"),
            WorkPackageSpec(4, "Developmental evaluation", "metropolia"),
        ),
        activities=(
            ActivitySpec(
                "turku", "community", "Digitalents community Turku", D(2019, 10, 1), D(2022, 5, 31), 3
            ),
            ActivitySpec(
                "espoo", "community", "Digitalents community Espoo", D(2019, 10, 1), D(2022, 5, 31), 3
            ),
            ActivitySpec(
                "vantaa", "community", "Digitalents community Vantaa", D(2019, 10, 1), D(2022, 5, 31), 3
            ),
            ActivitySpec(
                "helsinki",
                "training",
                "ICT vocational pathway (Stadin AO)",
                D(2020, 1, 13),
                D(2022, 5, 20),
                1,
            ),
            ActivitySpec(
                "metropolia",
                "studies",
                "Flexible path studies in ICT (Metropolia)",
                D(2020, 1, 7),
                D(2022, 5, 31),
                2,
            ),
            ActivitySpec(
                "laurea",
                "studies",
                "Flexible UAS studies in business IT (Laurea)",
                D(2020, 1, 7),
                D(2022, 5, 31),
                2,
            ),
        ),
        targets=(
            TargetSpec(
                "activity_participants",
                "About 40 Digitalents members study at a university of applied sciences",
                40,
                work_package=2,
            ),
            TargetSpec(
                "outcomes",
                "Move on to further studies during the project",
                15,
                work_package=2,
                kind="studies_started",
            ),
        ),
        goals=("employment", "studies"),
        highly_educated=False,
        finnish_share=0.3,
        asks_sensitive=True,
    ),
)


def crossing_borders_events(spec: ProjectSpec) -> list[ActivitySpec]:
    """Per country: the online course, 6 networking dinners and 10 monthly mentor days."""
    events: list[ActivitySpec] = [
        ActivitySpec(
            "crossingborders",
            "training",
            "Kick-off meeting and training (3 days)",
            D(2020, 5, 5),
            D(2020, 5, 7),
            1,
        ),
        ActivitySpec(
            "crossingborders",
            "community",
            "Online platform for participants of all countries",
            D(2020, 6, 1),
            D(2021, 7, 31),
            4,
        ),
    ]
    for org, city in spec.extra["countries"].items():
        events.append(
            ActivitySpec(
                org,
                "mooc",
                f"Vet4Migre online entrepreneurship course – {city}",
                D(2020, 5, 15),
                D(2021, 6, 30),
                1,
            )
        )
        for n in range(6):
            month = 6 + 2 * n  # every other month from June 2020
            day = D(2020 + (month - 1) // 12, (month - 1) % 12 + 1, 18)
            events.append(
                ActivitySpec(
                    org, "event", f"Entrepreneurship Networking Dinner {n + 1}/6 – {city}", day, day, 2
                )
            )
        for n in range(10):
            month = 7 + n  # monthly from July 2020
            day = D(2020 + (month - 1) // 12, (month - 1) % 12 + 1, 10)
            events.append(ActivitySpec(org, "mentoring", f"Mentor day {n + 1}/10 – {city}", day, day, 3))
    return events


def crossing_borders_targets(spec: ProjectSpec) -> list[TargetSpec]:
    targets: list[TargetSpec] = []
    for org, city in spec.extra["countries"].items():
        targets += [
            TargetSpec(
                "activity_participants",
                f"Participants enrolled in the online course – {city}",
                25,
                work_package=1,
                partner=org,
            ),
            TargetSpec(
                "events",
                f"Entrepreneurship Networking Dinners – {city}",
                6,
                work_package=2,
                partner=org,
                kind="dinner",
            ),
            TargetSpec(
                "activities", f"Mentor days – {city}", 10, work_package=3, partner=org, kind="mentoring"
            ),
        ]
    return targets
