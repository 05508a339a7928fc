"""Reads about registrations, always through the reader's `Access`.

Partner isolation: the event's organisers see every registration of it (names included: they check people
in at the door); a coordinator of another partner, on an event open to the whole project, sees and
registers only their own partner's participants. Everyone sees their own registrations. The answers to
the event's questions are read by the organisers only, and each read is written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied
from polku.events.models import Event, Question, Registration
from polku.events.selectors.events import BASE, event_get
from polku.participants.models import Participation

RELATED = ("event__activity", "participation__person", "participation__partner__organisation", "user")


def is_organiser(access: Access, event: Event) -> bool:
    return access.can_manage_event(event.activity.project_id, event.activity.partner_id)


def can_view_registrations(access: Access, event: Event) -> bool:
    """The organisers, and the coordinators of the project's partners (their own people only)."""
    if is_organiser(access, event):
        return True
    return access.coordinates_in(event.activity.project_id) and event.audience in (
        Event.Audience.PROJECT,
        Event.Audience.PUBLIC,
    )


def event_for_registrations(*, access: Access, pk: int) -> Event:
    """An event whose registrations the reader may see (organisers; coordinators of the project on an event
    open to the whole project); 403 when they see the event otherwise, 404 when they do not see it."""
    event = Event.objects.select_related(*BASE).filter(pk=pk).first()
    if event is not None and (
        is_organiser(access, event)
        or (can_view_registrations(access, event) and event.status != Event.Status.DRAFT)
    ):
        return event
    event_get(access=access, pk=pk)  # 404 unless the reader sees the event
    raise AccessDenied(_refusal())


def event_registrations(*, access: Access, event: Event) -> QuerySet[Registration]:
    """Registrations of the event the reader may see: all for the organisers, their own partner's
    participants for another coordinator; AccessDenied for everyone else."""
    if not can_view_registrations(access, event):
        raise AccessDenied(_refusal())
    rows = Registration.objects.filter(event=event).select_related(*RELATED)
    if not is_organiser(access, event):
        rows = rows.filter(participation__partner_id__in=access.coordinator_partner_ids)
    return rows.order_by("created_at", "pk")


def _refusal() -> str:
    from django.utils.translation import gettext as _

    return _("Only the organisers of this event and the project's coordinators can see its registrations.")


def registration_get_managed(*, access: Access, pk: int) -> Registration:
    """A registration the reader may act on as organiser or as the participant's coordinator; 404 when it
    is not theirs to know about."""
    registration = Registration.objects.select_related(*RELATED).filter(pk=pk).first()
    if registration is None:
        raise Http404
    event = registration.event
    if is_organiser(access, event):
        return registration
    participation = registration.participation
    if participation is not None and access.can_manage_partner(participation.partner_id):
        return registration
    raise Http404


def registration_get_own(*, access: Access, pk: int) -> Registration:
    """The reader's own registration (as a participant or with their account); 404 otherwise."""
    registration = my_registrations(access=access).filter(pk=pk).first()
    if registration is None:
        raise Http404
    return registration


def registration_get_for(*, access: Access, pk: int) -> Registration:
    """A registration that is the reader's own, or that they may act on; 404 otherwise."""
    own = my_registrations(access=access).filter(pk=pk).first()
    return own if own is not None else registration_get_managed(access=access, pk=pk)


def registration_by_code(code: str) -> Registration:
    """A registration by its secret code (a guest's link); 404 when there is none."""
    registration = Registration.objects.select_related(*RELATED).filter(code=code).first()
    if registration is None:
        raise Http404
    return registration


def mine_filter(access: Access) -> Q:
    q = Q(pk__in=[])
    if access.person_id is not None:
        q |= Q(participation__person_id=access.person_id)
    if access.user_id is not None:
        q |= Q(user_id=access.user_id)
    return q


def my_registrations(*, access: Access) -> QuerySet[Registration]:
    """The reader's own registrations, newest events last (drafts excluded)."""
    return (
        Registration.objects.filter(mine_filter(access))
        .exclude(event__status=Event.Status.DRAFT)
        .select_related(*RELATED)
        .order_by("event__starts_at", "pk")
    )


def my_registration_for(*, access: Access, event: Event) -> Registration | None:
    """The reader's active registration of the event, if any."""
    return my_registrations(access=access).filter(event=event, status__in=list(Registration.ACTIVE)).first()


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first person waiting; None when the registration is not waiting."""
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITING
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def waitlist_positions(event: Event) -> dict[int, int]:
    waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITING).order_by(
        "created_at", "pk"
    )
    return {pk: index for index, pk in enumerate(waiting.values_list("pk", flat=True), start=1)}


def registrable_participations(*, access: Access, event: Event) -> QuerySet[Participation]:
    """Participants a coordinator may register for the event: their own partners' active participants of
    the event's project (of the organising partner when the event is for its participants only), not
    already registered."""
    if event.audience == Event.Audience.STAFF or (not access.coordinator_partner_ids and not access.is_admin):
        return Participation.objects.none()
    rows = Participation.objects.filter(
        access.participation_filter(), project_id=event.activity.project_id, exit_date__isnull=True
    )
    if event.audience == Event.Audience.PARTNER:
        rows = rows.filter(partner=event.activity.partner)
    taken = Registration.objects.filter(
        event=event, status__in=list(Registration.ACTIVE), participation__isnull=False
    ).values("participation_id")
    return (
        rows.exclude(pk__in=taken)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )


@dataclass
class Answer:
    question: str
    text: str


def answers_read(*, actor: User, access: Access, registration: Registration) -> list[Answer]:
    """The answers of one registration for the event's organisers; the read is audited (a person reading
    their own answers is not logged)."""
    event = registration.event
    if not is_organiser(access, event) and not (
        access.is_own_person(registration.participation.person_id if registration.participation else None)
        or (registration.user_id is not None and registration.user_id == access.user_id)
    ):
        raise AccessDenied(_refusal())
    if not registration.answers:
        return []
    questions = {str(q.pk): q for q in Question.objects.filter(event=event)}
    own = (registration.user_id is not None and registration.user_id == access.user_id) or (
        registration.participation is not None and access.is_own_person(registration.participation.person_id)
    )
    if not own:
        participation = registration.participation
        audit_record(
            actor=actor,
            action=AuditEvent.Action.READ,
            obj=registration,
            person_id=participation.person_id if participation else None,
            partner_id=participation.partner_id if participation else None,
            fields=["answers"],
        )
    return [
        Answer(question=_question_text(questions[pk]), text=text)
        for pk, text in registration.answers.items()
        if pk in questions
    ]


def _question_text(question: Question) -> str:
    from django.utils.translation import get_language

    language = (get_language() or "en")[:2]
    return str(
        getattr(question, f"text_{language}", "") or question.text_en or question.text_fi or question.text_sv
    )


def event_questions(event: Event) -> list[tuple[Question, str]]:
    return [(q, _question_text(q)) for q in Question.objects.filter(event=event)]


def programme_join_url(event: Event) -> str:
    """The organising partner's self-registration link when it is open (a guest who wants to join the
    programme follows it); empty otherwise."""
    partner = event.activity.partner
    if partner is None or not partner.registration_open:
        return ""
    return settings.POLKU_SITE_URL + reverse("registration:register", args=[partner.registration_code])


def check_in_search(*, event: Event, query: str) -> QuerySet[Registration]:
    """Registrations of the event whose holder's name or e-mail contains `query` (for the organisers)."""
    words = query.split()
    rows = Registration.objects.filter(event=event).exclude(status=Registration.Status.CANCELLED)
    for word in words:
        rows = rows.filter(
            Q(participation__person__first_name__icontains=word)
            | Q(participation__person__last_name__icontains=word)
            | Q(participation__person__email__icontains=word)
            | Q(user__full_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(guest_name__icontains=word)
            | Q(guest_email__icontains=word)
        )
    return rows.select_related(*RELATED).order_by("created_at", "pk")[:30]
