"""Business transfers: a company looking for a successor (a listing) against people who want to take over a
company (successors), both ways, each pair with its reasons. Plain data in, plain data out; no Django.

A listing states what the buyer needs; a successor what they bring. Criteria, each 0..1:

- skills (weight 3): the share of the listing's wanted skills the successor has (the coverage criterion
  of `polku.matching.scoring`, so matched and missing skills are named the same way as in mentoring);
  1 when the listing asks for none.
- industry (2): 1 when the successor named the listing's industry division (e.g. "56"), 0.5 when they
  named its section (e.g. "I") or another division of the same section, else 0.
- region (1.5): 1 when the successor named the listing's region or is open to anywhere in its country,
  0.25 in the same country, else 0.
- languages (1): the share of the listing's required languages the successor speaks at the level asked
  (CEFR, `polku.matching.cefr`); 1 when none is required.
- experience (1): the successor's years of experience against the years asked, at most 1.
- timeline (1): 1 when the successor is ready by the time the owner wants to hand over, 0.5 within six
  months after it, else 0; 1 when either side gave no time.

score = Σ weight × value / Σ weights. One hard rule blocks a pair: the successor's capital band is below
the band the listing needs (`not_enough_capital`). Reasons name what matched and what is missing; the
product turns them into sentences in the reader's language (`describe` gives English ones for the CLI).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from polku.matching import cefr
from polku.matching.errors import InvalidInput
from polku.matching.scoring import Candidate, Rules, score_all

WEIGHTS: dict[str, float] = {
    "skills": 3.0,
    "industry": 2.0,
    "region": 1.5,
    "languages": 1.0,
    "experience": 1.0,
    "timeline": 1.0,
}
CRITERIA = tuple(WEIGHTS)
FITS = ((0.75, "strong"), (0.5, "good"), (0.3, "fair"), (0.0, "weak"))
LATE_MONTHS = 6  # ready up to this many months after the hand-over still counts half
_SKILLS_ONLY = Rules(require_shared_language=False, forbid_same_employer=False)


@dataclass(frozen=True)
class Listing:
    id: str
    industry: str  # a NACE Rev. 2 division, e.g. "56"
    section: str = ""  # its section letter, e.g. "I"
    region: str = ""
    country: str = ""
    skills: frozenset[str] = frozenset()
    languages: dict[str, str] = field(default_factory=dict)  # {"fi": "B1"}
    experience_years: int = 0
    capital_band: int = 0  # the band the buyer needs, 0 = none named
    handover_in_months: int | None = None


@dataclass(frozen=True)
class Successor:
    id: str
    industries: frozenset[str] = frozenset()  # divisions ("56") or sections ("I")
    regions: frozenset[str] = frozenset()
    anywhere_in: frozenset[str] = frozenset()  # countries where any region will do
    country: str = ""
    skills: frozenset[str] = frozenset()
    languages: dict[str, str] = field(default_factory=dict)
    experience_years: int = 0
    capital_band: int = 0  # the band the successor can put in
    ready_in_months: int | None = None


@dataclass(frozen=True)
class Reason:
    criterion: str
    value: float
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    listing: str
    successor: str
    score: float  # 0..1; 0 when blocked
    reasons: tuple[Reason, ...]
    blocked_by: str | None = None

    @property
    def fit(self) -> str:
        """The score in a word: strong, good, fair or weak (what pages show instead of a number)."""
        return next(word for floor, word in FITS if self.score >= floor)


def _skill_reasons(listings: list[Listing], successors: list[Successor]) -> dict[tuple[str, str], Reason]:
    """The skills reason of every pair, from `scoring.score_all` with the skills criterion alone (one
    scorer for the whole grid): the listing's wanted skills the successor has, and those missing."""
    asking = [listing for listing in listings if listing.skills]
    if not asking or not successors:
        return {}
    pairs = score_all(
        [Candidate(id=listing.id, skills=listing.skills) for listing in asking],
        [Candidate(id=successor.id, skills=successor.skills) for successor in successors],
        weights={"skills": 1.0},
        rules=_SKILLS_ONLY,
    )
    reasons = {}
    for pair in pairs:
        part = next(p for p in pair.parts if p.criterion == "skills")
        reasons[(pair.left, pair.right)] = Reason("skills", part.value, part.matched, part.missing)
    return reasons


def _skills(listing: Listing, successor: Successor, known: dict[tuple[str, str], Reason]) -> Reason:
    if not listing.skills:
        return Reason("skills", 1.0)
    found = known.get((listing.id, successor.id))
    if found is None:
        found = _skill_reasons([listing], [successor])[(listing.id, successor.id)]
    return found


def _industry(listing: Listing, successor: Successor) -> Reason:
    if listing.industry in successor.industries:
        return Reason("industry", 1.0, (listing.industry,))
    if listing.section and listing.section in successor.industries:
        return Reason("industry", 0.5, (listing.section,))
    return Reason("industry", 0.0, (), (listing.industry,))


def _region(listing: Listing, successor: Successor) -> Reason:
    if listing.region and listing.region in successor.regions:
        return Reason("region", 1.0, (listing.region,))
    if listing.country and listing.country in successor.anywhere_in:
        return Reason("region", 1.0, (listing.country,))
    if listing.country and listing.country == successor.country:
        return Reason("region", 0.25, (listing.country,), (listing.region,) if listing.region else ())
    return Reason("region", 0.0, (), tuple(x for x in (listing.region or listing.country,) if x))


def _languages(listing: Listing, successor: Successor) -> Reason:
    if not listing.languages:
        return Reason("languages", 1.0)
    matched = tuple(
        sorted(
            lang
            for lang, level in listing.languages.items()
            if lang in successor.languages and cefr.at_least(successor.languages[lang], level)
        )
    )
    missing = tuple(sorted(set(listing.languages) - set(matched)))
    return Reason("languages", len(matched) / len(listing.languages), matched, missing)


def _experience(listing: Listing, successor: Successor) -> Reason:
    if listing.experience_years <= 0:
        return Reason("experience", 1.0)
    value = min(1.0, successor.experience_years / listing.experience_years)
    years = (str(successor.experience_years),)
    return Reason("experience", value, years if value >= 1 else (), () if value >= 1 else years)


def _timeline(listing: Listing, successor: Successor) -> Reason:
    if listing.handover_in_months is None or successor.ready_in_months is None:
        return Reason("timeline", 1.0)
    late = successor.ready_in_months - listing.handover_in_months
    if late <= 0:
        return Reason("timeline", 1.0, (str(successor.ready_in_months),))
    value = 0.5 if late <= LATE_MONTHS else 0.0
    return Reason("timeline", value, (), (str(late),))


_RULES = {
    "industry": _industry,
    "region": _region,
    "languages": _languages,
    "experience": _experience,
    "timeline": _timeline,
}


def score(
    listing: Listing, successor: Successor, *, skills: dict[tuple[str, str], Reason] | None = None
) -> Match:
    """One pair with its reasons; a successor without the capital the listing needs is blocked (score 0).
    `skills` holds the pairs' skills reasons when they were worked out for a whole grid at once."""
    known = skills or {}
    reasons = tuple(
        _skills(listing, successor, known) if name == "skills" else _RULES[name](listing, successor)
        for name in CRITERIA
    )
    total = round(math.fsum(WEIGHTS[r.criterion] * r.value for r in reasons) / sum(WEIGHTS.values()), 6)
    blocked = "not_enough_capital" if successor.capital_band < listing.capital_band else None
    return Match(listing.id, successor.id, 0.0 if blocked else total, reasons, blocked)


def _check_ids(rows: list[Any], name: str) -> None:
    ids = [row.id for row in rows]
    if len(set(ids)) != len(ids):
        raise InvalidInput(f"{name}: duplicate ids")


def _quick(listing: Listing, successor: Successor) -> float:
    """The pair's score without its explanation (0 when blocked): the skills value is the coverage of
    `scoring` (the share of the wanted skills the successor has), the other criteria as in `score`."""
    if successor.capital_band < listing.capital_band:
        return 0.0
    # rounded as scoring rounds a part's value, so that the ranking and the explained score agree
    shared = len(listing.skills & successor.skills)
    values = {"skills": round(shared / len(listing.skills), 6) if listing.skills else 1.0}
    values |= {name: rule(listing, successor).value for name, rule in _RULES.items()}
    return round(math.fsum(WEIGHTS[name] * values[name] for name in CRITERIA) / sum(WEIGHTS.values()), 6)


def _ranked(pairs: list[tuple[Listing, Successor]], key: str, top_k: int | None) -> list[Match]:
    """The allowed pairs best first (ties by the other side's id), explained only for those returned."""
    allowed = [
        (-_quick(listing, successor), listing.id if key == "listing" else successor.id, listing, successor)
        for listing, successor in pairs
        if successor.capital_band >= listing.capital_band
    ]
    allowed.sort(key=lambda row: (row[0], row[1]))
    chosen = allowed[:top_k] if top_k else allowed
    known = _skill_reasons(
        list({row[2].id: row[2] for row in chosen}.values()),
        list({row[3].id: row[3] for row in chosen}.values()),
    )
    return [score(listing, successor, skills=known) for _, _, listing, successor in chosen]


def successors_for(listing: Listing, successors: list[Successor], *, top_k: int | None = None) -> list[Match]:
    """The successors for one listing, best first (ties by id); blocked pairs left out."""
    _check_ids(successors, "successors")
    return _ranked([(listing, s) for s in successors], "successor", top_k)


def listings_for(successor: Successor, listings: list[Listing], *, top_k: int | None = None) -> list[Match]:
    """The listings for one successor, best first (ties by id); blocked pairs left out."""
    _check_ids(listings, "listings")
    return _ranked([(listing, successor) for listing in listings], "listing", top_k)


# --- words ------------------------------------------------------------------------------------------


def describe(reason: Reason) -> str:
    """The reason in an English sentence (the product words its own, translated, from the same parts)."""
    matched, missing = ", ".join(reason.matched), ", ".join(reason.missing)
    match reason.criterion:
        case "skills":
            if not reason.matched and not reason.missing:
                return "No particular skills asked for."
            text = f"Has {matched}." if matched else "Has none of the skills asked for."
            return text + (f" Missing: {missing}." if missing else "")
        case "industry":
            if reason.value >= 1:
                return f"Wants to work in this industry ({matched})."
            if reason.value > 0:
                return f"Wants to work in the same field ({matched})."
            return f"Did not name this industry ({missing})."
        case "region":
            if reason.value >= 1:
                return f"Would take over a company here ({matched})."
            if reason.value > 0:
                return f"Lives in the same country ({matched}) but named other regions."
            return "Named other regions."
        case "languages":
            if not reason.matched and not reason.missing:
                return "No particular languages asked for."
            text = f"Speaks {matched} well enough." if matched else "Does not speak the languages asked for."
            return text + (f" Missing: {missing}." if missing and matched else "")
        case "experience":
            if reason.value >= 1:
                return "Has the experience asked for."
            return f"Has less experience than asked for ({missing} years)."
        case "timeline":
            if reason.value >= 1:
                return "Ready in time for the hand-over."
            return f"Ready {missing} months after the hand-over."
    return reason.criterion


def as_json(match: Match) -> dict[str, Any]:
    return {
        "listing": match.listing,
        "successor": match.successor,
        "fit": match.fit,
        "percent": round(match.score * 100),
        "reasons": [
            {
                "criterion": r.criterion,
                "text": describe(r),
                "matched": list(r.matched),
                "missing": list(r.missing),
            }
            for r in match.reasons
        ],
    }


# --- JSON -------------------------------------------------------------------------------------------


def _strings(row: dict, name: str) -> frozenset[str]:
    value = row.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{name} must be a list of strings")
    return frozenset(value)


def _int(row: dict, name: str, default: int | None = 0) -> Any:
    value = row.get(name, default)
    if value is None and default is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"{name} must be a whole number of at least 0, got {value!r}")
    return value


def _languages_of(row: dict) -> dict[str, str]:
    value = row.get("languages", {})
    if not isinstance(value, dict):
        raise InvalidInput("languages must be an object of language: level")
    for level in value.values():
        cefr.rank(level)  # a clear error for an unknown level
    return dict(value)


def _id(row: Any) -> str:
    if not isinstance(row, dict) or not isinstance(row.get("id"), str | int):
        raise InvalidInput("every listing and successor needs an id")
    return str(row["id"])


def parse_listing(row: dict) -> Listing:
    ident = _id(row)
    industry = row.get("industry")
    if not isinstance(industry, str) or not industry:
        raise InvalidInput(f"listing {ident}: industry is required")
    return Listing(
        id=ident,
        industry=industry,
        section=str(row.get("section", "")),
        region=str(row.get("region", "")),
        country=str(row.get("country", "")),
        skills=_strings(row, "skills"),
        languages=_languages_of(row),
        experience_years=_int(row, "experience_years"),
        capital_band=_int(row, "capital_band"),
        handover_in_months=_int(row, "handover_in_months", None),
    )


def parse_successor(row: dict) -> Successor:
    return Successor(
        id=_id(row),
        industries=_strings(row, "industries"),
        regions=_strings(row, "regions"),
        anywhere_in=_strings(row, "anywhere_in"),
        country=str(row.get("country", "")),
        skills=_strings(row, "skills"),
        languages=_languages_of(row),
        experience_years=_int(row, "experience_years"),
        capital_band=_int(row, "capital_band"),
        ready_in_months=_int(row, "ready_in_months", None),
    )


def run_json(data: Any) -> dict[str, Any]:
    """{"listings": [...], "successors": [...], "top_k": n} → for each listing its successors and for each
    successor its listings, best first, with fit, percent and reasons."""
    if not isinstance(data, dict):
        raise InvalidInput("the input must be an object with listings and successors")
    raw_listings, raw_successors = data.get("listings", []), data.get("successors", [])
    if not isinstance(raw_listings, list) or not isinstance(raw_successors, list):
        raise InvalidInput("listings and successors must be lists")
    listings = [parse_listing(row) for row in raw_listings]
    successors = [parse_successor(row) for row in raw_successors]
    top_k = data.get("top_k")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise InvalidInput(f"top_k must be a whole number of at least 1, got {top_k!r}")
    _check_ids(listings, "listings")
    _check_ids(successors, "successors")
    return {
        "listings": [
            {
                "id": listing.id,
                "successors": [as_json(m) for m in successors_for(listing, successors, top_k=top_k)],
            }
            for listing in listings
        ],
        "successors": [
            {"id": s.id, "listings": [as_json(m) for m in listings_for(s, listings, top_k=top_k)]}
            for s in successors
        ],
    }
