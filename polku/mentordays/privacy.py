"""Privacy handlers of mentor days (found by polku.privacy.registry by this module's name).

Export: the person's bookings (day, expert, time, status, topic) and waitlist entries.
Anonymisation keeps every booking and waitlist row with its status (attendance is counted) and empties the
topics, the only free text the person wrote here.
Erasure: the topics are erased and the waitlist history (entries no longer waiting) is deleted; bookings
and their attendance are kept to prove the activity to the funder during retention, and an entry still
waiting is kept as the person's place in the queue (they leave it on the day's page).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.mentordays.models import Booking, WaitlistEntry
from polku.participants.models import Person


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    day = (gettext_lazy("mentor day"), lambda row: row.slot.mentor_day.name)
    bookings = Booking.objects.filter(participation__person=person).select_related(
        "slot__expert", "slot__mentor_day__activity"
    )
    if bookings:
        sections["mentordays.bookings"] = records(
            gettext_lazy("Mentor day bookings"),
            bookings,
            ("status", "topic", "from_waitlist", "created_at", "cancelled_at"),
            mentor_day=day,
            expert=(gettext_lazy("expert"), lambda b: b.slot.expert.name),
            starts=(gettext_lazy("time"), lambda b: b.slot.starts_at),
        )
    waitlist = WaitlistEntry.objects.filter(participation__person=person).select_related(
        "mentor_day__activity", "preferred_expert"
    )
    if waitlist:
        sections["mentordays.waitlist"] = records(
            gettext_lazy("Mentor day waitlists"),
            waitlist,
            ("status", "topic", "created_at"),
            mentor_day=(gettext_lazy("mentor day"), lambda w: w.mentor_day.name),
            preferred_expert=(
                gettext_lazy("preferred expert"),
                lambda w: w.preferred_expert.name if w.preferred_expert else "",
            ),
        )
    return sections


def anonymise(person: Person) -> int:
    changed = Booking.objects.filter(participation__person=person).exclude(topic="").update(topic="")
    changed += WaitlistEntry.objects.filter(participation__person=person).exclude(topic="").update(topic="")
    return changed


def erase(person: Person) -> Erasure:
    result = Erasure()
    topics = Booking.objects.filter(participation__person=person).exclude(topic="").update(topic="")
    topics += WaitlistEntry.objects.filter(participation__person=person).exclude(topic="").update(topic="")
    if topics:
        result.erased.append(_("Topics of mentor day bookings (%(count)s)") % {"count": topics})
    history = (
        WaitlistEntry.objects.filter(participation__person=person)
        .exclude(status=WaitlistEntry.Status.WAITING)
        .delete()[0]
    )
    if history:
        result.erased.append(_("Past mentor day waitlist entries (%(count)s)") % {"count": history})
    if Booking.objects.filter(participation__person=person).exists():
        result.kept.append(
            (
                _("Mentor day bookings and attendance"),
                _("They prove the participation in the activity to the funder during the retention period."),
            )
        )
    if WaitlistEntry.objects.filter(participation__person=person).exists():
        result.kept.append(
            (
                _("Places on a mentor day waitlist"),
                _("You are still in the queue; leave the waitlist on the mentor day's page to remove it."),
            )
        )
    return result


register("mentordays", export=export, anonymise=anonymise, erase=erase)
