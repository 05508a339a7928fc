"""Builds the demo database: the five programmes, their people and the demo log-ins.

Deterministic: one `random.Random(seed)` drives every choice and all dates are fixed, so the same
seed gives the same names, dates and answers in any empty database (SQLite or PostgreSQL).
Participants are written in chunks of 5,000 through `BulkWriter` (COPY on PostgreSQL, `bulk_create`
elsewhere; 100,000 take under a minute on PostgreSQL, see docs/benchmarks.md). Bulk inserts skip
model hooks, so `Person.search_name` is filled here the way `Person.refresh_search_name` would.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import polku
from polku.accounts.models import Membership, Role, User
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.demo import notices
from polku.demo.bulk import BulkWriter
from polku.demo.people import (
    ABROAD,
    COUNTRY_NAMES,
    FIELDS_OF_EDUCATION,
    LOCAL_JOBS,
    OCCUPATIONS,
    ORIGIN_BY_KEY,
    PHONE_PREFIX,
    Origin,
    ascii_slug,
)
from polku.demo.programmes import (
    ORGANISATIONS,
    PROJECTS,
    ActivitySpec,
    ProjectSpec,
    TargetSpec,
    business_id,
    crossing_borders_events,
    crossing_borders_targets,
)
from polku.organisations.models import Organisation
from polku.participants.models import EntryData, LanguageSkill, Participation, Person
from polku.participants.services import items_asked
from polku.projects.models import Partner, Project, WorkPackage

DEFAULT_SEED = 2025
DEFAULT_PARTICIPANTS = 300
DEMO_PASSWORD = "polku-demo-2025"  # noqa: S105 - printed for the demo log-ins on purpose
CHUNK = 5000
HELSINKI = ZoneInfo("Europe/Helsinki")
LOCAL_LANGUAGE = {"FI": "fi", "SE": "sv", "NO": "nb"}

StrOrPromise = str | Promise
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: StrOrPromise
    name: str


@dataclass
class DemoResult:
    projects: int = 0
    organisations: int = 0
    persons: int = 0
    participations: int = 0
    logins: list[DemoLogin] = field(default_factory=list)
    password: str = DEMO_PASSWORD


@dataclass(frozen=True)
class StaffSpec:
    email: str
    name: str
    label: StrOrPromise
    coordinator_of: tuple[tuple[str, str], ...] = ()  # (programme project code, org key)
    lead_of: tuple[str, ...] = ()  # project codes
    evaluator_of: tuple[str, ...] = ()
    mentor_of: tuple[tuple[str, str], ...] = ()
    superuser: bool = False


DUUNIPOLKU, DIGIMESH, DIGIPOINT, CROSSING = "S21307", "S22729", "S21876", "2019-1-DK01-KA204-060277"

STAFF: tuple[StaffSpec, ...] = (
    StaffSpec("admin@polku.example", "Polku Admin", _("Platform admin"), superuser=True),
    StaffSpec(
        "coordinator.espoo@polku.example",
        "Sanna Koivisto",
        _("Coordinator, City of Espoo (DuuniPolku, DigiPoint); project lead of DuuniPolku"),
        coordinator_of=((DUUNIPOLKU, "espoo"), (DIGIPOINT, "espoo")),
        lead_of=(DUUNIPOLKU,),
    ),
    StaffSpec(
        "coordinator.metropolia@polku.example",
        "Heikki Rantanen",
        _("Coordinator, Metropolia (DuuniPolku, DigiPoint)"),
        coordinator_of=((DUUNIPOLKU, "metropolia"), (DIGIPOINT, "metropolia")),
    ),
    StaffSpec(
        "coordinator.tamk@polku.example",
        "Liisa Aaltonen",
        _("Coordinator, TAMK (DiGIMESH); project lead of DiGIMESH"),
        coordinator_of=((DIGIMESH, "tamk"),),
        lead_of=(DIGIMESH,),
    ),
    StaffSpec(
        "coordinator.turkuamk@polku.example",
        "Markus Lehto",
        _("Coordinator, Turku UAS (DiGIMESH)"),
        coordinator_of=((DIGIMESH, "turkuamk"),),
    ),
    StaffSpec(
        "coordinator.iwwf@polku.example",
        "Grace Mwangi",
        _("Coordinator, IWWF ry (DiGIMESH)"),
        coordinator_of=((DIGIMESH, "iwwf"),),
    ),
    StaffSpec(
        "coordinator.turku@polku.example",
        "Tuomas Salminen",
        _("Coordinator, City of Turku (DigiPoint); project lead of DigiPoint"),
        coordinator_of=((DIGIPOINT, "turku"),),
        lead_of=(DIGIPOINT,),
    ),
    StaffSpec(
        "coordinator.crossingborders@polku.example",
        "Mette Lund",
        _("Coordinator, Crossing Borders; project lead of Crossing Borders"),
        coordinator_of=((CROSSING, "crossingborders"),),
        lead_of=(CROSSING,),
    ),
    StaffSpec(
        "evaluator@polku.example",
        "Kaisa Hirvonen",
        _("Evaluator (DuuniPolku, DiGIMESH, DigiPoint)"),
        evaluator_of=(DUUNIPOLKU, DIGIMESH, DIGIPOINT),
    ),
    StaffSpec(
        "mentor@polku.example",
        "Jorge Álvarez",
        _("Mentor, Espoo mentor network (DuuniPolku)"),
        mentor_of=((DUUNIPOLKU, "espoo"),),
    ),
)


@dataclass(frozen=True)
class FixedParticipant:
    index: int
    code: str
    org: str
    origin: str
    gender: str
    first: str
    last: str
    email: str
    label: StrOrPromise


FIXED_PARTICIPANTS = (
    FixedParticipant(
        0,
        DUUNIPOLKU,
        "espoo",
        "somali",
        "woman",
        "Amina",
        "Warsame",
        "amina.warsame@polku.example",
        _("Participant, DuuniPolku (Espoo)"),
    ),
    FixedParticipant(
        1,
        DIGIMESH,
        "tamk",
        "ukrainian",
        "woman",
        "Oksana",
        "Melnyk",
        "oksana.melnyk@polku.example",
        _("Participant, DiGIMESH (TAMK)"),
    ),
)


@dataclass
class _PartnerSlot:
    spec: ProjectSpec
    project: Project
    partner: Partner
    org: str
    municipalities: tuple[str, ...]
    activities: list[Activity]
    notices: dict[str, PrivacyNotice]
    asked: list[str]
    recorder_id: int | None = None


@dataclass
class _Plan:
    """One participation to write once the person has a primary key."""

    person: dict
    slot: _PartnerSlot
    facts: dict


class DemoBuilder:
    def __init__(
        self,
        *,
        seed: int = DEFAULT_SEED,
        participants: int = DEFAULT_PARTICIPANTS,
        progress: Progress | None = None,
        password: str = DEMO_PASSWORD,
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.total = max(participants, len(FIXED_PARTICIPANTS))
        self.progress = progress or (lambda label, done, total: None)
        self.password = password
        self.orgs: dict[str, Organisation] = {}
        self.projects: dict[str, Project] = {}
        self.slots: list[_PartnerSlot] = []
        self.slot_by_key: dict[tuple[str, str], _PartnerSlot] = {}
        self.partner_of: dict[tuple[str, str], Partner] = {}
        self.users: dict[str, User] = {}
        self.result = DemoResult(password=password)
        self.writer = BulkWriter()

    # ---- structure -------------------------------------------------------------------------------------

    def build(self) -> DemoResult:
        with transaction.atomic():
            self._organisations()
            for spec in PROJECTS:
                self._project(spec)
            self._staff()
            self._participants()
            self._participant_logins()
            for populate in app_demos():
                populate(seed=self.seed)
        self.result.projects = len(self.projects)
        self.result.organisations = len(self.orgs)
        return self.result

    def _organisations(self) -> None:
        for org in ORGANISATIONS:
            self.orgs[org.key] = Organisation.objects.create(
                name=org.name,
                kind=org.kind,
                country=org.country,
                website=org.website,
                business_id=business_id(org.business_id_base) if org.business_id_base else "",
            )

    def _project(self, spec: ProjectSpec) -> None:
        project = Project.objects.create(
            name=spec.name,
            code=spec.code,
            funder=spec.funder,
            programme=spec.programme,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
            languages=list(spec.languages),
            description=spec.description,
            asks_disability=spec.asks_sensitive,
            asks_minority=spec.asks_sensitive,
        )
        self.projects[spec.code] = project
        published = dt.datetime.combine(spec.starts_on - dt.timedelta(days=14), dt.time(9), tzinfo=HELSINKI)
        lead_org = next(p.org for p in spec.partners if p.is_lead)
        project_notices = {
            language: PrivacyNotice.objects.create(
                project=project,
                version=1,
                language=language,
                published_at=published,
                **notices.notice(language=language, project=spec.name, controller=self.orgs[lead_org].name),
            )
            for language in notices.LANGUAGES
        }
        partners: dict[str, Partner] = {}
        for p in spec.partners:
            partners[p.org] = Partner.objects.create(
                project=project,
                organisation=self.orgs[p.org],
                is_lead=p.is_lead,
                country=p.country,
                part_description=p.part,
                registration_open=p.registration_open,
            )
            self.partner_of[(spec.code, p.org)] = partners[p.org]
        packages = {
            wp.number: WorkPackage.objects.create(
                project=project,
                number=wp.number,
                name=wp.name,
                description=wp.description,
                responsible=partners.get(wp.responsible) if wp.responsible else None,
            )
            for wp in spec.work_packages
        }
        activity_specs: list[ActivitySpec] = list(spec.activities)
        target_specs: list[TargetSpec] = list(spec.targets)
        if spec.programme_key == "crossingborders":
            activity_specs += crossing_borders_events(spec)
            target_specs += crossing_borders_targets(spec)
        activities = Activity.objects.bulk_create(
            Activity(
                project=project,
                partner=partners[a.partner],
                kind=a.kind,
                name=a.name,
                starts_on=a.starts_on,
                ends_on=a.ends_on,
                work_package=packages.get(a.work_package) if a.work_package else None,
            )
            for a in activity_specs
        )
        Target.objects.bulk_create(
            Target(
                project=project,
                metric=t.metric,
                kind=t.kind,
                label=t.label,
                value=t.value,
                work_package=packages.get(t.work_package) if t.work_package else None,
                partner=partners[t.partner] if t.partner else None,
                country=partners[t.partner].country if t.partner else "",
            )
            for t in target_specs
        )
        municipalities = {org.key: org.municipalities for org in ORGANISATIONS}
        for p in spec.partners:
            if p.weight <= 0:
                continue
            slot = _PartnerSlot(
                spec=spec,
                project=project,
                partner=partners[p.org],
                org=p.org,
                municipalities=municipalities[p.org],
                activities=[a for a in activities if a.partner_id == partners[p.org].pk],
                notices=project_notices,
                asked=items_asked(project),
            )
            self.slots.append(slot)
            self.slot_by_key[(spec.code, p.org)] = slot

    def _login(self, *, email: str, name: str, hashed: str, superuser: bool = False) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create(
                email=email, full_name=name, password=hashed, is_superuser=superuser, is_staff=superuser
            )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _staff(self) -> None:
        hashed = self._hashed()
        partner_of = self.partner_of
        for staff in STAFF:
            user = self._login(email=staff.email, name=staff.name, hashed=hashed, superuser=staff.superuser)
            self.users[staff.email] = user
            memberships = [
                Membership(
                    user=user,
                    role=Role.COORDINATOR,
                    project=self.projects[code],
                    partner=partner_of[(code, org)],
                )
                for code, org in staff.coordinator_of
            ]
            memberships += [
                Membership(user=user, role=Role.PROJECT_LEAD, project=self.projects[c]) for c in staff.lead_of
            ]
            memberships += [
                Membership(user=user, role=Role.EVALUATOR, project=self.projects[c])
                for c in staff.evaluator_of
            ]
            memberships += [
                Membership(
                    user=user, role=Role.MENTOR, project=self.projects[code], partner=partner_of[(code, org)]
                )
                for code, org in staff.mentor_of
            ]
            Membership.objects.bulk_create(memberships)
            for code, org in staff.coordinator_of:
                slot = self.slot_by_key.get((code, org))
                if slot is not None:
                    slot.recorder_id = user.pk
            self.result.logins.append(DemoLogin(staff.email, staff.label, staff.name))

    def _hashed(self) -> str:
        if not hasattr(self, "_hash"):
            self._hash = make_password(self.password)  # one slow hash, shared by every demo log-in
        return self._hash

    def _participant_logins(self) -> None:
        hashed = self._hashed()
        for fixed in FIXED_PARTICIPANTS:
            user = self._login(email=fixed.email, name=f"{fixed.first} {fixed.last}", hashed=hashed)
            Person.objects.filter(email=fixed.email).update(user=user)
            self.result.logins.append(DemoLogin(fixed.email, fixed.label, f"{fixed.first} {fixed.last}"))

    # ---- participants ------------------------------------------------------------------------------------

    def _participants(self) -> None:
        weights = [float(next(p.weight for p in s.spec.partners if p.org == s.org)) for s in self.slots]
        self._cum = list(_cumulative(weights))
        done = 0
        self.progress("participants", 0, self.total)
        while done < self.total:
            size = min(CHUNK, self.total - done)
            self._chunk(done, size)
            done += size
            self.progress("participants", done, self.total)

    def _chunk(self, start: int, size: int) -> None:
        rng = self.rng
        fixed = {f.index: f for f in FIXED_PARTICIPANTS}
        persons: list[dict] = []
        languages: list[dict[str, str]] = []
        plans: list[_Plan] = []
        for index in range(start, start + size):
            if index in fixed:
                f = fixed[index]
                slot = self.slot_by_key[(f.code, f.org)]
                origin, gender, first, last, email = (
                    ORIGIN_BY_KEY[f.origin],
                    f.gender,
                    f.first,
                    f.last,
                    f.email,
                )
            else:
                slot = rng.choices(self.slots, cum_weights=self._cum)[0]
                origin = self._origin(slot.spec)
                gender = "woman" if rng.random() < 0.52 else "man"
                first = rng.choice(origin.women if gender == "woman" else origin.men)
                last = _family_name(rng.choice(origin.family), gender)
                domain = rng.choice(("com", "net", "org"))
                email = f"{ascii_slug(first)}.{ascii_slug(last)}{index + 1}@example.{domain}"
            person, facts = self._person(slot, origin, gender, first, last, email)
            persons.append(person)
            languages.append(facts.pop("languages"))
            plans.append(_Plan(person, slot, facts))
            if index not in fixed and rng.random() < 0.03:
                second = self._second_slot(slot)
                if second is not None:
                    plans.append(_Plan(person, second, {**facts, **self._participation_facts(second)}))
        for person, person_id in zip(persons, self.writer.insert(Person, persons), strict=True):
            person["id"] = person_id
        self.writer.insert(
            LanguageSkill,
            [
                {"person_id": person["id"], "language": code, "level": level}
                for person, skills in zip(persons, languages, strict=True)
                for code, level in skills.items()
            ],
        )
        participation_ids = self.writer.insert(
            Participation,
            [
                {
                    "person_id": plan.person["id"],
                    "project_id": plan.slot.project.pk,
                    "partner_id": plan.slot.partner.pk,
                    "entry_date": plan.facts["entry_date"],
                    "exit_date": plan.facts["exit_date"],
                    "channel": plan.facts["channel"],
                }
                for plan in plans
            ],
        )
        entries: list[dict] = []
        enrolments: list[dict] = []
        consents: list[dict] = []
        for plan, participation_id in zip(plans, participation_ids, strict=True):
            entries.append(self._entry(plan, participation_id))
            enrolments += self._enrolments(plan, participation_id)
            consents += self._consents(plan)
        self.writer.insert(EntryData, entries)
        self.writer.insert(ActivityEnrolment, enrolments)
        self.writer.insert(Consent, consents)
        self.result.persons += len(persons)
        self.result.participations += len(participation_ids)

    def _origin(self, spec: ProjectSpec) -> Origin:
        rng = self.rng
        if rng.random() < spec.finnish_share:
            return ORIGIN_BY_KEY["finland_swedish" if rng.random() < 0.1 else "finnish"]
        if not hasattr(self, "_origin_cum"):
            self._origin_cum = list(_cumulative([o.weight for o in ABROAD]))
        return rng.choices(ABROAD, cum_weights=self._origin_cum)[0]

    def _second_slot(self, slot: _PartnerSlot) -> _PartnerSlot | None:
        """Another project in the same country: alumni of one programme often join another."""
        candidates = [
            s
            for s in self.slots
            if s.project.pk != slot.project.pk and s.partner.country == slot.partner.country
        ]
        return self.rng.choice(candidates) if candidates else None

    def _person(
        self, slot: _PartnerSlot, origin: Origin, gender: str, first: str, last: str, email: str
    ) -> tuple[dict, dict]:
        rng = self.rng
        spec = slot.spec
        if spec.highly_educated:
            level = rng.choices("5678", weights=(1, 8, 9, 2))[0]
        else:
            level = rng.choices("2345678", weights=(2, 6, 2, 2, 5, 4, 1))[0]
        entry_level = "declined" if rng.random() < 0.05 else level
        goals = [rng.choice(spec.goals)]
        if rng.random() < 0.3:
            goals.append(
                rng.choice([g for g in ("employment", "entrepreneurship", "studies") if g not in goals])
            )
        years = rng.randint(1, 15)
        span = "1 year" if years == 1 else f"{years} years"
        occupation = rng.choice(OCCUPATIONS)
        if origin.country == "Finland":
            history = f"{span} as {occupation}."
        else:
            here = COUNTRY_NAMES.get(slot.partner.country, slot.partner.country)
            history = f"{span} as {occupation} in {origin.country}; in {here}: {rng.choice(LOCAL_JOBS)}."
        facts = {
            "gender": gender,
            "age": rng.randint(21, 59),
            "education": entry_level,
            "dob_offset": rng.randint(0, 364),
            **self._participation_facts(slot),
        }
        facts["citizenship"] = self._citizenship(origin)
        facts["foreign_background"] = (
            "no" if origin.citizenship == "fi" else ("declined" if rng.random() < 0.02 else "yes")
        )
        phone = ""
        if rng.random() < 0.7:
            prefix = PHONE_PREFIX.get(slot.partner.country, "+358 4")
            phone = f"{prefix}{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        skills = self._languages(origin, slot)
        preferred = origin.language if origin.language in ("fi", "sv") else "en"
        local = LOCAL_LANGUAGE.get(slot.partner.country)
        if (
            preferred == "en"
            and local in ("fi", "sv")
            and skills.get(local) in ("B2", "C1")
            and rng.random() < 0.5
        ):
            preferred = local
        municipality = slot.municipalities[0] if rng.random() < 0.7 else rng.choice(slot.municipalities)
        person = {
            "first_name": first,
            "last_name": last,
            "email": email,
            "phone": phone,
            "preferred_language": preferred,
            "country_of_residence": slot.partner.country,
            "municipality": municipality,
            "education_level": "" if entry_level == "declined" else level,
            "education_field": rng.choice(FIELDS_OF_EDUCATION) if level >= "5" else "",
            "work_history": history,
            "goals": goals,
            # Person.refresh_search_name, which bulk inserts do not call:
            "search_name": f"{first} {last} {email}".lower()[:400],
        }
        facts["languages"] = skills
        return person, facts

    def _participation_facts(self, slot: _PartnerSlot) -> dict:
        rng = self.rng
        spec = slot.spec
        last_entry = spec.ends_on - dt.timedelta(days=45)
        entry = spec.starts_on + dt.timedelta(days=rng.randint(0, (last_entry - spec.starts_on).days))
        exit_date = None
        if rng.random() < 0.35:
            exit_date = min(entry + dt.timedelta(days=rng.randint(45, 540)), spec.ends_on)
        entrepreneurial = "entrepreneurship" in spec.goals
        status = rng.choices(
            ("unemployed", "employed", "self_employed", "student", "inactive", "declined"),
            weights=(55, 12, 10 if entrepreneurial else 2, 8, 8, 3),
        )[0]
        since = entry - dt.timedelta(days=rng.randint(30, 900)) if status == "unemployed" else None
        sensitive = spec.asks_sensitive
        return {
            "entry_date": entry,
            "exit_date": exit_date,
            "labour_status": status,
            "unemployed_since": since,
            "channel": rng.choices(("self", "coordinator", "import"), weights=(40, 45, 15))[0],
            "homeless": rng.choices(("no", "yes", "declined"), weights=(92, 2, 6))[0],
            "rural": rng.choices(("no", "yes", "declined"), weights=(85, 10, 5))[0],
            "disability": rng.choices(("no", "yes", "declined"), weights=(75, 8, 17))[0] if sensitive else "",
            "minority": rng.choices(("no", "yes", "declined"), weights=(60, 20, 20))[0] if sensitive else "",
            "communications": rng.random() < 0.6,
            "directory": rng.random() < 0.25,
            "withdrawn": rng.random() < 0.05,
            "activity_count": rng.choices((0, 1, 2, 3), weights=(15, 50, 25, 10))[0],
            "minute": rng.randint(0, 479),
            "gender_roll": rng.random(),
        }

    def _citizenship(self, origin: Origin) -> str:
        roll = self.rng.random()
        if roll < 0.03:
            return "declined"
        if origin.citizenship == "non_eu" and roll < 0.11:
            return "fi"  # naturalised
        return origin.citizenship

    def _languages(self, origin: Origin, slot: _PartnerSlot) -> dict[str, str]:
        rng = self.rng
        skills = {origin.language: "native"}
        for extra in origin.other_languages:
            if rng.random() < 0.5:
                skills.setdefault(extra, rng.choice(("B2", "C1", "native")))
        if "en" not in skills and rng.random() < 0.9:
            weights = (1, 3, 5, 4, 1) if slot.spec.highly_educated else (3, 4, 4, 2, 1)
            skills["en"] = rng.choices(("A2", "B1", "B2", "C1", "C2"), weights=weights)[0]
        local = LOCAL_LANGUAGE.get(slot.partner.country)
        if local and local not in skills:
            skills[local] = rng.choices(("A1", "A2", "B1", "B2", "C1"), weights=(4, 5, 4, 2, 1))[0]
        if origin.citizenship == "fi" and "sv" not in skills and rng.random() < 0.5:
            skills["sv"] = rng.choice(("A2", "B1", "B2"))
        return skills

    def _entry(self, plan: _Plan, participation_id: int) -> dict:
        facts = plan.facts
        entry_date: dt.date = facts["entry_date"]
        born = entry_date.replace(year=entry_date.year - facts["age"], day=1)
        gender = facts["gender"]
        if facts["gender_roll"] < 0.04:
            gender = "declined"
        elif facts["gender_roll"] < 0.06:
            gender = "non_binary"
        return {
            "participation_id": participation_id,
            "date_of_birth": born - dt.timedelta(days=facts["dob_offset"]),
            "gender": gender,
            "labour_status": facts["labour_status"],
            "unemployed_since": facts["unemployed_since"],
            "education": facts["education"],
            "citizenship": facts["citizenship"],
            "foreign_background": facts["foreign_background"],
            "homeless": facts["homeless"],
            "rural": facts["rural"],
            "disability": facts["disability"],
            "minority": facts["minority"],
            "asked": plan.slot.asked,
            "recorded_by_id": plan.slot.recorder_id if facts["channel"] == "coordinator" else None,
        }

    def _enrolments(self, plan: _Plan, participation_id: int) -> list[dict]:
        entry, leaves = plan.facts["entry_date"], plan.facts["exit_date"]
        open_to = [
            a
            for a in plan.slot.activities
            if a.ends_on is not None
            and a.ends_on >= entry
            and (leaves is None or (a.starts_on or entry) <= leaves)
        ]
        count = min(plan.facts["activity_count"], len(open_to))
        chosen = self.rng.sample(open_to, count) if count else []
        return [
            {
                "activity_id": a.pk,
                "participation_id": participation_id,
                "enrolled_on": max(entry, a.starts_on or entry),
            }
            for a in chosen
        ]

    def _consents(self, plan: _Plan) -> list[dict]:
        facts = plan.facts
        language = plan.person["preferred_language"]
        notice = plan.slot.notices.get(language) or plan.slot.notices["en"]
        given = dt.datetime.combine(facts["entry_date"], dt.time(9), tzinfo=HELSINKI) + dt.timedelta(
            minutes=facts["minute"]
        )
        purposes = [Purpose.PARTICIPATION]
        if facts["communications"]:
            purposes.append(Purpose.COMMUNICATIONS)
        if facts["directory"]:
            purposes.append(Purpose.DIRECTORY)
        if facts["disability"] in ("yes", "no") or facts["minority"] in ("yes", "no"):
            purposes.append(Purpose.SENSITIVE)
        withdrawn = given + dt.timedelta(days=90) if facts["withdrawn"] else None
        return [
            {
                "person_id": plan.person["id"],
                "project_id": plan.slot.project.pk,
                "purpose": str(purpose),
                "notice_id": notice.pk,
                "given_at": given,
                "withdrawn_at": withdrawn if purpose == Purpose.COMMUNICATIONS else None,
            }
            for purpose in purposes
        ]


def _cumulative(weights: list[float]) -> list[float]:
    total = 0.0
    out = []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _family_name(name: str, gender: str) -> str:
    """ "Ivanov/Ivanova" → the form for the person's gender."""
    if "/" not in name:
        return name
    male, female = name.split("/", 1)
    return female if gender == "woman" else male


def app_demos() -> list[Callable[..., None]]:
    """`populate(*, seed)` of every app's `polku/<app>/demo.py`, in app-name order; a module that builds on
    other apps' demo rows says `DEMO_AFTER = True` and runs after the others.

    Each runs after the projects, staff and participants exist, inside the same transaction, and adds
    that app's demo rows (mentoring programmes, outcomes, …) deterministically from the seed.
    """
    found = []
    for info in sorted(pkgutil.iter_modules(polku.__path__), key=lambda i: i.name):
        if info.name == "demo" or not (Path(polku.__path__[0]) / info.name / "demo.py").exists():
            continue
        found.append(importlib.import_module(f"polku.{info.name}.demo"))
    found.sort(key=lambda module: bool(getattr(module, "DEMO_AFTER", False)))  # stable: names within each
    return [module.populate for module in found]


def build_demo(
    *, seed: int = DEFAULT_SEED, participants: int = DEFAULT_PARTICIPANTS, progress: Progress | None = None
) -> DemoResult:
    """Fill an empty database with the demo; all or nothing."""
    return DemoBuilder(seed=seed, participants=participants, progress=progress).build()
