"""Privacy handlers of guidance (found by polku.core.personal_data by this module's name).

Export: every guidance session of the person's participations with its facts, topics and the staff's
private notes, and the next steps agreed. The notes are about the person, so their right of access covers
them: they are in the person's own export, although the participant's pages and API never show them.
A coordinator's export of the person is the same document and is audited (polku.privacy).
Anonymisation keeps the sessions and their coded facts (date, duration, channel, kind, topic tags), which
targets count, and empties the free text: other topics, notes and the texts of the next steps.
Erasure removes the sessions with their notes and next steps; the targets' counts then no longer include
them (docs/decisions/0056-guidance-sessions.md).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.guidance.models import GuidanceSession, NextStep, Topic
from polku.participants.models import Person


def _topics(session: GuidanceSession) -> list[str]:
    names = dict(Topic.choices)
    return [str(names.get(topic, topic)) for topic in session.topics]


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    sessions = (
        GuidanceSession.objects.filter(participation__person=person)
        .select_related("participation__project", "staff")
        .order_by("held_on", "pk")
    )
    if sessions:
        sections["guidance.sessions"] = records(
            gettext_lazy("Guidance sessions"),
            sessions,
            ("held_on", "starts_at", "duration_minutes", "channel", "kind", "other_topics", "notes"),
            topic_tags=(gettext_lazy("topics"), _topics),
            met_by=(gettext_lazy("met by"), lambda s: s.staff.full_name if s.staff else ""),
            project=(gettext_lazy("project"), lambda s: s.participation.project.name),
        )
    steps = (
        NextStep.objects.filter(session__participation__person=person)
        .select_related("session")
        .order_by("due_on", "pk")
    )
    if steps:
        sections["guidance.next_steps"] = records(
            gettext_lazy("Next steps agreed in guidance"),
            steps,
            ("text", "due_on", "owner", "done_at"),
            session=(gettext_lazy("session"), lambda s: s.session.held_on),
        )
    return sections


def anonymise(person: Person) -> int:
    mine = GuidanceSession.objects.filter(participation__person=person)
    changed = mine.exclude(notes="", other_topics="").update(notes="", other_topics="")
    changed += NextStep.objects.filter(session__in=mine).exclude(text="").update(text="")
    return changed


def erase(person: Person) -> Erasure:
    result = Erasure()
    mine = GuidanceSession.objects.filter(participation__person=person)
    steps = NextStep.objects.filter(session__in=mine).count()
    sessions = mine.count()
    if sessions:
        mine.delete()
        result.erased.append(
            _("Guidance sessions with their notes (%(sessions)s) and the next steps agreed (%(steps)s)")
            % {"sessions": sessions, "steps": steps}
        )
    return result


register("guidance", export=export, anonymise=anonymise, erase=erase)
