"""Privacy handlers of peer groups (found by polku.privacy.registry by this module's name).

Export: the person's opt-ins, group memberships, attendance and reflections.
Anonymisation keeps every row (opt-ins, memberships and attendance are counted; reflections too) and empties
the reflections' text.
Erasure: reflections are optional free text and are deleted; opt-ins, memberships and attendance are kept
to prove the activity to the funder during retention.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.participants.models import Person
from polku.peergroups.models import MeetingAttendance, MeetingReflection, PeerGroupMembership, PeerGroupOptIn


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    peer_round = (gettext_lazy("round"), lambda row: row.round.name)
    meeting = (gettext_lazy("meeting"), lambda row: row.meeting.starts_at)
    group = (gettext_lazy("group"), lambda row: f"{row.meeting.group.round.name} #{row.meeting.group.number}")
    opt_ins = PeerGroupOptIn.objects.filter(participation__person=person).select_related("round")
    if opt_ins:
        sections["peergroups.opt_ins"] = records(
            gettext_lazy("Peer-group opt-ins"),
            opt_ins,
            (),
            round=peer_round,
            created_at=(gettext_lazy("opted in"), lambda o: o.created_at),
        )
    memberships = PeerGroupMembership.objects.filter(participation__person=person).select_related(
        "round", "group"
    )
    if memberships:
        sections["peergroups.memberships"] = records(
            gettext_lazy("Peer groups"),
            memberships,
            (),
            round=peer_round,
            group=(gettext_lazy("group"), lambda m: m.group.number),
            language=(gettext_lazy("working language"), lambda m: m.group.language),
        )
    attendance = MeetingAttendance.objects.filter(participation__person=person).select_related(
        "meeting__group__round"
    )
    if attendance:
        sections["peergroups.attendance"] = records(
            gettext_lazy("Peer-group attendance"),
            attendance,
            ("present",),
            group=group,
            meeting=meeting,
        )
    reflections = MeetingReflection.objects.filter(participation__person=person).select_related(
        "meeting__group__round"
    )
    if reflections:
        sections["peergroups.reflections"] = records(
            gettext_lazy("Peer-group reflections"),
            reflections,
            ("text", "created_at"),
            group=group,
            meeting=meeting,
        )
    return sections


def anonymise(person: Person) -> int:
    return MeetingReflection.objects.filter(participation__person=person).exclude(text="").update(text="")


def erase(person: Person) -> Erasure:
    result = Erasure()
    reflections = MeetingReflection.objects.filter(participation__person=person).delete()[0]
    if reflections:
        result.erased.append(_("Peer-group reflections (%(count)s)") % {"count": reflections})
    if (
        PeerGroupOptIn.objects.filter(participation__person=person).exists()
        or PeerGroupMembership.objects.filter(participation__person=person).exists()
    ):
        result.kept.append(
            (
                _("Peer-group opt-ins, memberships and attendance"),
                _("They prove the participation in the activity to the funder during the retention period."),
            )
        )
    return result


register("peergroups", export=export, anonymise=anonymise, erase=erase)
