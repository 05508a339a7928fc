"""Suggested contacts of the community network: who one person might get in touch with, and why.

Plain data in, plain data out (no Django). Each candidate is scored by what the two have to do with each
other: confirmed skills in common, complementary intents (what one offers is what the other looks for, in
the vocabulary of events' matchmaking), languages both speak at B1 or better, and events or networking
rounds they were both at. A candidate needs at least one of those; a contact who widens the network (of
another partner, of another country) is then weighted up, since the point of the network is to reach
beyond one's own cohort. Excluded people (blocked either way, declined, already connected or asked) are
never suggested.

The result is a ranked list of reasons, never a raw score: `Reason.kind` with the items behind it
("skills": the shared skill ids, "they_offer": what they offer that you look for, …); the product turns
them into sentences in the reader's language (polku.community.selectors). Weights are integers, so the
order is exact and stable (ties by id).

`polku match contacts FILE` reads {"me": {...}, "candidates": [{...}], "exclude": [...], "limit": 20} and
prints {"suggestions": [{"id", "rank", "reasons": [{"kind", "items", "text"}]}]}.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from polku.matching import cefr
from polku.matching.errors import InvalidInput

# points per matched item, capped per kind so that one long list does not drown the rest
WEIGHTS: dict[str, tuple[int, int]] = {
    "they_offer": (6, 2),  # (points per item, most items counted)
    "you_offer": (5, 2),
    "skills": (3, 4),
    "events": (4, 2),
    "rounds": (3, 2),
    "languages": (1, 2),
}
SUBSTANTIVE = ("they_offer", "you_offer", "skills", "events", "rounds")
OTHER_COUNTRY = 4  # points for a contact of another country (only with a substantive reason)
OTHER_PARTNER = 2  # points for a contact of another partner
LANGUAGE_FLOOR = "B1"
DEFAULT_LIMIT = 20
MAX_LIMIT = 200

ENGLISH = {
    "they_offer": "they offer what you look for: {items}",
    "you_offer": "you offer what they look for: {items}",
    "skills": "you share skills: {items}",
    "events": "you were at the same events: {items}",
    "rounds": "you met in networking rounds: {items}",
    "languages": "you both speak {items}",
    "other_country": "lives in another country ({items})",
    "other_partner": "takes part through another partner",
}


@dataclass(frozen=True)
class Member:
    id: str
    partner: str = ""
    country: str = ""
    skills: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    looks_for: frozenset[str] = frozenset()
    languages: Mapping[str, str] = field(default_factory=dict)  # code -> CEFR level or "native"
    events: frozenset[str] = frozenset()
    rounds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    kind: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    id: str
    rank: int
    reasons: tuple[Reason, ...]
    points: int  # for ordering and tests; never shown to people


def reasons_for(me: Member, other: Member) -> list[Reason]:
    """Why `other` is a contact for `me`, strongest kinds first; empty when nothing substantive links them."""
    found = [
        Reason("they_offer", tuple(sorted(me.looks_for & other.offers))),
        Reason("you_offer", tuple(sorted(me.offers & other.looks_for))),
        Reason("skills", tuple(sorted(me.skills & other.skills))),
        Reason("events", tuple(sorted(me.events & other.events))),
        Reason("rounds", tuple(sorted(me.rounds & other.rounds))),
    ]
    reasons = [reason for reason in found if reason.items]
    if not reasons:
        return []
    languages = cefr.shared_languages(dict(me.languages), dict(other.languages), LANGUAGE_FLOOR)
    if languages:
        reasons.append(Reason("languages", tuple(sorted(languages))))
    if other.country and me.country and other.country != me.country:
        reasons.append(Reason("other_country", (other.country,)))
    if other.partner and me.partner and other.partner != me.partner:
        reasons.append(Reason("other_partner"))
    return reasons


def points(reasons: Iterable[Reason]) -> int:
    total = 0
    for reason in reasons:
        if reason.kind in WEIGHTS:
            each, most = WEIGHTS[reason.kind]
            total += each * min(len(reason.items), most)
        elif reason.kind == "other_country":
            total += OTHER_COUNTRY
        elif reason.kind == "other_partner":
            total += OTHER_PARTNER
    return total


def suggest(
    me: Member, candidates: Iterable[Member], *, exclude: Iterable[str] = (), limit: int = DEFAULT_LIMIT
) -> list[Suggestion]:
    """The best `limit` candidates for `me` with their reasons, best first (ties by id)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be from 1 to {MAX_LIMIT}")
    skip = set(exclude) | {me.id}
    scored: list[tuple[int, str, tuple[Reason, ...]]] = []
    for other in candidates:
        if other.id in skip:
            continue
        reasons = reasons_for(me, other)
        if reasons:
            scored.append((points(reasons), other.id, tuple(reasons)))
    scored.sort(key=lambda row: (-row[0], row[1]))
    return [
        Suggestion(id=other_id, rank=index + 1, reasons=reasons, points=total)
        for index, (total, other_id, reasons) in enumerate(scored[:limit])
    ]


def english(reason: Reason) -> str:
    return ENGLISH[reason.kind].format(items=", ".join(reason.items))


# --- JSON (the CLI) --------------------------------------------------------------------------------


def _strings(value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise InvalidInput(f"{where} must be a list of strings")
    return frozenset(str(v) for v in value)


def parse_member(data: Any, where: str) -> Member:
    if not isinstance(data, dict) or "id" not in data:
        raise InvalidInput(f"{where} must be an object with an id")
    languages = data.get("languages") or {}
    if not isinstance(languages, dict):
        raise InvalidInput(f"{where}.languages must map language codes to levels")
    for level in languages.values():
        cefr.rank(str(level))
    return Member(
        id=str(data["id"]),
        partner=str(data.get("partner") or ""),
        country=str(data.get("country") or ""),
        skills=_strings(data.get("skills"), f"{where}.skills"),
        offers=_strings(data.get("offers"), f"{where}.offers"),
        looks_for=_strings(data.get("looks_for"), f"{where}.looks_for"),
        languages={str(k): str(v) for k, v in languages.items()},
        events=_strings(data.get("events"), f"{where}.events"),
        rounds=_strings(data.get("rounds"), f"{where}.rounds"),
    )


def run_json(data: Any) -> dict:
    if not isinstance(data, dict):
        raise InvalidInput("the input must be an object with me and candidates")
    me = parse_member(data.get("me"), "me")
    raw = data.get("candidates")
    if not isinstance(raw, list):
        raise InvalidInput("candidates must be a list")
    candidates = [parse_member(item, f"candidates[{i}]") for i, item in enumerate(raw)]
    limit = data.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise InvalidInput("limit must be a whole number")
    found = suggest(me, candidates, exclude=_strings(data.get("exclude"), "exclude"), limit=limit)
    return {
        "suggestions": [
            {
                "id": s.id,
                "rank": s.rank,
                "reasons": [{"kind": r.kind, "items": list(r.items), "text": english(r)} for r in s.reasons],
            }
            for s in found
        ]
    }
