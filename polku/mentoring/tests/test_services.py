"""Mentoring services against the real database: matching, publishing, answers, self-service seats,
the relationship (sessions, check-ins, reminders, closure) and who sees what."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.http import Http404
from django.utils import timezone

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentoring import selectors, services
from polku.mentoring.models import (
    CheckIn,
    DeclinedPair,
    MatchingRun,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
)
from polku.mentoring.tests import factories as mf
from polku.testing import factories as f


@pytest.fixture
def setup(world):
    """Programme of partner a; two mentees; two mentors (one fits mentee 1, the other mentee 2)."""
    programme = mf.ProgrammeFactory(partner=world.a)
    mf.speaks(world.part_a, en="C1", fi="A2")
    m1 = mf.MenteeRequestFactory(programme=programme, participation=world.part_a, skills=["python", "sql"])
    p2 = f.ParticipationFactory(partner=world.a)
    mf.speaks(p2, fi="native")
    m2 = mf.MenteeRequestFactory(
        programme=programme, participation=p2, skills=["bookkeeping"], kind="entrepreneurship"
    )
    python = mf.mentor(
        world.a, email="py@example.org", expertise=["python", "sql"], languages={"en": "C2"}, capacity=1
    )
    books = mf.mentor(
        world.a,
        email="books@example.org",
        expertise=["bookkeeping"],
        languages={"fi": "native", "en": "B2"},
        kinds=["entrepreneurship"],
        organisation="Kirjanpito Oy",
        capacity=1,
    )
    return world, programme, m1, m2, python, books


def _access(user):
    user = type(user).objects.get(pk=user.pk)  # a fresh object: Access is cached per user object
    return access_for(user)


def test_matching_proposes_the_fitting_pairs_with_reasons_and_publish_asks_both_sides(setup):
    world, programme, m1, m2, python, books = setup
    access = _access(world.coord_a)
    run = services.matching_run(actor=world.coord_a, access=access, programme=programme)
    pairs = {(p.mentee_id, p.mentor_id) for p in run.proposals.all()}
    assert pairs == {(m1.pk, python.pk), (m2.pk, books.pk)}
    proposal = run.proposals.get(mentee=m1)
    skills = next(part for part in proposal.breakdown if part["criterion"] == "skills")
    assert "python" in skills["matched"]
    assert run.summary["matched"] == 2

    mail.outbox.clear()
    with_commit = services.run_publish(actor=world.coord_a, access=access, run=run)
    assert {m.status for m in with_commit} == {Mentorship.Status.PENDING}
    assert MentorProfile.objects.get(pk=python.pk).seats_taken == 1
    assert run.proposals.filter(status=Proposal.Status.PUBLISHED).count() == 2
    with pytest.raises(ApplicationError):
        services.run_publish(actor=world.coord_a, access=access, run=run)


@pytest.mark.django_db(transaction=True)
def test_published_offers_are_emailed_to_both_sides(world):
    programme = mf.ProgrammeFactory(partner=world.a)
    mf.speaks(world.part_a, en="C1")
    type(world.part_a.person).objects.filter(pk=world.part_a.person_id).update(preferred_language="fi")
    mentee = mf.MenteeRequestFactory(programme=programme, participation=world.part_a)
    profile = mf.mentor(world.a, email="m@example.org")
    proposal = mf.run_with_proposal(programme, mentee, profile)
    services.run_publish(actor=world.coord_a, access=_access(world.coord_a), run=proposal.run)
    recipients = sorted(to for message in mail.outbox for to in message.to)
    assert recipients == sorted([world.part_a.person.email, "m@example.org"])
    to_mentee = next(m for m in mail.outbox if m.to == [world.part_a.person.email])
    assert to_mentee.subject.startswith("Sinulle ehdotetaan mentoria")  # in the mentee's own language


def test_both_accept_makes_it_active_and_a_decline_frees_the_seat_and_is_never_proposed_again(setup):
    world, programme, m1, m2, python, books = setup
    run = mf.run_with_proposal(programme, m1, python).run
    (mentorship,) = services.run_publish(actor=world.coord_a, access=_access(world.coord_a), run=run)
    services.mentorship_respond(
        actor=world.user_a, access=_access(world.user_a), mentorship=mentorship, accept=True
    )
    mentorship = services.mentorship_respond(
        actor=python.user, access=_access(python.user), mentorship=mentorship, accept=True
    )
    assert mentorship.status == Mentorship.Status.ACTIVE and mentorship.started_on == timezone.localdate()

    run2 = mf.run_with_proposal(programme, m2, books).run
    (other,) = services.run_publish(actor=world.coord_a, access=_access(world.coord_a), run=run2)
    other = services.mentorship_respond(
        actor=books.user, access=_access(books.user), mentorship=other, accept=False
    )
    assert other.status == Mentorship.Status.DECLINED
    assert MentorProfile.objects.get(pk=books.pk).seats_taken == 0
    assert DeclinedPair.objects.filter(
        participation=m2.participation, mentor=books, declined_by="mentor"
    ).exists()
    pair = services.pair_score(programme=programme, mentee=m2, mentor=books)
    assert pair.blocked_by == "declined_before"
    fresh = MatchingRun.objects.create(programme=programme)
    with pytest.raises(ApplicationError):
        services.proposal_add(access=_access(world.coord_a), run=fresh, mentee=m2, mentor=books)


def test_the_coordinator_removes_and_adds_pairs_by_hand(setup):
    world, programme, m1, m2, python, _books = setup
    access = _access(world.coord_a)
    run = services.matching_run(actor=world.coord_a, access=access, programme=programme)
    for proposal in run.proposals.all():
        services.proposal_remove(access=access, proposal=proposal)
    added = services.proposal_add(access=access, run=run, mentee=m1, mentor=python)
    assert added.by_hand and added.breakdown and added.status == Proposal.Status.PROPOSED
    # mentee 2 speaks only Finnish; the Python mentor only English: the rules refuse the pair
    with pytest.raises(ApplicationError):
        services.proposal_add(access=access, run=run, mentee=m2, mentor=python)


def test_self_service_request_takes_the_seat_and_the_next_request_is_refused(setup):
    world, programme, m1, _m2, python, _books = setup
    services.programme_update(
        access=_access(world.coord_a), programme=programme, data={"mode": "self_service"}
    )
    m1.programme.refresh_from_db()
    ranked = selectors.ranked_mentors(mentee=m1)
    assert ranked and ranked[0].profile == python
    mentorship = services.mentor_request(
        actor=world.user_a, access=_access(world.user_a), mentee=m1, mentor=python
    )
    assert (
        mentorship.mentee_response == Mentorship.Response.ACCEPTED
        and mentorship.status == Mentorship.Status.PENDING
    )
    assert MentorProfile.objects.get(pk=python.pk).seats_taken == 1
    other = mf.MenteeRequestFactory(
        programme=programme, participation=f.ParticipationFactory(partner=world.a)
    )
    mf.speaks(other.participation, en="C1")
    other_user = f.UserFactory()
    other.participation.person.user = other_user
    other.participation.person.save()
    with pytest.raises(ApplicationError):
        services.mentor_request(actor=other_user, access=_access(other_user), mentee=other, mentor=python)


def test_coordinators_see_sessions_but_not_their_notes_and_other_partners_see_nothing(world):
    mentorship = mf.active(
        mentee=mf.MenteeRequestFactory(
            programme=mf.ProgrammeFactory(partner=world.a), participation=world.part_a
        ),
        mentor=mf.mentor(world.a),
    )
    services.session_log(
        access=_access(world.user_a),
        mentorship=mentorship,
        held_on=timezone.localdate(),
        notes="Talked about my fears",
    )
    pair_view = selectors.mentorship_get(access=_access(world.user_a), actor=world.user_a, pk=mentorship.pk)
    assert pair_view.sessions[0].notes == "Talked about my fears"
    coord_view = selectors.mentorship_get(
        access=_access(world.coord_a), actor=world.coord_a, pk=mentorship.pk
    )
    assert coord_view.sessions and coord_view.sessions[0].notes == "" and not coord_view.show_notes
    with pytest.raises(Http404):
        selectors.mentorship_get(access=_access(world.coord_b), actor=world.coord_b, pk=mentorship.pk)
    with pytest.raises(Http404):
        selectors.programme_get(access=_access(world.coord_b), pk=mentorship.programme_id)
    with pytest.raises(AccessDenied):
        services.session_log(
            access=_access(world.coord_a), mentorship=mentorship, held_on=timezone.localdate()
        )
    counts = {
        p.pk: p.active_count  # type: ignore[attr-defined]  # annotated by programme_list
        for p in selectors.programme_list(access=_access(world.evaluator))
    }
    assert counts == {mentorship.programme_id: 1}


def test_no_show_and_inactivity_are_flagged_for_the_coordinator(world):
    programme = mf.ProgrammeFactory(partner=world.a, reminder_days=7)
    mentorship = mf.active(
        mentee=mf.MenteeRequestFactory(programme=programme, participation=world.part_a),
        mentor=mf.mentor(world.a),
    )
    services.session_log(
        access=_access(world.user_a),
        mentorship=mentorship,
        held_on=timezone.localdate() - dt.timedelta(days=9),
        status="no_show",
    )
    (row,) = selectors.relationship_list(access=_access(world.coord_a), programme=programme)
    assert row.no_shows == 1 and row.sessions == 0 and row.inactive and row.days_quiet == 10


def test_checkins_are_due_at_30_days_then_every_60_and_sent_once(world):
    assert services.checkin_due_dates(dt.date(2025, 1, 1), dt.date(2025, 1, 30)) == []
    assert services.checkin_due_dates(dt.date(2025, 1, 1), dt.date(2025, 4, 1)) == [
        dt.date(2025, 1, 31),
        dt.date(2025, 4, 1),
    ]
    mentorship = mf.active(
        mentee=mf.MenteeRequestFactory(
            programme=mf.ProgrammeFactory(partner=world.a), participation=world.part_a
        ),
        mentor=mf.mentor(world.a),
    )
    Mentorship.objects.filter(pk=mentorship.pk).update(
        started_on=timezone.localdate() - dt.timedelta(days=31)
    )
    assert services.send_due_checkins() == 2
    assert services.send_due_checkins() == 0
    checkin = CheckIn.objects.get(mentorship=mentorship, side="mentee")
    services.checkin_answer(access=_access(world.user_a), checkin=checkin, rating=4, text="Good")
    with pytest.raises(AccessDenied):
        services.checkin_answer(
            access=_access(world.user_a), checkin=CheckIn.objects.get(side="mentor"), rating=4
        )


def test_session_reminders_go_once_per_period(world):
    programme = mf.ProgrammeFactory(partner=world.a, reminder_days=14)
    mentorship = mf.active(
        mentee=mf.MenteeRequestFactory(programme=programme, participation=world.part_a),
        mentor=mf.mentor(world.a),
    )
    Mentorship.objects.filter(pk=mentorship.pk).update(
        started_on=timezone.localdate() - dt.timedelta(days=20)
    )
    assert services.send_session_reminders() == 1
    assert services.send_session_reminders() == 0
    assert services.send_session_reminders(today=timezone.localdate() + dt.timedelta(days=14)) == 1


def test_closing_with_feedback_frees_the_seat_and_the_other_side_can_still_give_feedback(world):
    profile = mf.mentor(world.a)
    mentorship = mf.active(
        mentee=mf.MenteeRequestFactory(
            programme=mf.ProgrammeFactory(partner=world.a), participation=world.part_a
        ),
        mentor=profile,
    )
    with pytest.raises(ApplicationError):
        services.mentorship_close(actor=world.user_a, access=_access(world.user_a), mentorship=mentorship)
    closed = services.mentorship_close(
        actor=world.user_a, access=_access(world.user_a), mentorship=mentorship, rating=5, text="Great"
    )
    assert closed.status == Mentorship.Status.CLOSED and closed.closed_by == "mentee"
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 0
    services.mentorship_close(actor=profile.user, access=_access(profile.user), mentorship=closed, rating=4)
    assert closed.feedback.count() == 2


def test_mentor_profile_rules(world):
    profile = mf.mentor(world.a)
    access = _access(profile.user)
    saved = services.mentor_profile_save(
        actor=profile.user, access=access, data={"languages": {"EN": "c1"}, "capacity": 3}
    )
    assert saved.languages == {"en": "C1"} and saved.capacity == 3
    with pytest.raises(ApplicationError) as error:
        services.mentor_profile_save(
            actor=profile.user, access=access, data={"languages": {"en": "X9"}, "kinds": ["coaching"]}
        )
    assert set(error.value.field_errors) == {"languages", "kinds"}
    with pytest.raises(AccessDenied):
        services.mentor_profile_save(actor=world.user_a, access=_access(world.user_a), data={"capacity": 1})


def test_programmes_of_a_partner_are_its_coordinators_and_the_whole_project_the_leads(world):
    kwargs: dict[str, Any] = {"name": "P", "starts_on": dt.date(2025, 1, 1), "ends_on": dt.date(2025, 12, 31)}
    services.programme_create(access=_access(world.coord_a), project=world.project, partner=world.a, **kwargs)
    with pytest.raises(AccessDenied):
        services.programme_create(
            access=_access(world.coord_b), project=world.project, partner=world.a, **kwargs
        )
    with pytest.raises(AccessDenied):
        services.programme_create(
            access=_access(world.coord_a), project=world.project, partner=None, **kwargs
        )
    whole = services.programme_create(
        access=_access(world.lead), project=world.project, partner=None, **kwargs
    )
    assert whole.mode == MentoringProgramme.Mode.COORDINATOR and whole.weights
