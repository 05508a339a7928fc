"""What mentoring targets count (registered into `polku.activities.metrics` from the app's ready()):
mentoring pairs formed, i.e. mentorships that became active (both sides accepted: the pair has a start
date, whether it is still active or closed since), optionally of one kind of mentoring (the kind the mentee
asked for). Counted within the target's project, partner and country by the mentee's participation; a work
package does not narrow it. A pair waiting for answers, or declined, is not a pair.
"""

from __future__ import annotations

from polku.activities.metrics import EVERYWHERE, Within, participation_scope, register_metric
from polku.activities.models import Target
from polku.mentoring.models import Kind, Mentorship
from polku.participants.models import Participation


def count_pairs(target: Target, within: Within = EVERYWHERE) -> int:
    """Narrowed by `within` to the mentees' partners and to pairs that started in the period."""
    people = Participation.objects.filter(participation_scope(target)).values("pk")
    rows = Mentorship.objects.filter(
        within.q("mentee__participation__partner_id", "started_on"),
        started_on__isnull=False,
        mentee__participation__in=people,
    )
    if target.kind:
        rows = rows.filter(mentee__kind=target.kind)
    return rows.count()


def register() -> None:
    register_metric(str(Target.Metric.MENTORING_PAIRS), count_pairs, kinds=list(Kind.choices))
