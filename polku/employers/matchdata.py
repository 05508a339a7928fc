"""The engine's data from the database: candidates and needs as `polku.matching.talent` values, and the
engine's breakdowns in words in the reader's language.

Candidates are the participations of the need's project whose person has an active consent "employers"
for that project (read at every call: a withdrawal takes effect at once), not exited, not anonymised.
Talent ids are participation ids, need ids need ids, employer ids employer ids (as strings); skills are
ESCO concept ids. Both directions shortlist in the database first, by the number of shared confirmed
skills (required ones first), and score the shortlist in full with the engine: SHORTLIST rows, so a call
costs the same with 100,000 candidates or 10,000 needs (docs/benchmarks.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from polku.competences.models import ProfileSkill
from polku.competences.templatetags.competences import language_name
from polku.consent.models import Consent, Purpose
from polku.employers.models import Introduction, NeedLanguage, NeedSkill, TalentNeed, WorkMode
from polku.esco.selectors import preferred_labels
from polku.matching import talent
from polku.matching.scoring import PairScore
from polku.participants.models import LanguageSkill, Participation

SHORTLIST = 500


def consent_active(prefix: str = "") -> Exists:
    """An active "employers" consent of the participation's person for its project."""
    return Exists(
        Consent.objects.filter(
            person_id=OuterRef(f"{prefix}person_id"),
            project_id=OuterRef(f"{prefix}project_id"),
            purpose=Purpose.EMPLOYERS,
            withdrawn_at__isnull=True,
        )
    )


def candidate_participations(project_id: int) -> QuerySet[Participation]:
    """Who employers of the project may find: opted in now, taking part, not anonymised."""
    return Participation.objects.filter(
        consent_active(),
        project_id=project_id,
        exit_date__isnull=True,
        person__anonymised_at__isnull=True,
    )


def candidate_participations_for_person(person_id: int) -> QuerySet[Participation, int]:
    """The ids of the person's participations in which they chose to be found by employers."""
    return Participation.objects.filter(consent_active(), person_id=person_id).values_list("pk", flat=True)


def is_candidate(participation: Participation) -> bool:
    return candidate_participations(participation.project_id).filter(pk=participation.pk).exists()


def declined_pairs(*, employer_ids: Iterable[int] = (), participation_ids: Iterable[int] = ()) -> frozenset:
    rows = Introduction.objects.filter(status=Introduction.Status.DECLINED)
    if employer_ids:
        rows = rows.filter(employer_id__in=list(employer_ids))
    if participation_ids:
        rows = rows.filter(participation_id__in=list(participation_ids))
    return frozenset((str(p), str(e)) for p, e in rows.values_list("participation_id", "employer_id"))


def _talents(participations: dict[int, Participation], skill_ids: set[int] | None) -> list[talent.Talent]:
    person_ids = {p.person_id: pk for pk, p in participations.items()}
    skills: dict[int, set[str]] = defaultdict(set)
    rows = ProfileSkill.objects.filter(person_id__in=list(person_ids), status=ProfileSkill.Status.CONFIRMED)
    if skill_ids is not None:
        rows = rows.filter(skill_id__in=list(skill_ids))
    for person_id, skill_id in rows.values_list("person_id", "skill_id"):
        skills[person_id].add(str(skill_id))
    languages: dict[int, dict[str, str]] = defaultdict(dict)
    for person_id, lang, level in LanguageSkill.objects.filter(person_id__in=list(person_ids)).values_list(
        "person_id", "language", "level"
    ):
        languages[person_id][lang] = level
    return [
        talent.Talent(
            id=str(pk),
            skills=frozenset(skills[p.person_id]),
            languages=languages[p.person_id],
            location=p.person.municipality or None,
        )
        for pk, p in participations.items()
    ]


def talents_of(participations: dict[int, Participation]) -> list[talent.Talent]:
    """The participations (with their persons) as the engine's candidates, with all their confirmed skills."""
    return _talents(participations, None)


def need_value(need: TalentNeed, skills: list[tuple[int, bool]], languages: dict[str, str]) -> talent.Need:
    return talent.Need(
        id=str(need.pk),
        employer=str(need.employer_id),
        required=frozenset(str(s) for s, required in skills if required),
        nice=frozenset(str(s) for s, required in skills if not required),
        languages=languages,
        location=need.location or None,
        mode=need.mode,
        openings=need.openings,
    )


def need_values(needs: list[TalentNeed]) -> list[talent.Need]:
    ids = [n.pk for n in needs]
    skills: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for need_id, skill_id, required in NeedSkill.objects.filter(
        need_id__in=ids, status=NeedSkill.Status.CONFIRMED
    ).values_list("need_id", "skill_id", "required"):
        skills[need_id].append((skill_id, required))
    languages: dict[int, dict[str, str]] = defaultdict(dict)
    for need_id, lang, level in NeedLanguage.objects.filter(need_id__in=ids).values_list(
        "need_id", "language", "level"
    ):
        languages[need_id][lang] = level
    return [need_value(n, skills[n.pk], languages[n.pk]) for n in needs]


PREFIX = 4 * SHORTLIST


def _shortlist_for_need(
    value: talent.Need, wanted: set[int], pool: QuerySet[Participation], project_id: int
) -> list[int]:
    """The SHORTLIST participations of the pool with the most shared skills (required ones first).

    People are ranked by their skill rows alone (one grouped index scan), then the first PREFIX of that
    order are checked against the pool: the pool's people in that prefix, in order, are exactly the pool's
    best, so when the prefix holds SHORTLIST of them that is the answer. Only when it does not (most of the
    best-fitting people are in other projects or did not opt in) is the ranking joined with the pool."""
    ranked = (
        ProfileSkill.objects.filter(status=ProfileSkill.Status.CONFIRMED, skill_id__in=wanted)
        .values("person_id")
        .annotate(
            req=Count("id", filter=Q(skill_id__in=[int(s) for s in value.required])),
            any=Count("id"),
        )
        .order_by("-req", "-any", "person_id")
        .values_list("person_id", flat=True)
    )
    prefix = list(ranked[:PREFIX])
    eligible = dict(pool.filter(person_id__in=prefix).values_list("person_id", "pk"))
    people = [eligible[p] for p in prefix if p in eligible][:SHORTLIST]
    if len(people) == SHORTLIST or len(prefix) < PREFIX:
        return people
    joined = ranked.filter(Exists(pool.filter(person_id=OuterRef("person_id"))))
    return list(pool.filter(person_id__in=list(joined[:SHORTLIST])).values_list("pk", flat=True))


def candidates_for_need(need: TalentNeed, *, top_k: int) -> list[PairScore]:
    """The best candidates for the need, blocked ones (declined this employer) left out."""
    value = need_values([need])[0]
    wanted = {int(s) for s in value.required | value.nice}
    pool = candidate_participations(need.employer.project_id)
    if wanted:
        shortlist = _shortlist_for_need(value, wanted, pool, need.employer.project_id)
    else:
        shortlist = list(pool.order_by("pk").values_list("pk", flat=True)[:SHORTLIST])
    participations = {
        p.pk: p for p in Participation.objects.filter(pk__in=shortlist).select_related("person")
    }
    talents = _talents(participations, wanted if wanted else set())
    never = declined_pairs(employer_ids=[need.employer_id], participation_ids=participations)
    return talent.rank_talents(value, talents, never=never, top_k=top_k)


def open_needs(project_ids: Iterable[int]) -> QuerySet[TalentNeed]:
    return TalentNeed.objects.filter(
        status=TalentNeed.Status.OPEN, employer__project_id__in=list(project_ids)
    )


def needs_for_participation(participation: Participation, *, top_k: int) -> list[PairScore]:
    """The open needs of the participation's project that fit the person best."""
    own = ProfileSkill.objects.filter(person_id=participation.person_id, status=ProfileSkill.Status.CONFIRMED)
    skill_ids = list(own.values_list("skill_id", flat=True))
    pool = open_needs([participation.project_id])
    matched = list(
        NeedSkill.objects.filter(status=NeedSkill.Status.CONFIRMED, skill_id__in=skill_ids, need__in=pool)
        .values("need_id")
        .annotate(req=Count("id", filter=Q(required=True)), any=Count("id"))
        .order_by("-req", "-any", "need_id")
        .values_list("need_id", flat=True)[:SHORTLIST]
    )
    if len(matched) < SHORTLIST:  # needs that ask for no shared skill, newest first, to fill the list
        matched += list(
            pool.exclude(pk__in=matched)
            .order_by("-pk")
            .values_list("pk", flat=True)[: SHORTLIST - len(matched)]
        )
    needs = list(TalentNeed.objects.filter(pk__in=matched))
    values = need_values(needs)
    participations = {participation.pk: participation}
    me = _talents(participations, None)[0]
    never = declined_pairs(participation_ids=[participation.pk])
    return talent.rank_needs(me, values, never=never, top_k=top_k)


# --- in words --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    percent: int
    words: str
    reasons: list[str]


def fit_words(score: float) -> str:
    if score >= 0.8:
        return _("Very good fit")
    if score >= 0.6:
        return _("Good fit")
    if score >= 0.4:
        return _("Partial fit")
    return _("Weak fit")


def _names(ids: Iterable[str], labels: dict[int, str]) -> str:
    return ", ".join(sorted(labels.get(int(i), "") for i in ids if labels.get(int(i))))


def need_skill_labels(needs: list[TalentNeed], language: str) -> dict[int, str]:
    """The labels of the needs' skills in `language` (one query), for `explain_in_words`."""
    ids = NeedSkill.objects.filter(need__in=needs).values_list("skill_id", flat=True)
    return preferred_labels(set(ids), language)


def explain_in_words(
    pair: PairScore, *, need: TalentNeed, language: str, labels: dict[int, str] | None = None
) -> Fit:
    """The breakdown as sentences a reader understands: skill names in their language, no codes."""
    parts = {p.criterion: p for p in pair.parts}
    if labels is None:
        ids = {
            int(s)
            for p in pair.parts
            if p.criterion in ("required", "nice")
            for s in (*p.matched, *p.missing)
        }
        labels = preferred_labels(ids, language)
    reasons: list[str] = []
    required = parts["required"]
    total = len(required.matched) + len(required.missing)
    if total:
        reasons.append(
            _("Has %(n)s of the %(total)s required skills: %(skills)s")
            % {"n": len(required.matched), "total": total, "skills": _names(required.matched, labels) or "–"}
        )
    if required.missing:
        reasons.append(
            _("Missing required skills: %(skills)s") % {"skills": _names(required.missing, labels)}
        )
    if parts["nice"].matched:
        reasons.append(_("Also has: %(skills)s") % {"skills": _names(parts["nice"].matched, labels)})
    lang = parts["language"]
    if lang.matched:
        reasons.append(
            _("Languages at the level asked: %(languages)s")
            % {"languages": ", ".join(language_name(code) for code in lang.matched)}
        )
    for item in lang.missing:
        code, level = item.split(":", 1)
        reasons.append(
            _("%(language)s below the level asked (%(level)s)")
            % {"language": language_name(code), "level": level}
        )
    place = parts["location"]
    if need.mode == WorkMode.REMOTE:
        reasons.append(_("The work can be done remotely"))
    elif place.value >= 1:
        reasons.append(_("Lives where the work is: %(place)s") % {"place": need.location})
    elif need.mode == WorkMode.HYBRID:
        reasons.append(_("Partly remote work; lives elsewhere or has not said where"))
    else:
        reasons.append(_("The work is on site in %(place)s") % {"place": need.location or "–"})
    return Fit(percent=round(pair.score * 100), words=fit_words(pair.score), reasons=reasons)
