"""Privacy handlers of mentoring (found by polku.core.personal_data by this module's name).

Export: the person's mentee requests and, for each mentorship they are in as a mentee (or, when their login
is a mentor, as the mentor), its goals, sessions (the notes and topics only of the sessions they logged:
the other side's notes are the other side's), their own check-ins and feedback; and their mentor profile.
Anonymisation keeps every row (mentorships, sessions, check-ins and feedback are counted) with their coded
facts, and empties the free text of the person's mentorships as a mentee: wishes and employer, goal texts,
session topics and notes, check-in and feedback texts — both sides', as the mentor's texts are about them.
Erasure: the free text the person wrote (wishes, employer, their session notes and topics, check-in and
feedback texts) is erased; mentorships, sessions and ratings are kept to prove the activity during
retention; the mentor profile belongs to the mentor's login and is kept while they mentor.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.mentoring.models import CheckIn, Feedback, Goal, MenteeRequest, MentorProfile, Mentorship, Session
from polku.participants.models import Person


def _sides(person: Person) -> Q:
    """The person's sides of mentorships: as the mentee, and as the mentor when their login mentors."""
    sides = Q(mentorship__mentee__participation__person=person, side="mentee")
    if person.user_id is not None:
        sides |= Q(mentorship__mentor__user_id=person.user_id, side="mentor")
    return sides


def _mentorships(person: Person) -> QuerySet[Mentorship]:
    condition = Q(mentee__participation__person=person)
    if person.user_id is not None:
        condition |= Q(mentor__user_id=person.user_id)
    return Mentorship.objects.filter(condition)


def _own_sessions(person: Person) -> Q:
    """Sessions the person logged (their notes and topics)."""
    own = Q(mentorship__mentee__participation__person=person, logged_by="mentee")
    if person.user_id is not None:
        own |= Q(mentorship__mentor__user_id=person.user_id, logged_by="mentor")
    return own


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    programme = (gettext_lazy("programme"), lambda row: row.mentorship.programme.name)
    requests = MenteeRequest.objects.filter(participation__person=person).select_related("programme")
    if requests:
        sections["mentoring.requests"] = records(
            gettext_lazy("Mentoring requests"),
            requests,
            (
                "kind",
                "skills",
                "industries",
                "availability",
                "employer",
                "wishes",
                "shared_with_other_partners_at",
                "created_at",
            ),
            programme=(gettext_lazy("programme"), lambda r: r.programme.name),
        )
    mentorships = _mentorships(person).select_related("programme", "mentor__user", "mentee__participation")
    if mentorships:
        sections["mentoring.mentorships"] = records(
            gettext_lazy("Mentorships"),
            mentorships,
            ("status", "origin", "mentee_response", "mentor_response", "started_on", "closed_on"),
            programme=(gettext_lazy("programme"), lambda m: m.programme.name),
            role=(
                gettext_lazy("my role"),
                lambda m: _("Mentee") if m.mentee.participation.person_id == person.pk else _("Mentor"),
            ),
            mentor=(gettext_lazy("mentor"), lambda m: str(m.mentor)),
        )
    ids = list(mentorships.values_list("pk", flat=True))
    goals = Goal.objects.filter(mentorship_id__in=ids).select_related("mentorship__programme")
    if goals:
        sections["mentoring.goals"] = records(
            gettext_lazy("Mentoring goals"), goals, ("text", "status", "created_at"), programme=programme
        )
    sessions = list(Session.objects.filter(mentorship_id__in=ids).select_related("mentorship__programme"))
    if sessions:
        own = set(Session.objects.filter(_own_sessions(person)).values_list("pk", flat=True))
        sections["mentoring.sessions"] = records(
            gettext_lazy("Mentoring sessions"),
            sessions,
            ("held_on", "duration_minutes", "status", "logged_by"),
            programme=programme,
            topics=(gettext_lazy("topics"), lambda s: s.topics if s.pk in own else ""),
            notes=(gettext_lazy("my notes"), lambda s: s.notes if s.pk in own else ""),
        )
    checkins = CheckIn.objects.filter(_sides(person)).select_related("mentorship__programme")
    if checkins:
        sections["mentoring.checkins"] = records(
            gettext_lazy("Mentoring check-ins"),
            checkins,
            ("side", "due_on", "rating", "text", "answered_at"),
            programme=programme,
        )
    feedback = Feedback.objects.filter(_sides(person)).select_related("mentorship__programme")
    if feedback:
        sections["mentoring.feedback"] = records(
            gettext_lazy("Mentoring feedback"),
            feedback,
            ("side", "rating", "text", "created_at"),
            programme=programme,
        )
    if person.user_id is not None:
        profiles = MentorProfile.objects.filter(user_id=person.user_id)
        if profiles:
            sections["mentoring.mentor_profile"] = records(
                gettext_lazy("Mentor profile"),
                profiles,
                (
                    "bio",
                    "organisation",
                    "expertise",
                    "industries",
                    "kinds",
                    "availability",
                    "location",
                    "capacity",
                    "is_available",
                ),
                languages=(
                    gettext_lazy("languages"),
                    lambda p: ", ".join(f"{code} {level}" for code, level in sorted(p.languages.items())),
                ),
            )
    return sections


def anonymise(person: Person) -> int:
    # The foundation unlinks the login before this runs; what remains is the person's side as a mentee.
    mine = Q(mentorship__mentee__participation__person=person)
    changed = (
        MenteeRequest.objects.filter(participation__person=person)
        .exclude(employer="", wishes="")
        .update(employer="", wishes="")
    )
    changed += Goal.objects.filter(mine).exclude(text="").update(text="")
    changed += Session.objects.filter(mine).exclude(topics="", notes="").update(topics="", notes="")
    changed += CheckIn.objects.filter(mine).exclude(text="").update(text="")
    changed += Feedback.objects.filter(mine).exclude(text="").update(text="")
    return changed


def erase(person: Person) -> Erasure:
    result = Erasure()
    wishes = (
        MenteeRequest.objects.filter(participation__person=person)
        .exclude(employer="", wishes="")
        .update(employer="", wishes="")
    )
    if wishes:
        result.erased.append(_("Wishes and employer of mentoring requests (%(count)s)") % {"count": wishes})
    notes = (
        Session.objects.filter(_own_sessions(person)).exclude(topics="", notes="").update(topics="", notes="")
    )
    if notes:
        result.erased.append(
            _("Notes and topics of mentoring sessions you logged (%(count)s)") % {"count": notes}
        )
    texts = CheckIn.objects.filter(_sides(person)).exclude(text="").update(text="")
    texts += Feedback.objects.filter(_sides(person)).exclude(text="").update(text="")
    if texts:
        result.erased.append(_("Texts of mentoring check-ins and feedback (%(count)s)") % {"count": texts})
    if _mentorships(person).exists():
        result.kept.append(
            (
                _("Mentorships, goals, session dates and ratings"),
                _(
                    "They prove the mentoring activity to the funder during the retention period; their free "
                    "text is removed at anonymisation."
                ),
            )
        )
    if person.user_id is not None and MentorProfile.objects.filter(user_id=person.user_id).exists():
        result.kept.append(
            (
                _("Mentor profile"),
                _(
                    "It belongs to your mentor login and is shown to mentees while you mentor; edit it on your "
                    "mentor profile page, or ask the coordinator to end your mentor role."
                ),
            )
        )
    return result


register("mentoring", export=export, anonymise=anonymise, erase=erase)
