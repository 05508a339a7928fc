"""Privacy handlers of learning (found by polku.privacy.registry by this module's name).

Export: the person's development plans with their items, milestones and comments, and their completions.
Anonymisation keeps every row (plans, items and completions are counted) and empties the free text: the
business goal, free-text items, milestone titles and comments.
Erasure: the plans (with items, milestones and comments) are erased — a plan is a working tool, not a
record the programme must keep; completions are kept during retention, as they prove the activity and
are the evidence behind skills in the competence profile.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.learning.models import Comment, Completion, Milestone, Plan, PlanItem
from polku.participants.models import Person


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    plans = Plan.objects.filter(person=person).select_related("target")
    if plans:
        sections["learning.plans"] = records(
            gettext_lazy("Development plans"),
            plans,
            ("goal_kind", "business_goal", "preferred_mode", "status", "created_at"),
            target=(gettext_lazy("target occupation"), lambda p: p.target.uri if p.target else ""),
        )
    items = PlanItem.objects.filter(plan__person=person).select_related("opportunity")
    if items:
        sections["learning.items"] = records(
            gettext_lazy("Development plan items"),
            items,
            ("plan_id", "text", "status", "source", "enrolled_on", "completed_on"),
            opportunity=(
                gettext_lazy("learning opportunity"),
                lambda i: i.opportunity.code if i.opportunity else "",
            ),
        )
    milestones = Milestone.objects.filter(plan__person=person)
    if milestones:
        sections["learning.milestones"] = records(
            gettext_lazy("Plan milestones"), milestones, ("plan_id", "title", "due_on", "status", "done_at")
        )
    comments = Comment.objects.filter(plan__person=person).select_related("author")
    if comments:
        sections["learning.comments"] = records(
            gettext_lazy("Plan comments"),
            comments,
            ("plan_id", "text", "is_review", "created_at"),
            author=(gettext_lazy("author"), lambda c: str(c.author) if c.author else ""),
        )
    completions = Completion.objects.filter(person=person).select_related("opportunity")
    if completions:
        sections["learning.completions"] = records(
            gettext_lazy("Completed learning"),
            completions,
            ("completed_on", "grade", "note", "source"),
            opportunity=(gettext_lazy("learning opportunity"), lambda c: c.opportunity.code),
        )
    return sections


def anonymise(person: Person) -> int:
    changed = Plan.objects.filter(person=person).exclude(business_goal="").update(business_goal="")
    changed += PlanItem.objects.filter(plan__person=person).exclude(text="").update(text="–")
    changed += Milestone.objects.filter(plan__person=person).exclude(title="–").update(title="–")
    changed += Comment.objects.filter(plan__person=person).exclude(text="").update(text="")
    changed += Completion.objects.filter(person=person).exclude(note="").update(note="")
    return changed


def erase(person: Person) -> Erasure:
    result = Erasure()
    plans = Plan.objects.filter(person=person)
    count = plans.count()
    if count:
        plans.delete()
        result.erased.append(
            _("Development plans with their items, milestones and comments (%(count)s)") % {"count": count}
        )
    if Completion.objects.filter(person=person).exists():
        result.kept.append(
            (
                _("Completed learning"),
                _(
                    "Completions prove the learning activity to the funder during the retention period and are the "
                    "evidence behind skills in your competence profile; their notes are removed at anonymisation."
                ),
            )
        )
    return result


register("learning", export=export, anonymise=anonymise, erase=erase)
