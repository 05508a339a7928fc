"""Batch placement: the project's open internship and work-trial places, with their openings as
capacities, filled with the candidates who opted in, by the exact assignment of the matching engine
(`polku.matching.talent.assign`: each candidate in at most one place, the largest total fit). The plan is
a proposal: the coordinator reads it and proposes the introductions, which the participants then decide."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.core.errors import ApplicationError
from polku.employers import matchdata, services
from polku.employers.models import Introduction, NeedKind, TalentNeed
from polku.employers.selectors import blind_profile, can_act
from polku.matching import talent
from polku.participants.models import Participation
from polku.projects.models import Project

MAX_CANDIDATES = 5000


@dataclass(frozen=True)
class PlanRow:
    need: TalentNeed
    participation: Participation
    ref: str
    shows_name: bool
    fit: matchdata.Fit
    asked: bool


def internship_plan(*, access: Access, project: Project, language: str) -> list[PlanRow]:
    needs = [
        n
        for n in TalentNeed.objects.filter(
            employer__project=project,
            status=TalentNeed.Status.OPEN,
            kind__in=[NeedKind.INTERNSHIP, NeedKind.WORK_TRIAL],
        ).select_related("employer__organisation")
        if can_act(access, n.employer) or access.can_manage_employers(project.pk)
    ]
    if not needs:
        return []
    participations = {
        p.pk: p
        for p in matchdata.candidate_participations(project.pk)
        .select_related("person")
        .order_by("pk")[:MAX_CANDIDATES]
    }
    talents = matchdata.talents_of(participations)
    values = matchdata.need_values(needs)
    taken = Introduction.objects.filter(need__in=needs).values_list("need_id", "participation_id")
    never = matchdata.declined_pairs(employer_ids={n.employer_id for n in needs})
    placements = talent.assign(values, talents, never=never)
    by_need = {str(n.pk): n for n in needs}
    by_talent = {t.id: t for t in talents}
    by_value = {v.id: v for v in values}
    asked = {(str(n), str(p)) for n, p in taken}
    today = timezone.localdate()
    rows = []
    for placement in placements:
        need = by_need[placement.need]
        participation = participations[int(placement.talent)]
        pair = talent.score(by_talent[placement.talent], by_value[placement.need])
        rows.append(
            PlanRow(
                need=need,
                participation=participation,
                ref=blind_profile(
                    participation=participation, employer_id=need.employer_id, language=language, today=today
                )["ref"],
                shows_name=access.can_manage_partner(participation.partner_id),
                fit=matchdata.explain_in_words(pair, need=need, language=language),
                asked=(placement.need, placement.talent) in asked,
            )
        )
    return sorted(rows, key=lambda r: (r.need.title, -r.fit.percent))


def plan_propose(*, actor: User, access: Access, project: Project, plan: list[PlanRow]) -> int:
    """Propose the plan's introductions not asked yet; those refused (a decline since, a withdrawal of
    consent) are skipped. Returns how many were proposed."""
    made = 0
    for row in plan:
        if row.asked:
            continue
        try:
            services.introduction_propose(
                actor=actor, access=access, need=row.need, participation=row.participation
            )
        except ApplicationError:
            continue
        made += 1
    return made
