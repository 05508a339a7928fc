"""Privacy handlers of employers (found by polku.core.personal_data by this module's name).

Export: the person's introductions to employers (which employer, which need, who proposed, the decision and
when, the interview and its result, the start) and the needs they were introduced to.
Anonymisation keeps the introductions' coded facts, which targets count, and empties the free text (the
message of the proposal). Erasure removes the introductions; the outcome an introduction created stays
with the outcomes app's own rules. Retention: an introduction is personal data of the participation and
goes with it under the project's retention (polku.privacy applies anonymisation, then these rules).
Matches are computed at each read and never stored, so there is nothing else to export or erase.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.employers.models import Introduction
from polku.participants.models import Person


def export(person: Person) -> dict[str, Section]:
    rows = (
        Introduction.objects.filter(participation__person=person)
        .select_related("need", "employer__organisation")
        .order_by("created_at", "pk")
    )
    if not rows:
        return {}
    return {
        "employers.introductions": records(
            gettext_lazy("Introductions to employers"),
            rows,
            (
                "status",
                "proposed_side",
                "message",
                "decided_at",
                "interview_on",
                "result",
                "started_on",
                "created_at",
            ),
            employer=(gettext_lazy("employer"), lambda i: i.employer.organisation.name),
            need=(gettext_lazy("talent need"), lambda i: i.need.title),
        )
    }


def anonymise(person: Person) -> int:
    return Introduction.objects.filter(participation__person=person).exclude(message="").update(message="")


def erase(person: Person) -> Erasure:
    result = Erasure()
    mine = Introduction.objects.filter(participation__person=person)
    count = mine.count()
    if count:
        mine.delete()
        result.erased.append(_("Introductions to employers and their decisions (%(n)s)") % {"n": count})
    return result


register("employers", export=export, anonymise=anonymise, erase=erase)
