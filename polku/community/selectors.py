"""Reads of the community network. Every read of another person's profile goes through `live_profiles`
(the directory consent or own opt-in in force right now, not hidden) and `reachable_project_ids` (the
reader's project and the projects that share the directory with it both ways), and shows each field group
only to the audience its owner chose (`visible`). Nothing is cached: withdrawing hides at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.community.models import (
    AUDIENCE_ORDER,
    FIELD_GROUPS,
    Audience,
    Block,
    Connection,
    DirectorySharing,
    Message,
    Profile,
    ProfileLanguage,
    Report,
    Thread,
    audience_field,
)
from polku.consent.models import Purpose
from polku.core.names import country_name, language_name
from polku.esco.selectors import preferred_labels
from polku.events.models import Intent
from polku.participants.models import Participation
from polku.projects.models import Partner

LEVEL_WORDS = {
    "A1": gettext_lazy("beginner (A1)"),
    "A2": gettext_lazy("elementary (A2)"),
    "B1": gettext_lazy("intermediate (B1)"),
    "B2": gettext_lazy("upper intermediate (B2)"),
    "C1": gettext_lazy("advanced (C1)"),
    "C2": gettext_lazy("proficient (C2)"),
    "native": gettext_lazy("first language"),
}
PAGE_SIZE = 25


def reader_language() -> str:
    return (get_language() or "en")[:2]


# --- who is in the directory, and who reaches whom ---------------------------------------------------


def live_profiles() -> QuerySet[Profile]:
    """Profiles in the directory right now: a participant's while their directory consent in the profile's
    project is in force, another member's while their own opt-in is; never a hidden one.

    The consent is joined (at most one is in force per person, project and purpose: a unique constraint of
    consents), not tested by EXISTS: with EXISTS under an OR, PostgreSQL hashes every consent of the
    platform for each query; the join lets a page of 25 probe the consents of those 25 people only."""
    return Profile.objects.annotate(
        _directory_consent=FilteredRelation(
            "person__consents",
            condition=Q(
                person__consents__purpose=Purpose.DIRECTORY,
                person__consents__withdrawn_at__isnull=True,
                person__consents__project_id=F("project_id"),
            ),
        )
    ).filter(
        Q(person__isnull=False, _directory_consent__isnull=False)
        | Q(person__isnull=True, opted_in_at__isnull=False),
        hidden_at__isnull=True,
        user__is_active=True,
    )


def is_live(profile: Profile) -> bool:
    return live_profiles().filter(pk=profile.pk).exists()


def sharing_projects(project_id: int) -> set[int]:
    """The projects whose directory this project's members see, itself included: both opted in and each
    names the other (the one symmetric rule of sharing)."""
    own = DirectorySharing.objects.filter(project_id=project_id, enabled=True).first()
    if own is None:
        return {project_id}
    named = set(own.partners.values_list("pk", flat=True))
    mutual = DirectorySharing.objects.filter(
        project_id__in=named, enabled=True, partners__pk=project_id
    ).values_list("project_id", flat=True)
    return {project_id, *mutual}


def home_project(user: User, access: Access) -> tuple[int, int | None] | None:
    """(project, partner) a member's profile belongs to: a participant's newest participation, else the
    first mentor or employer membership; None for someone the community is not for."""
    if access.person_id is not None:
        row = (
            Participation.objects.filter(person_id=access.person_id)
            .order_by("exit_date", "-entry_date", "-pk")
            .values_list("project_id", "partner_id")
            .first()
        )
        if row:
            return row[0], row[1]
    membership = (
        Membership.objects.filter(user=user, role__in=[Role.MENTOR, Role.EMPLOYER])
        .order_by("pk")
        .values_list("project_id", "partner_id")
        .first()
    )
    return (membership[0], membership[1]) if membership else None


def own_profile(user: User) -> Profile | None:
    return Profile.objects.filter(user=user).select_related("project", "partner").first()


@dataclass
class Viewer:
    """The reader inside the network: their own live profile and their relations, read once per request."""

    profile: Profile
    project_ids: set[int]
    connected: set[int]
    blocked: set[int]  # blocked by them, or blocking them
    asked: set[int] = field(default_factory=set)  # they asked; waiting or declined (never told)


def blocked_ids(profile_id: int) -> set[int]:
    rows = Block.objects.filter(Q(blocker_id=profile_id) | Q(blocked_id=profile_id)).values_list(
        "blocker_id", "blocked_id"
    )
    return {b if a == profile_id else a for a, b in rows}


def connected_ids(profile_id: int) -> set[int]:
    rows = Connection.objects.filter(
        Q(sender_id=profile_id) | Q(recipient_id=profile_id), status=Connection.Status.ACCEPTED
    ).values_list("sender_id", "recipient_id")
    return {b if a == profile_id else a for a, b in rows} - blocked_ids(profile_id)


def viewer_for(user: User) -> Viewer | None:
    """The reader as a member of the network, or None when their own profile is not in the directory (one
    sees the directory only while one is in it)."""
    profile = own_profile(user)
    if profile is None or not is_live(profile):
        return None
    blocked = blocked_ids(profile.pk)
    connected = connected_ids(profile.pk)
    asked = set(
        Connection.objects.filter(sender=profile)
        .exclude(status=Connection.Status.ACCEPTED)
        .values_list("recipient_id", flat=True)
    )
    return Viewer(
        profile=profile,
        project_ids=sharing_projects(profile.project_id),
        connected=connected,
        blocked=blocked,
        asked=asked,
    )


def visible_q(viewer: Viewer, group: str, prefix: str = "") -> Q:
    """Profiles whose field group `group` the viewer may see, as a filter (the audience is a threshold:
    connections see what the project sees, the project what the directory sees)."""
    name = f"{prefix}{audience_field(group)}"
    wide = Q(**{name: Audience.DIRECTORY})
    if group == "contact":
        wide = Q(pk__in=[])
    project = Q(**{f"{name}__in": [Audience.PROJECT, Audience.DIRECTORY]}) & Q(
        **{f"{prefix}project_id": viewer.profile.project_id}
    )
    connections = Q(**{f"{name}__in": [Audience.CONNECTIONS, Audience.PROJECT, Audience.DIRECTORY]}) & Q(
        **{f"{prefix}pk__in": sorted(viewer.connected)}
    )
    return wide | project | connections


def sees(viewer: Viewer | None, profile: Any, group: str) -> bool:
    """`visible_q` for one profile already read (and the owner sees everything of their own). `profile` is
    a Profile or a row with its `pk`, `project_id` and audiences."""
    if viewer is None:
        return False
    if viewer.profile.pk == profile.pk:
        return True
    audience = getattr(profile, audience_field(group))
    level = AUDIENCE_ORDER[audience]
    if level == AUDIENCE_ORDER[Audience.NOBODY]:
        return False
    if profile.pk in viewer.connected:
        return True
    if level >= AUDIENCE_ORDER[Audience.PROJECT] and profile.project_id == viewer.profile.project_id:
        return group != "contact"
    return audience == Audience.DIRECTORY and group != "contact"


def directory_profiles(viewer: Viewer) -> QuerySet[Profile]:
    """Other live profiles that reach the viewer, never blocked either way."""
    return (
        live_profiles()
        .filter(project_id__in=sorted(viewer.project_ids))
        .exclude(pk__in=sorted(viewer.blocked | {viewer.profile.pk}))
    )


def directory_countries(viewer: Viewer) -> list[str]:
    """The countries offered by the country filter: those of the partners of the projects the viewer
    reaches (read from a few partner rows, not from 100,000 profiles; a filter of every country of the
    world would mostly match nobody and does not fit a phone)."""
    return sorted(
        set(
            Partner.objects.filter(project_id__in=sorted(viewer.project_ids))
            .exclude(country="")
            .values_list("country", flat=True)
        )
    )


@dataclass
class Page:
    """One page of the directory without a total: counting every profile of a large directory on each
    search costs more than the page itself, and nobody needs the exact number to browse."""

    rows: list[Profile]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(rows: QuerySet[Profile], number: int, size: int = PAGE_SIZE) -> Page:
    number = max(1, number)
    found = list(rows[(number - 1) * size : number * size + 1])
    return Page(rows=found[:size], number=number, has_next=len(found) > size)


@dataclass(frozen=True)
class Filters:
    text: str = ""
    skill: int | None = None
    language: str = ""
    country: str = ""
    offers: str = ""
    looks_for: str = ""


def directory_search(*, viewer: Viewer, filters: Filters) -> QuerySet[Profile]:
    """The directory narrowed by the filters; each filter only matches a field the viewer may see, so a
    search never reveals a field its owner kept from them."""
    rows = directory_profiles(viewer)
    if filters.text:
        rows = rows.filter(
            Q(display_name__icontains=filters.text)
            | (Q(introduction__icontains=filters.text) & visible_q(viewer, "introduction"))
        )
    # EXISTS rather than joins: no duplicate rows, so no DISTINCT over the whole directory
    if filters.skill:
        has_skill = Profile.skills.through.objects.filter(profile_id=OuterRef("pk"), concept_id=filters.skill)
        rows = rows.filter(visible_q(viewer, "skills"), Exists(has_skill))
    if filters.language:
        speaks = ProfileLanguage.objects.filter(profile_id=OuterRef("pk"), language=filters.language)
        rows = rows.filter(visible_q(viewer, "languages"), Exists(speaks))
    if filters.country:
        rows = rows.filter(visible_q(viewer, "place"), country=filters.country.upper())
    if filters.offers:
        rows = rows.filter(visible_q(viewer, "intents"), offers_text__contains=f" {filters.offers} ")
    if filters.looks_for:
        rows = rows.filter(visible_q(viewer, "intents"), looks_for_text__contains=f" {filters.looks_for} ")
    return rows.select_related("photo").defer("photo__data").order_by("display_name", "pk")


def profile_for(*, viewer: Viewer | None, pk: int) -> Profile:
    """Another member's profile as the viewer may reach it (404 otherwise: hidden, withdrawn, blocked,
    or of a project that does not share with the viewer's)."""
    if viewer is None:
        raise Http404
    if pk == viewer.profile.pk:
        return viewer.profile
    profile = directory_profiles(viewer).filter(pk=pk).select_related("project", "partner").first()
    if profile is None:
        raise Http404
    return profile


# --- a profile as the reader sees it ---------------------------------------------------------------


@dataclass
class Card:
    """What the reader may see of a profile, already in words (labels in the reader's language)."""

    profile: Profile
    name: str
    fields: dict[str, Any]
    relation: str  # self, connected, asked, asks_me, none

    @property
    def pk(self) -> int:
        return self.profile.pk


def intent_labels(values: list[str]) -> list[str]:
    names = dict(Intent.choices)
    return [str(names[v]) for v in values if v in names]


def cards(viewer: Viewer | None, profiles: list[Profile], *, full: bool = False) -> list[Card]:
    """Cards of the profiles with the fields the viewer may see (`full`: every group, for a profile page)."""
    language = reader_language()
    ids = [p.pk for p in profiles]
    skill_rows: dict[int, list[int]] = {}
    if ids:
        through = Profile.skills.through.objects.filter(profile_id__in=ids)
        for profile_id, concept_id in through.values_list("profile_id", "concept_id"):
            skill_rows.setdefault(profile_id, []).append(concept_id)
    labels = preferred_labels([c for rows in skill_rows.values() for c in rows], language)
    language_rows: dict[int, list[tuple[str, str]]] = {}
    for profile_id, code, level in (
        ProfileLanguage.objects.filter(profile_id__in=ids)
        .order_by()
        .values_list("profile_id", "language", "level")
    ):
        language_rows.setdefault(profile_id, []).append((code, level))
    incoming = set()
    if viewer is not None and ids:
        incoming = set(
            Connection.objects.filter(
                recipient=viewer.profile, sender_id__in=ids, status=Connection.Status.PENDING
            ).values_list("sender_id", flat=True)
        )
    result = []
    for profile in profiles:
        shown: dict[str, Any] = {}

        def allowed(group: str, p: Profile = profile) -> bool:
            return sees(viewer, p, group)

        if allowed("introduction") and profile.introduction:
            shown["introduction"] = profile.introduction
        if allowed("place") and (profile.city or profile.country):
            shown["place"] = ", ".join(x for x in (profile.city, country_name(profile.country)) if x)
            shown["country"] = profile.country
        if allowed("languages") and language_rows.get(profile.pk):
            shown["languages"] = [
                {
                    "code": code,
                    "name": language_name(code),
                    "level": level,
                    "level_words": str(LEVEL_WORDS[level]),
                }
                for code, level in sorted(language_rows[profile.pk])
            ]
        if allowed("skills") and skill_rows.get(profile.pk):
            shown["skills"] = sorted(
                ({"id": c, "label": labels.get(c, "")} for c in skill_rows[profile.pk]),
                key=lambda row: row["label"].casefold(),
            )
        if allowed("intents") and (profile.offers or profile.looks_for):
            shown["offers"] = intent_labels(profile.offers)
            shown["looks_for"] = intent_labels(profile.looks_for)
        if allowed("photo") and hasattr(profile, "photo"):
            shown["photo"] = True
        if full and allowed("links") and profile.links:
            shown["links"] = list(profile.links)
        if full and allowed("contact") and (profile.contact_email or profile.phone):
            shown["contact"] = {"email": profile.contact_email, "phone": profile.phone}
        if viewer is None:
            relation = "none"
        elif profile.pk == viewer.profile.pk:
            relation = "self"
        elif profile.pk in viewer.connected:
            relation = "connected"
        elif profile.pk in incoming:
            relation = "asks_me"
        elif profile.pk in viewer.asked:
            relation = "asked"
        else:
            relation = "none"
        result.append(Card(profile=profile, name=profile.display_name, fields=shown, relation=relation))
    return result


def audience_rows(profile: Profile) -> list[tuple[str, str, str]]:
    """(group, its name, the chosen audience's name) for the owner's "who sees what" summary."""
    names = dict(Audience.choices)
    return [
        (group, str(label), str(names[getattr(profile, audience_field(group))]))
        for group, label in FIELD_GROUPS.items()
    ]


# --- connections, messages ---------------------------------------------------------------------------


def incoming_requests(viewer: Viewer) -> QuerySet[Connection]:
    return (
        Connection.objects.filter(recipient=viewer.profile, status=Connection.Status.PENDING)
        .exclude(sender_id__in=sorted(viewer.blocked))
        .filter(sender__in=live_profiles())
        .select_related("sender")
    )


def connections(viewer: Viewer) -> QuerySet[Profile]:
    return live_profiles().filter(pk__in=sorted(viewer.connected)).order_by("display_name", "pk")


def unread_count(profile: Profile) -> int:
    return Message.objects.filter(recipient=profile, read_at__isnull=True).count()


@dataclass
class ThreadRow:
    thread: Thread
    other: Profile | None
    unread: int


def thread_list(profile: Profile) -> list[ThreadRow]:
    threads = (
        Thread.objects.filter(Q(first=profile) | Q(second=profile))
        .select_related("first", "second")
        .annotate(
            unread=Count("messages", filter=Q(messages__recipient=profile, messages__read_at__isnull=True))
        )
        .order_by("-last_message_at", "-pk")
    )
    return [
        ThreadRow(thread=t, other=t.second if t.first_id == profile.pk else t.first, unread=t.unread)
        for t in threads
    ]


def thread_get(*, profile: Profile, pk: int) -> Thread:
    thread = Thread.objects.filter(Q(first=profile) | Q(second=profile), pk=pk).first()
    if thread is None:
        raise Http404
    return thread


def thread_between(a: Profile, b: Profile) -> Thread | None:
    first, second = sorted((a.pk, b.pk))
    return Thread.objects.filter(first_id=first, second_id=second).first()


def message_text(message: Message) -> str:
    return _("deleted") if message.erased else message.body


# --- reports (coordinators) --------------------------------------------------------------------------


def report_list(*, access: Access) -> QuerySet[Report]:
    """The reports made by people of the reader's partners; admins see all."""
    rows = Report.objects.select_related("reported", "reporter", "partner__organisation")
    if access.is_admin:
        return rows
    return rows.filter(partner_id__in=sorted(access.coordinator_partner_ids))


def report_get(*, access: Access, pk: int) -> Report:
    report = report_list(access=access).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


# --- counts (coordinators and the dashboard: never messages) -------------------------------------------


@dataclass(frozen=True)
class Counts:
    profiles_on: int
    connections: int
    across_partners: int
    across_countries: int


def project_counts(*, project_id: int, partner_ids: frozenset[int] | set[int] | None = None) -> Counts:
    """Live profiles of the project, and accepted connections that involve one of them, how many of those
    join two partners and two countries (by the partners' countries)."""
    profiles = live_profiles().filter(project_id=project_id)
    if partner_ids is not None:
        profiles = profiles.filter(partner_id__in=sorted(partner_ids))
    mine = Connection.objects.filter(status=Connection.Status.ACCEPTED).filter(
        Q(sender__in=profiles) | Q(recipient__in=profiles)
    )
    across_partners = mine.exclude(sender__partner_id=F("recipient__partner_id")).count()
    across_countries = mine.exclude(sender__partner__country=F("recipient__partner__country")).count()
    return Counts(
        profiles_on=profiles.count(),
        connections=mine.count(),
        across_partners=across_partners,
        across_countries=across_countries,
    )
