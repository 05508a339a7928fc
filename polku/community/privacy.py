"""Privacy handlers of the community network (found by polku.core.personal_data by this module's name).

Export: the person's directory profile with its audiences, languages and skills, their connections and
requests, blocks and reports they made, and every message they wrote or received (messages are personal
data of both people).
Anonymisation and erasure: the profile goes (with its photo, languages, connections, blocks and reports);
the text of every message the person wrote becomes "deleted" in the other person's thread, which stays.
Retention: messages are kept while both people are in Polku; the profile goes with the person's
anonymisation at the end of the project's retention period (polku.privacy runs `anonymise`).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.community.models import Block, Connection, Message, Profile, Report
from polku.core.names import language_name
from polku.core.personal_data import Erasure, Section, records, register, section
from polku.participants.models import Person

PROFILE_FIELDS = (
    "display_name",
    "introduction",
    "introduction_language",
    "city",
    "country",
    "offers",
    "looks_for",
    "links",
    "contact_email",
    "phone",
    "notify",
    "introduction_audience",
    "photo_audience",
    "place_audience",
    "languages_audience",
    "skills_audience",
    "intents_audience",
    "links_audience",
    "contact_audience",
    "hidden_at",
    "created_at",
)


def _profile(person: Person) -> Profile | None:
    return Profile.objects.filter(person=person).first()


def export(person: Person) -> dict[str, Section]:
    profile = _profile(person)
    if profile is None:
        return {}
    sections: dict[str, Section] = {
        "community.profile": records(
            gettext_lazy("Community directory profile"),
            [profile],
            PROFILE_FIELDS,
            languages=(
                gettext_lazy("languages"),
                lambda p: [f"{language_name(row.language)} {row.level}" for row in p.languages.all()],
            ),
            skills=(gettext_lazy("skills"), lambda p: [c.uri for c in p.skills.all()]),
            photo=(gettext_lazy("photo"), lambda p: hasattr(p, "photo")),
        )
    }
    connections = Connection.objects.filter(Q(sender=profile) | Q(recipient=profile)).select_related(
        "sender", "recipient"
    )
    if connections:
        sections["community.connections"] = records(
            gettext_lazy("Connections and requests"),
            connections,
            ("message", "status", "created_at", "answered_at"),
            other=(
                gettext_lazy("with"),
                lambda c: (c.recipient if c.sender_id == profile.pk else c.sender).display_name,
            ),
            asked_by_me=(gettext_lazy("I asked"), lambda c: c.sender_id == profile.pk),
        )
    blocks = Block.objects.filter(blocker=profile).select_related("blocked")
    if blocks:
        sections["community.blocks"] = section(
            gettext_lazy("People I blocked"),
            [{"name": b.blocked.display_name, "created_at": b.created_at} for b in blocks],
            {"name": gettext_lazy("name"), "created_at": gettext_lazy("when")},
        )
    reports = Report.objects.filter(reporter=profile).select_related("reported")
    if reports:
        sections["community.reports"] = records(
            gettext_lazy("Profiles I reported"),
            reports,
            ("reason", "status", "created_at"),
            reported_name=(gettext_lazy("reported"), lambda r: r.reported.display_name),
        )
    messages = (
        Message.objects.filter(Q(sender=profile) | Q(recipient=profile))
        .select_related("sender", "recipient")
        .order_by("created_at", "pk")
    )
    if messages:
        sections["community.messages"] = section(
            gettext_lazy("Messages I wrote and received"),
            [
                {
                    "sent": m.created_at,
                    "from": m.sender.display_name if m.sender else "",
                    "to": m.recipient.display_name if m.recipient else "",
                    "text": _("deleted") if m.erased else m.body,
                }
                for m in messages
            ],
            {
                "sent": gettext_lazy("sent"),
                "from": gettext_lazy("from"),
                "to": gettext_lazy("to"),
                "text": gettext_lazy("message"),
            },
        )
    return sections


def _remove(person: Person) -> tuple[int, int]:
    """The person's messages' text replaced, then the profile removed; (messages, profiles)."""
    profile = _profile(person)
    if profile is None:
        return 0, 0
    messages = Message.objects.filter(sender=profile, erased=False).update(body="", erased=True)
    profile.delete()
    return messages, 1


def anonymise(person: Person) -> int:
    messages, profiles = _remove(person)
    return messages + profiles


def erase(person: Person) -> Erasure:
    result = Erasure()
    messages, profiles = _remove(person)
    if profiles:
        result.erased.append(
            _("Community directory profile with its connections, and the text of %(count)s messages written")
            % {"count": messages}
        )
    return result


register("community", export=export, anonymise=anonymise, erase=erase)
