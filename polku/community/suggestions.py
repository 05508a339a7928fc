"""Suggested contacts for one member: the candidates are read from the directory as the member may see
them (a field kept from the member never becomes a reason), the Django-free engine
`polku.matching.contacts` ranks them, and the reasons are put into words in the reader's language.

For speed among many profiles the candidates are gathered first by what can link them to the member (the
most shared skills, complementary intents, the same events or rounds), at most `POOL` of each kind; the
engine then weighs them all."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from polku.community.models import FIELD_GROUPS, Connection, Profile, ProfileLanguage, audience_field
from polku.community.selectors import (
    Card,
    Viewer,
    cards,
    directory_profiles,
    intent_labels,
    reader_language,
    sees,
    visible_q,
)
from polku.core.names import country_name, language_name
from polku.esco.selectors import preferred_labels
from polku.events.models import BreakoutGroup, Event, Registration
from polku.matching import contacts as engine

POOL = 300
AUDIENCE_COLUMNS = [audience_field(group) for group in FIELD_GROUPS]


@dataclass
class Suggested:
    card: Card
    reasons: list[str]


def _registrations(profile: Profile) -> Q:
    where = Q(user_id=profile.user_id)
    if profile.person_id:
        where |= Q(participation__person_id=profile.person_id)
    return where


def _profile_ids_of(registrations: Q) -> dict[int, int]:
    """registration id -> profile id of the profiles behind these registrations."""
    rows = Registration.objects.filter(registrations).values_list("pk", "user_id", "participation__person_id")
    users = {u for _pk, u, _p in rows if u}
    people = {p for _pk, _u, p in rows if p}
    by_user = dict(Profile.objects.filter(user_id__in=users).values_list("user_id", "pk"))
    by_person = dict(Profile.objects.filter(person_id__in=people).values_list("person_id", "pk"))
    found = {}
    for pk, user_id, person_id in rows:
        profile_id = by_user.get(user_id) or by_person.get(person_id)
        if profile_id:
            found[pk] = profile_id
    return found


def _together(me: Profile) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """Profiles that were at the same events (attended) and in the same published rounds as `me`."""
    mine = Registration.objects.filter(_registrations(me))
    events = set(mine.filter(attendance=Registration.Attendance.ATTENDED).values_list("event_id", flat=True))
    at_events: dict[int, set[str]] = {}
    if events:
        others = _profile_ids_of(
            Q(event_id__in=events, attendance=Registration.Attendance.ATTENDED) & ~Q(pk__in=mine)
        )
        for pk, event_id in Registration.objects.filter(pk__in=list(others)).values_list("pk", "event_id"):
            at_events.setdefault(others[pk], set()).add(str(event_id))
    groups = BreakoutGroup.objects.filter(published=True, members__in=mine).values_list("pk", flat=True)
    in_rounds: dict[int, set[str]] = {}
    if groups:
        through = BreakoutGroup.members.through.objects.filter(breakoutgroup_id__in=list(groups)).exclude(
            registration__in=mine
        )
        pairs = list(through.values_list("registration_id", "breakoutgroup__event_id"))
        others = _profile_ids_of(Q(pk__in=[r for r, _e in pairs]))
        for registration_id, event_id in pairs:
            if registration_id in others:
                in_rounds.setdefault(others[registration_id], set()).add(str(event_id))
    return at_events, in_rounds


def _excluded(me: Profile) -> set[int]:
    """Connected, asked either way, declined either way: never suggested (blocked ones are out of reach)."""
    rows = Connection.objects.filter(Q(sender=me) | Q(recipient=me)).values_list("sender_id", "recipient_id")
    return {b if a == me.pk else a for a, b in rows}


def _member(
    profile: Any,
    skills: set[int],
    languages: dict[str, str],
    events: set[str],
    rounds: set[str],
    *,
    intents: bool,
) -> engine.Member:
    return engine.Member(
        id=str(profile.pk),
        partner=str(profile.partner_id or ""),
        country=profile.partner_country,
        skills=frozenset(str(s) for s in skills),
        offers=frozenset(profile.offers) if intents else frozenset(),
        looks_for=frozenset(profile.looks_for) if intents else frozenset(),
        languages=languages,
        events=frozenset(events),
        rounds=frozenset(rounds),
    )


def suggestions(*, viewer: Viewer, limit: int = 12) -> list[Suggested]:
    me = viewer.profile
    reach = directory_profiles(viewer).exclude(pk__in=sorted(_excluded(me)))
    my_skills = set(me.skills.values_list("pk", flat=True))
    at_events, in_rounds = _together(me)
    pool: set[int] = set(at_events) | set(in_rounds)
    if my_skills:
        # the profiles with the most of the member's skills, read from the skills table alone (reach and
        # visibility are applied to the candidates below, on a few hundred rows)
        through = Profile.skills.through.objects.filter(concept_id__in=sorted(my_skills)).exclude(
            profile_id=me.pk
        )
        pool |= {
            row["profile_id"]
            for row in through.values("profile_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "profile_id")[: 2 * POOL]
        }
    intent = Q(pk__in=[])
    for value in me.looks_for:
        intent |= Q(offers_text__contains=f" {value} ")
    for value in me.offers:
        intent |= Q(looks_for_text__contains=f" {value} ")
    if me.looks_for or me.offers:
        pool |= set(reach.filter(intent, visible_q(viewer, "intents")).values_list("pk", flat=True)[:POOL])
    if not pool:
        return []
    # plain rows, not model objects: a few hundred model instances cost more than the query
    columns = ["pk", "project_id", "partner_id", "offers", "looks_for", *AUDIENCE_COLUMNS]
    candidates = [
        SimpleNamespace(**row, partner_country=row.pop("partner__country") or "")
        for row in reach.filter(pk__in=sorted(pool)).values(*columns, "partner__country")
    ]
    # the candidates are read with their audiences: who shows the viewer what is decided on the rows read
    sees_skills = {c.pk for c in candidates if sees(viewer, c, "skills")}
    sees_intents = {c.pk for c in candidates if sees(viewer, c, "intents")}
    sees_languages = {c.pk for c in candidates if sees(viewer, c, "languages")}
    skills: dict[int, set[int]] = {}
    for profile_id, concept_id in Profile.skills.through.objects.filter(
        profile_id__in=sorted(sees_skills), concept_id__in=sorted(my_skills)
    ).values_list("profile_id", "concept_id"):
        skills.setdefault(profile_id, set()).add(concept_id)
    languages: dict[int, dict[str, str]] = {}
    for profile_id, code, level in (
        ProfileLanguage.objects.filter(profile_id__in=sorted(sees_languages | {me.pk}))
        .order_by()
        .values_list("profile_id", "language", "level")
    ):
        languages.setdefault(profile_id, {})[code] = level
    me_row = SimpleNamespace(
        pk=me.pk,
        partner_id=me.partner_id,
        partner_country=me.partner.country if me.partner else "",
        offers=me.offers,
        looks_for=me.looks_for,
    )
    me_member = _member(
        me_row,
        my_skills,
        languages.get(me.pk, {}),
        {e for rows in at_events.values() for e in rows},
        {e for rows in in_rounds.values() for e in rows},
        intents=True,
    )
    members = [
        _member(
            c,
            skills.get(c.pk, set()),
            languages.get(c.pk, {}),
            at_events.get(c.pk, set()),
            in_rounds.get(c.pk, set()),
            intents=c.pk in sees_intents,
        )
        for c in candidates
    ]
    ranked = engine.suggest(me_member, members, limit=limit)
    chosen = reach.filter(pk__in=[int(s.id) for s in ranked]).select_related("photo").defer("photo__data")
    shown = {card.pk: card for card in cards(viewer, list(chosen))}
    words = reason_words([s.reasons for s in ranked])
    return [Suggested(card=shown[int(s.id)], reasons=w) for s, w in zip(ranked, words, strict=True)]


def reason_words(reason_lists: list[tuple[engine.Reason, ...]]) -> list[list[str]]:
    """The engine's reasons of each suggestion as sentences in the reader's language (labels read at once)."""
    language = reader_language()
    every = [r for reasons in reason_lists for r in reasons]
    skill_labels = preferred_labels([int(i) for r in every if r.kind == "skills" for i in r.items], language)
    event_ids = [int(i) for r in every if r.kind in ("events", "rounds") for i in r.items]
    events = {e.pk: e.title for e in Event.objects.filter(pk__in=event_ids).select_related("activity")}
    return [_words(reasons, skill_labels, events) for reasons in reason_lists]


def _words(
    reasons: tuple[engine.Reason, ...], skill_labels: dict[int, str], events: dict[int, str]
) -> list[str]:
    words = []
    for reason in reasons:
        items = list(reason.items)
        if reason.kind == "they_offer":
            words.append(
                _("They offer what you look for: %(items)s")
                % {"items": ", ".join(intent_labels(items)).lower()}
            )
        elif reason.kind == "you_offer":
            words.append(
                _("You offer what they look for: %(items)s")
                % {"items": ", ".join(intent_labels(items)).lower()}
            )
        elif reason.kind == "skills":
            words.append(
                _("You both work with %(items)s")
                % {"items": ", ".join(skill_labels.get(int(i), "") for i in items)}
            )
        elif reason.kind == "events":
            words.append(
                _("You were both at %(items)s") % {"items": ", ".join(events.get(int(i), "") for i in items)}
            )
        elif reason.kind == "rounds":
            words.append(
                _("You met in the networking rounds of %(items)s")
                % {"items": ", ".join(events.get(int(i), "") for i in items)}
            )
        elif reason.kind == "languages":
            words.append(
                _("You both speak %(items)s") % {"items": ", ".join(language_name(i) for i in items)}
            )
        elif reason.kind == "other_country":
            words.append(_("Takes part in another country: %(items)s") % {"items": country_name(items[0])})
        elif reason.kind == "other_partner":
            words.append(_("Takes part through another partner"))
    return words
