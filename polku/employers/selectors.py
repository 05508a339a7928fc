"""Reads of employers, needs, candidates and introductions, always through the reader's Access.

- Employers and their needs: the lead and coordinators of the project (companies are not personal data),
  and the employer's own representatives; anyone else gets 404.
- Candidates: blind profiles (`blind_profile`, the one place that decides what an employer sees before an
  introduction is approved), ranked for a need by the engine with reasons in words.
- Introductions: the participant their own; coordinators those of their partners' participants and of the
  employers they manage; representatives those of their employer, the person named only once approved.
  Reading an approved person's name and contact is an audit event; before approval it is a 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.signing import Signer
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.competences.models import OccupationHeld, ProfileSkill
from polku.competences.templatetags.competences import language_name
from polku.employers import matchdata
from polku.employers.models import (
    CooperationEntry,
    Employer,
    EmployerRepresentative,
    Introduction,
    NeedLanguage,
    NeedSkill,
    TalentNeed,
)
from polku.esco.selectors import preferred_labels
from polku.participants.models import Goal, LanguageSkill, Participation, Person
from polku.projects.models import Project

CANDIDATES_SHOWN = 25
OPPORTUNITIES_SHOWN = 20
FOLLOW_UP_HORIZON_DAYS = 14


def represented_employer_ids(access: Access) -> frozenset[int]:
    """The employers the reader acts for as a representative (none for everyone else)."""
    if access.user_id is None or not access.is_employer_representative():
        return frozenset()
    return frozenset(
        EmployerRepresentative.objects.filter(user_id=access.user_id).values_list("employer_id", flat=True)
    )


# --- employers and needs --------------------------------------------------------------------------------


def employer_list(*, access: Access) -> QuerySet[Employer]:
    represented = represented_employer_ids(access)
    return (
        Employer.objects.filter(access.employer_filter(represented))
        .select_related("organisation", "project", "partner__organisation")
        .annotate(
            open_needs=Count("needs", filter=Q(needs__status=TalentNeed.Status.OPEN), distinct=True),
        )
        .order_by("organisation__name", "pk")
    )


def employer_get(*, access: Access, pk: int) -> Employer:
    represented = represented_employer_ids(access)
    rows = Employer.objects.select_related("organisation", "project", "partner__organisation")
    return get_object_or_404(rows.filter(access.employer_filter(represented)), pk=pk)


def can_manage(access: Access, employer: Employer) -> bool:
    return access.can_manage_employer(employer.project_id, employer.partner_id)


def can_act(access: Access, employer: Employer) -> bool:
    """Manage the employer's needs and ask for introductions: its partner's coordinators, the project
    lead, admins and its own representatives."""
    return can_manage(access, employer) or access.can_act_for_employer(
        employer.pk, represented_employer_ids(access)
    )


def need_list(*, employer: Employer) -> QuerySet[TalentNeed]:
    return employer.needs.annotate(
        approved=Count("introductions", filter=Q(introductions__status=Introduction.Status.APPROVED))
    ).order_by("-created_at", "-pk")


def need_get(*, access: Access, pk: int) -> TalentNeed:
    represented = represented_employer_ids(access)
    rows = TalentNeed.objects.select_related(
        "employer__organisation", "employer__project", "employer__partner", "occupation"
    )
    return get_object_or_404(rows.filter(access.employer_filter(represented, "employer__")), pk=pk)


@dataclass(frozen=True)
class SkillRow:
    id: int
    label: str
    required: bool
    confirmed: bool


def need_skill_rows(*, need: TalentNeed, language: str) -> list[SkillRow]:
    rows = list(NeedSkill.objects.filter(need=need))
    labels = preferred_labels([r.skill_id for r in rows], language)
    return sorted(
        (
            SkillRow(
                id=r.pk,
                label=labels.get(r.skill_id, ""),
                required=r.required,
                confirmed=r.status == NeedSkill.Status.CONFIRMED,
            )
            for r in rows
        ),
        key=lambda r: (not r.confirmed, not r.required, r.label.lower()),
    )


def need_language_rows(*, need: TalentNeed) -> list[dict[str, str]]:
    return [
        {"language": language_name(row.language), "level": level_words(row.level), "code": row.language}
        for row in NeedLanguage.objects.filter(need=need)
    ]


# --- blind profiles ---------------------------------------------------------------------------------------


def level_words(level: str) -> str:
    words = {
        "A1": _("Beginner (A1)"),
        "A2": _("Elementary (A2)"),
        "B1": _("Intermediate (B1)"),
        "B2": _("Upper intermediate (B2)"),
        "C1": _("Advanced (C1)"),
        "C2": _("Proficient (C2)"),
        "native": _("First language"),
    }
    return words.get(level, level)


def education_words(level: str) -> str:
    words = {
        "0": _("No formal education"),
        "1": _("Primary education"),
        "2": _("Lower secondary education"),
        "3": _("Upper secondary education"),
        "4": _("Vocational education after upper secondary"),
        "5": _("Short higher education"),
        "6": _("Bachelor's degree or equivalent"),
        "7": _("Master's degree or equivalent"),
        "8": _("Doctoral degree"),
    }
    return words.get(level, _("Not given"))


BLIND_KEYS = frozenset({"ref", "skills", "languages", "education", "experience_years", "goals"})


def candidate_ref(*, participation_id: int, employer_id: int) -> str:
    """A candidate's reference for one employer: stable, unguessable, and different for each employer,
    so two employers cannot tell that they see the same person."""
    return (
        Signer(salt=f"polku.employers.candidate.{employer_id}")
        .sign(str(participation_id))
        .split(":")[-1][:10]
    )


def experience_years(person: Person, *, today: dt.date) -> int:
    return _experience({person.pk: person}, today=today)[person.pk]


def _experience(people: dict[int, Person], *, today: dt.date) -> dict[int, int]:
    years = dict.fromkeys(people, 0)
    rows = OccupationHeld.objects.filter(person_id__in=list(people)).values_list(
        "person_id", "start_year", "end_year"
    )
    for person_id, start, end in rows:
        if start:
            years[person_id] += max(0, (end or today.year) - start)
    return years


def blind_profiles(
    *, participations: list[Participation], employer_id: int, language: str, today: dt.date
) -> dict[int, dict]:
    """What an employer sees of candidates before a candidate approves an introduction, by participation
    id: confirmed skills, languages with levels in words, education level in words, years of work
    experience and goals. No name, photo, age, gender, country of origin, place of residence or contact
    (`BLIND_KEYS`, tested key by key). Four queries for any number of candidates."""
    people = {p.person_id: p.person for p in participations}
    skills: dict[int, list[int]] = {pk: [] for pk in people}
    for person_id, skill_id in ProfileSkill.objects.filter(
        person_id__in=list(people), status=ProfileSkill.Status.CONFIRMED
    ).values_list("person_id", "skill_id"):
        skills[person_id].append(skill_id)
    labels = preferred_labels({s for ids in skills.values() for s in ids}, language)
    languages: dict[int, list[dict[str, str]]] = {pk: [] for pk in people}
    for row in LanguageSkill.objects.filter(person_id__in=list(people)).order_by("language"):
        languages[row.person_id].append(
            {"language": language_name(row.language), "level": level_words(row.level)}
        )
    experience = _experience(people, today=today)
    goals = dict(Goal.choices)
    profiles = {}
    for participation in participations:
        person = people[participation.person_id]
        profile = {
            "ref": candidate_ref(participation_id=participation.pk, employer_id=employer_id),
            "skills": sorted((labels[s] for s in skills[person.pk] if s in labels), key=str.lower),
            "languages": languages[person.pk],
            "education": education_words(person.education_level),
            "experience_years": experience[person.pk],
            "goals": [str(goals[g]) for g in person.goals if g in goals],
        }
        assert set(profile) == BLIND_KEYS
        profiles[participation.pk] = profile
    return profiles


def blind_profile(*, participation: Participation, employer_id: int, language: str, today: dt.date) -> dict:
    """One candidate's blind profile (`blind_profiles`)."""
    return blind_profiles(
        participations=[participation], employer_id=employer_id, language=language, today=today
    )[participation.pk]


@dataclass(frozen=True)
class CandidateRow:
    profile: dict
    fit: matchdata.Fit
    introduction: Introduction | None


def need_candidates(*, need: TalentNeed, language: str, today: dt.date) -> list[CandidateRow]:
    """The need's best candidates as blind profiles with their fit in words, and the introduction already
    asked for each (if any)."""
    pairs = matchdata.candidates_for_need(need, top_k=CANDIDATES_SHOWN)
    ids = [int(p.left) for p in pairs]
    participations = list(Participation.objects.filter(pk__in=ids).select_related("person"))
    profiles = blind_profiles(
        participations=participations, employer_id=need.employer_id, language=language, today=today
    )
    asked = {i.participation_id: i for i in Introduction.objects.filter(need=need, participation_id__in=ids)}
    labels = matchdata.need_skill_labels([need], language)
    return [
        CandidateRow(
            profile=profiles[int(p.left)],
            fit=matchdata.explain_in_words(p, need=need, language=language, labels=labels),
            introduction=asked.get(int(p.left)),
        )
        for p in pairs
    ]


def candidate_by_ref(*, need: TalentNeed, ref: str) -> Participation:
    """The candidate of the need's project behind a reference (404 for anything else, a candidate who
    withdrew their consent included)."""
    for pk in (
        matchdata.candidate_participations(need.employer.project_id).values_list("pk", flat=True).iterator()
    ):
        if candidate_ref(participation_id=pk, employer_id=need.employer_id) == ref:
            return Participation.objects.select_related("person", "project").get(pk=pk)
    raise Http404


# --- the participant's side ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OpportunityRow:
    need: TalentNeed
    fit: matchdata.Fit


def person_candidacies(*, person: Person) -> list[tuple[Participation, bool]]:
    """The person's ongoing participations, each with whether they are opted in to be found."""
    rows = Participation.objects.filter(person=person, exit_date__isnull=True).select_related("project")
    opted = set(matchdata.candidate_participations_for_person(person.pk))
    return [(p, p.pk in opted) for p in rows.order_by("-entry_date", "pk")]


def opportunities(*, participation: Participation, language: str) -> list[OpportunityRow]:
    pairs = matchdata.needs_for_participation(participation, top_k=OPPORTUNITIES_SHOWN)
    needs = {
        n.pk: n
        for n in TalentNeed.objects.filter(pk__in=[int(p.right) for p in pairs]).select_related(
            "employer__organisation"
        )
    }
    labels = matchdata.need_skill_labels(list(needs.values()), language)
    return [
        OpportunityRow(
            need=needs[int(p.right)],
            fit=matchdata.explain_in_words(p, need=needs[int(p.right)], language=language, labels=labels),
        )
        for p in pairs
    ]


def person_introductions_of(person_id: int) -> QuerySet[Introduction]:
    return (
        Introduction.objects.filter(participation__person_id=person_id)
        .select_related("need", "employer__organisation", "participation__project")
        .order_by("status", "-created_at")
    )


def person_introductions(*, person: Person) -> QuerySet[Introduction]:
    return person_introductions_of(person.pk)


def waiting_introductions(*, person_id: int) -> QuerySet[Introduction]:
    """The person's introductions waiting for their answer (their page and their home)."""
    return (
        person_introductions_of(person_id).filter(status=Introduction.Status.PROPOSED).order_by("created_at")
    )


def own_introduction(*, access: Access, pk: int) -> Introduction:
    if access.person_id is None:
        raise Http404
    rows = Introduction.objects.select_related("need", "employer__organisation", "participation")
    return get_object_or_404(rows, pk=pk, participation__person_id=access.person_id)


# --- introductions, staff and employers ------------------------------------------------------------------


def introduction_filter(access: Access) -> Q:
    """The introductions the reader sees: their partners' participants' and their employers' (staff),
    their employer's (representatives)."""
    if access.is_admin:
        return Q()
    represented = represented_employer_ids(access)
    where = Q(participation__partner_id__in=access.coordinator_partner_ids)
    where |= Q(employer__project_id__in=access.lead_project_ids)
    where |= Q(employer__partner_id__in=access.coordinator_partner_ids)
    if represented and access.is_employer_representative():
        where |= Q(employer_id__in=sorted(represented))
    return where


def introduction_list(*, access: Access) -> QuerySet[Introduction]:
    return (
        Introduction.objects.filter(introduction_filter(access))
        .select_related("need", "employer__organisation", "participation__person", "participation__partner")
        .order_by("-created_at", "-pk")
    )


def introduction_get(*, access: Access, pk: int) -> Introduction:
    rows = Introduction.objects.select_related(
        "need",
        "employer__organisation",
        "employer__project",
        "participation__person",
        "participation__partner",
    )
    return get_object_or_404(rows.filter(introduction_filter(access)), pk=pk)


def sees_identity(access: Access, introduction: Introduction) -> bool:
    """Whether the reader may see who the person is: their own coordinators always; the employer's side
    (representatives, the employer's coordinators) only once the person approved."""
    if access.can_manage_partner(introduction.participation.partner_id):
        return True
    return introduction.status == Introduction.Status.APPROVED


def introduction_contact(*, access: Access, actor: User, pk: int) -> dict[str, Any]:
    """The approved person's name and contact details: 404 before approval, nothing revealed; each read an
    audit event."""
    introduction = introduction_get(access=access, pk=pk)
    if not sees_identity(access, introduction):
        raise Http404
    person = introduction.participation.person
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        obj=introduction,
        person_id=person.pk,
        partner_id=introduction.participation.partner_id,
        fields=["first_name", "last_name", "email", "phone"],
    )
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
    }


# --- the cooperation log and home ------------------------------------------------------------------------


def cooperation_list(*, employer: Employer) -> QuerySet[CooperationEntry]:
    return employer.cooperation.select_related("partner__organisation", "recorded_by").order_by(
        "-happened_on", "-pk"
    )


def cooperation_entry_get(*, access: Access, pk: int) -> CooperationEntry:
    entry = get_object_or_404(CooperationEntry.objects.select_related("employer"), pk=pk)
    if not can_manage(access, entry.employer):
        raise Http404
    return entry


def follow_ups_due(*, access: Access, today: dt.date) -> QuerySet[CooperationEntry]:
    """Follow-ups of company contacts not done, due within two weeks or overdue: of the employers the
    reader manages (their partners' and, for a lead, the project's)."""
    if not (access.is_admin or access.coordinator_partner_ids or access.lead_project_ids):
        return CooperationEntry.objects.none()
    rows = CooperationEntry.objects.filter(
        follow_up_on__isnull=False,
        follow_up_done_at__isnull=True,
        follow_up_on__lte=today + dt.timedelta(days=FOLLOW_UP_HORIZON_DAYS),
    )
    if not access.is_admin:
        rows = rows.filter(
            Q(employer__partner_id__in=access.coordinator_partner_ids)
            | Q(employer__project_id__in=access.lead_project_ids)
        )
    return rows.select_related("employer__organisation").order_by("follow_up_on", "pk")


def manageable_projects(*, access: Access) -> QuerySet[Project]:
    rows = Project.objects.all()
    if not access.is_admin:
        rows = rows.filter(pk__in=access.lead_project_ids | access.coordinator_project_ids)
    return rows.order_by("name")
