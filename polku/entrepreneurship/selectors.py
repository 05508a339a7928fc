"""Reads of entrepreneurship, always through the reader's Access; a row outside it is a 404.

Ideas: the team, the owner's coordinators and the idea's sparring experts (`Access.idea_filter`); a staff
read of an idea (coordinator, expert, admin) is an audit event. Sparring notes: the team and the expert
only. Listings: their partner's coordinators, the project lead and admins, every field (reads audited);
a successor sees a listing only through an introduction proposed to them, and its confidential fields
only once the names are exchanged (`listing_view`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record, audit_staff_read
from polku.competences.models import ProfileSkill
from polku.entrepreneurship import codes
from polku.entrepreneurship.models import (
    TIMELINE_MONTHS,
    BusinessIdea,
    Introduction,
    Sparring,
    Stage,
    SuccessorProfile,
    Timeline,
    TransferListing,
)
from polku.entrepreneurship.services.ideas import is_team
from polku.esco.models import Concept
from polku.esco.selectors import preferred_labels
from polku.matching import succession
from polku.participants.models import LanguageSkill, Participation, Person

BOARD_STAGES = list(Stage.values)


def _ideas() -> QuerySet[BusinessIdea]:
    return BusinessIdea.objects.select_related(
        "participation__person", "participation__partner__organisation", "participation__project"
    )


def idea_get(*, access: Access, pk: int) -> BusinessIdea:
    """An idea the reader reaches (for writes; nothing is shown, so nothing is audited); 404 otherwise."""
    return get_object_or_404(_ideas().filter(access.idea_filter()).distinct(), pk=pk)


def idea_read(*, access: Access, actor: User, pk: int) -> BusinessIdea:
    """An idea to show; a read by anyone outside its team is audited."""
    idea = idea_get(access=access, pk=pk)
    if not is_team(access, idea):
        audit_staff_read(
            actor=actor,
            obj=idea,
            person_id=idea.participation.person_id,
            partner_id=idea.participation.partner_id,
            fields=["canvas", "evidence", "stage"],
        )
    return idea


def my_ideas(*, person: Person | int) -> QuerySet[BusinessIdea]:
    """The ideas the person owns or co-founds (`person` a Person or its id)."""
    person_id = person if isinstance(person, int) else person.pk
    return (
        _ideas()
        .filter(Q(participation__person_id=person_id) | Q(co_founders__id=person_id))
        .prefetch_related("co_founders")
        .distinct()
        .order_by("-updated_at", "-id")
    )


def my_participations(*, person: Person) -> QuerySet[Participation]:
    return Participation.objects.filter(person=person, exit_date__isnull=True).select_related(
        "project", "partner"
    )


def pipeline(*, access: Access, stage: str | None = None) -> dict[str, list[BusinessIdea]]:
    """The coordinator's ideas by stage: each of the board's columns, latest moved first."""
    rows = (
        _ideas()
        .filter(access.participation_filter("participation__"))
        .prefetch_related("co_founders")
        .order_by("-stage_since", "-id")
    )
    board: dict[str, list[BusinessIdea]] = {s: [] for s in BOARD_STAGES}
    for idea in rows:
        board[idea.stage].append(idea)
    return board


def ideas_i_spar(*, user: User) -> QuerySet[Sparring]:
    return (
        Sparring.objects.filter(expert=user)
        .select_related("idea__participation__person")
        .prefetch_related("sessions")
        .order_by("ended_on", "-created_at")
    )


def sparring_get(*, access: Access, pk: int) -> Sparring:
    """A sparring with its private session notes: the idea's team and the expert (admins too); 404 else."""
    sparring = get_object_or_404(
        Sparring.objects.select_related("idea__participation__person", "expert").prefetch_related("sessions"),
        pk=pk,
    )
    if not (access.is_admin or access.user_id == sparring.expert_id or is_team(access, sparring.idea)):
        raise Http404
    return sparring


def sparring_read(*, access: Access, actor: User, pk: int) -> Sparring:
    sparring = sparring_get(access=access, pk=pk)
    if not is_team(access, sparring.idea):
        audit_staff_read(
            actor=actor,
            obj=sparring,
            person_id=sparring.idea.participation.person_id,
            partner_id=sparring.idea.participation.partner_id,
            fields=["notes", "readiness"],
        )
    return sparring


def sparring_hours(sparring: Sparring) -> float:
    return sum(s.duration_minutes for s in sparring.sessions.all()) / 60


# --- listings -------------------------------------------------------------------------------------


def listings(*, access: Access) -> QuerySet[TransferListing]:
    return (
        TransferListing.objects.filter(access.listing_filter())
        .select_related("partner__organisation", "partner__project")
        .order_by("status", "-created_at", "-id")
    )


def listing_get(*, access: Access, pk: int) -> TransferListing:
    """A listing the reader manages (for writes; nothing shown, nothing audited); 404 otherwise."""
    return get_object_or_404(listings(access=access), pk=pk)


def listing_read(*, access: Access, actor: User, pk: int) -> TransferListing:
    """A listing with its confidential fields, for those who manage it; the read is audited."""
    listing = listing_get(access=access, pk=pk)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        obj=listing,
        partner_id=listing.partner_id,
        fields=list(TransferListing.CONFIDENTIAL),
    )
    return listing


def introduction_get(*, access: Access, pk: int) -> Introduction:
    """An introduction for its successor (the participant), the listing's managers, and the successor's
    coordinators; 404 otherwise."""
    rows = Introduction.objects.select_related(
        "listing__partner__project", "listing__partner__organisation", "successor__participation__person"
    )
    visible = access.listing_filter("listing__") | access.participation_filter("successor__participation__")
    if access.person_id is not None:
        visible |= Q(successor__participation__person_id=access.person_id)
    return get_object_or_404(rows.filter(visible), pk=pk)


def confidential_visible(access: Access, introduction: Introduction) -> bool:
    """The listing's confidential fields: its managers always; the successor once names are exchanged."""
    listing = introduction.listing
    if access.can_manage_listing(listing.partner.project_id, listing.partner_id):
        return True
    return introduction.names_exchanged_at is not None


def my_introductions(*, person: Person) -> QuerySet[Introduction]:
    return (
        Introduction.objects.filter(successor__participation__person=person)
        .select_related("listing")
        .order_by("-created_at", "-id")
    )


def introductions(*, access: Access) -> QuerySet[Introduction]:
    return (
        Introduction.objects.filter(access.listing_filter("listing__"))
        .select_related("listing", "successor__participation__person")
        .order_by("status", "-created_at", "-id")
    )


def my_successor_profile(*, person: Person) -> SuccessorProfile | None:
    return (
        SuccessorProfile.objects.filter(participation__person=person).select_related("participation").first()
    )


def successor_get(*, access: Access, pk: int) -> SuccessorProfile:
    rows = SuccessorProfile.objects.select_related("participation__person", "participation__partner")
    return get_object_or_404(rows.filter(access.participation_filter("participation__")), pk=pk)


# --- matching -------------------------------------------------------------------------------------


def _listing_data(listing: TransferListing, skill_uris: frozenset[str]) -> succession.Listing:
    months = None
    if listing.handover_by:
        days = (listing.handover_by - timezone.localdate()).days
        months = max(0, days // 30)
    return succession.Listing(
        id=str(listing.pk),
        industry=listing.industry,
        section=codes.section_of(listing.industry),
        region=listing.region,
        country=listing.country,
        skills=skill_uris,
        languages=dict(listing.languages or {}),
        experience_years=listing.experience_years,
        capital_band=listing.capital_band,
        handover_in_months=months,
    )


def _successor_data(
    profile: SuccessorProfile, skills: frozenset[str], languages: dict[str, str]
) -> succession.Successor:
    return succession.Successor(
        id=str(profile.pk),
        industries=frozenset(profile.industries or []),
        regions=frozenset(profile.regions or []),
        anywhere_in=frozenset({"FI"}) if profile.anywhere_in_finland else frozenset(),
        country=profile.participation.partner.country,
        skills=skills,
        languages=languages,
        experience_years=profile.experience_years,
        capital_band=profile.capital_band,
        ready_in_months=TIMELINE_MONTHS.get(Timeline(profile.timeline)),
    )


@dataclass
class MatchRow:
    listing: TransferListing
    successor: SuccessorProfile
    fit: str
    reasons: list[str]
    introduction: Introduction | None = None


def _successor_pool(access: Access, project_id: int) -> list[SuccessorProfile]:
    return list(
        SuccessorProfile.objects.filter(
            access.participation_filter("participation__"), participation__project_id=project_id, active=True
        )
        .select_related("participation__person", "participation__partner")
        .order_by("pk")
    )


def _people_data(
    profiles: list[SuccessorProfile],
) -> tuple[dict[int, frozenset[str]], dict[int, dict[str, str]]]:
    person_ids = [p.participation.person_id for p in profiles]
    skills: dict[int, set[str]] = {pid: set() for pid in person_ids}
    for person_id, uri in ProfileSkill.objects.filter(
        person_id__in=person_ids, status=ProfileSkill.Status.CONFIRMED
    ).values_list("person_id", "skill__uri"):
        skills[person_id].add(uri)
    languages: dict[int, dict[str, str]] = {pid: {} for pid in person_ids}
    for person_id, lang, level in LanguageSkill.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "language", "level"
    ):
        languages[person_id][lang] = "native" if level.lower() in ("native", "mother") else level
    return {k: frozenset(v) for k, v in skills.items()}, languages


def reason_words(listing: TransferListing, reason: succession.Reason, labels: dict[str, str]) -> str:
    """One reason of a match in a sentence of the reader's language, with names, never codes."""
    names = lambda items: ", ".join(labels.get(i, i) for i in items)  # noqa: E731
    match reason.criterion:
        case "skills":
            if not reason.matched and not reason.missing:
                return _("No particular skills asked for.")
            if reason.matched:
                text = _("Has the skills: %(skills)s.") % {"skills": names(reason.matched)}
            else:
                text = _("Has none of the skills asked for.")
            if reason.missing:
                text += " " + _("Missing: %(skills)s.") % {"skills": names(reason.missing)}
            return text
        case "industry":
            industry = codes.industry_name(listing.industry)
            if reason.value >= 1:
                return _("Wants to work in this industry: %(industry)s.") % {"industry": industry}
            if reason.value > 0:
                return _("Wants to work in the same field: %(field)s.") % {
                    "field": codes.industry_name(codes.section_of(listing.industry))
                }
            return _("Did not name this industry.")
        case "region":
            if reason.value >= 1:
                return _("Would take over a company in this region.")
            if reason.value > 0:
                return _("Lives in the same country but named other regions.")
            return _("Named other regions.")
        case "languages":
            if not reason.matched and not reason.missing:
                return _("No particular languages asked for.")
            if not reason.missing:
                return _("Speaks the languages asked for well enough.")
            return _("Does not speak every language asked for well enough.")
        case "experience":
            if reason.value >= 1:
                return _("Has the experience asked for.")
            return _("Has less experience than asked for.")
        case "timeline":
            if reason.value >= 1:
                return _("Ready in time for the hand-over.")
            return _("Ready only after the owner's hand-over date.")
    return ""


def fit_word(fit: str) -> str:
    return str(
        {"strong": _("Strong match"), "good": _("Good match"), "fair": _("Fair match")}.get(
            fit, _("Weak match")
        )
    )


def skill_labels(uris: set[str], language: str) -> dict[str, str]:
    concepts = dict(Concept.objects.filter(uri__in=uris).values_list("pk", "uri"))
    labels = preferred_labels(concepts, language)
    return {concepts[pk]: label for pk, label in labels.items()}


def successors_for_listing(
    *, access: Access, listing: TransferListing, language: str, top_k: int = 10
) -> list[MatchRow]:
    """The reader's successors (their own partners' participants) for a listing, best first, with reasons."""
    pool = _successor_pool(access, listing.partner.project_id)
    skills, languages = _people_data(pool)
    wanted = frozenset(listing.skills.values_list("uri", flat=True))
    data = _listing_data(listing, wanted)
    by_id = {str(p.pk): p for p in pool}
    matches = succession.successors_for(
        data,
        [
            _successor_data(p, skills[p.participation.person_id], languages[p.participation.person_id])
            for p in pool
        ],
        top_k=top_k,
    )
    labels = skill_labels(set(wanted), language)
    intros = {i.successor_id: i for i in listing.introductions.all()}
    return [
        MatchRow(
            listing=listing,
            successor=by_id[m.successor],
            fit=m.fit,
            reasons=[reason_words(listing, r, labels) for r in m.reasons],
            introduction=intros.get(int(m.successor)),
        )
        for m in matches
    ]


def listings_for_successor(
    *, access: Access, profile: SuccessorProfile, language: str, top_k: int = 10
) -> list[MatchRow]:
    """Open listings the reader manages in the successor's project, best first, with reasons."""
    rows = list(
        listings(access=access)
        .filter(partner__project_id=profile.participation.project_id, status=TransferListing.Status.OPEN)
        .prefetch_related("skills")
    )
    skills, languages = _people_data([profile])
    person = profile.participation.person_id
    successor = _successor_data(profile, skills[person], languages[person])
    by_id = {str(r.pk): r for r in rows}
    datas = [_listing_data(r, frozenset(s.uri for s in r.skills.all())) for r in rows]
    matches = succession.listings_for(successor, datas, top_k=top_k)
    labels = skill_labels({u for d in datas for u in d.skills}, language)
    return [
        MatchRow(
            listing=by_id[m.listing],
            successor=profile,
            fit=m.fit,
            reasons=[reason_words(by_id[m.listing], r, labels) for r in m.reasons],
        )
        for m in matches
    ]
