"""Services of employers against the database: the rules, the refusals with their reasons, audit events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.consent.models import Purpose
from polku.core.errors import AccessDenied, ApplicationError
from polku.employers import matchdata, services
from polku.employers.models import Employer, EmployerRepresentative, Introduction, TalentNeed
from polku.employers.tests.factories import EmployerFactory, NeedFactory, introduction, opt_in, scene
from polku.outcomes.models import Outcome
from polku.participants.models import LanguageSkill
from polku.testing import factories as f

NEED = {"kind": "internship", "title": "Intern", "mode": "remote", "openings": 2}


@pytest.fixture
def s(world):
    world.employer = f.UserFactory(email="rep@example.org")
    f.membership(world.employer, f.Role.EMPLOYER, partner=world.a)
    world.scene = scene(world)
    return world


def _events(obj, action=None):
    rows = AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    return rows.filter(action=action) if action else rows


def test_employer_add_creates_a_company_and_refuses_a_duplicate_business_id(world):
    access = access_for(world.coord_a)
    employer = services.employer_add(
        actor=world.coord_a,
        access=access,
        project=world.project,
        partner=world.a,
        name="Acme Oy",
        business_id="0201256-6",
    )
    assert employer.organisation.kind == "company"
    with pytest.raises(ApplicationError) as error:
        services.employer_add(
            actor=world.coord_a,
            access=access,
            project=world.project,
            partner=world.a,
            name="Other",
            business_id="0201256-6",
        )
    assert "business_id" in error.value.field_errors
    with pytest.raises(ApplicationError) as error:
        services.employer_add(
            actor=world.coord_a,
            access=access,
            project=world.project,
            partner=world.a,
            name="Bad",
            business_id="123",
        )
    assert "business_id" in error.value.field_errors


def test_only_the_partners_coordinator_adds_its_employers(world):
    with pytest.raises(AccessDenied):
        services.employer_add(
            actor=world.coord_b,
            access=access_for(world.coord_b),
            project=world.project,
            partner=world.a,
            name="X",
        )


def test_need_rules_name_the_field(s):
    access = access_for(s.employer)
    employer = s.scene.employer
    for data, field in (
        ({**NEED, "title": ""}, "title"),
        ({**NEED, "closes_on": timezone.localdate() - dt.timedelta(days=1)}, "closes_on"),
        ({**NEED, "mode": "on_site", "location": ""}, "location"),
        ({**NEED, "openings": 0}, "openings"),
    ):
        with pytest.raises(ApplicationError) as error:
            services.need_create(actor=s.employer, access=access, employer=employer, data=data)
        assert field in error.value.field_errors
    with pytest.raises(ApplicationError) as error:
        services.need_create(
            actor=s.employer, access=access, employer=employer, data=NEED, languages={"fi": "B7"}
        )
    assert "B7" in error.value.field_errors["languages"][0]
    need = services.need_create(
        actor=s.employer, access=access, employer=employer, data=NEED, languages={"fi": "b1"}, open_now=True
    )
    assert need.status == TalentNeed.Status.OPEN and need.opened_at is not None
    assert need.languages.get().level == "B1"
    assert _events(need, AuditEvent.Action.CREATE).exists()


def test_a_representative_acts_only_for_their_own_employer(s):
    other = EmployerFactory(partner=s.b, project=s.project)
    with pytest.raises(AccessDenied):
        services.need_create(actor=s.employer, access=access_for(s.employer), employer=other, data=NEED)


def test_propose_decide_and_the_declined_employer_is_never_proposed_again(s):
    need = s.scene.need
    intro = services.introduction_propose(
        actor=s.employer, access=access_for(s.employer), need=need, participation=s.part_a
    )
    assert intro.proposed_side == Introduction.Side.EMPLOYER
    assert _events(intro, AuditEvent.Action.CREATE).get().person_id == s.part_a.person_id
    with pytest.raises(AccessDenied):  # nobody but the participant decides
        services.introduction_decide(
            actor=s.coord_a, access=access_for(s.coord_a), introduction=intro, approve=True
        )
    services.introduction_decide(
        actor=s.user_a, access=access_for(s.user_a), introduction=intro, approve=False
    )
    assert _events(intro, AuditEvent.Action.UPDATE).exists()
    second = NeedFactory(employer=need.employer, title="Another need")
    with pytest.raises(ApplicationError) as error:
        services.introduction_propose(
            actor=s.coord_a, access=access_for(s.coord_a), need=second, participation=s.part_a
        )
    assert "declined" in error.value.field_errors["participation"][0]
    # and the engine leaves them out of the employer's candidates
    assert matchdata.candidates_for_need(second, top_k=10) == []


def test_the_database_refuses_a_second_row_beside_a_declined_one(s):
    from django.db import IntegrityError, transaction

    introduction(s.scene.need, s.part_a, status="declined")
    second = NeedFactory(employer=s.scene.employer)
    with pytest.raises(IntegrityError), transaction.atomic():
        introduction(second, s.part_a, status="proposed")


def test_no_introduction_without_the_persons_consent_and_withdrawal_takes_effect_at_once(s):
    services.employers_opt_out(actor=s.user_a, person=s.part_a.person, participation=s.part_a)
    assert not matchdata.is_candidate(s.part_a)
    assert matchdata.candidates_for_need(s.scene.need, top_k=5) == []
    with pytest.raises(ApplicationError) as error:
        services.introduction_propose(
            actor=s.coord_a, access=access_for(s.coord_a), need=s.scene.need, participation=s.part_a
        )
    assert "not chosen to be found" in error.value.field_errors["participation"][0]
    services.employers_opt_in(actor=s.user_a, person=s.part_a.person, participation=s.part_a, language="en")
    assert s.part_a.person.consents.filter(purpose=Purpose.EMPLOYERS, withdrawn_at__isnull=True).exists()
    assert matchdata.is_candidate(s.part_a)


def test_a_closed_need_takes_no_introductions(s):
    need = s.scene.need
    services.need_set_status(actor=s.employer, access=access_for(s.employer), need=need, status="closed")
    with pytest.raises(ApplicationError):
        services.introduction_propose(
            actor=s.coord_a, access=access_for(s.coord_a), need=need, participation=s.part_a
        )


def test_placement_start_records_an_outcome_and_fills_the_need(s):
    intro = introduction(s.scene.need, s.part_a, status="approved")
    with pytest.raises(AccessDenied):  # the employer records interviews, not the outcome
        services.placement_start(
            actor=s.employer,
            access=access_for(s.employer),
            introduction=intro,
            started_on=timezone.localdate(),
        )
    services.introduction_record(
        actor=s.employer,
        access=access_for(s.employer),
        introduction=intro,
        data={"interview_on": timezone.localdate(), "result": "offered"},
    )
    services.placement_start(
        actor=s.coord_a, access=access_for(s.coord_a), introduction=intro, started_on=timezone.localdate()
    )
    outcome = Outcome.objects.get(participation=s.part_a)
    assert outcome.kind == Outcome.Kind.INTERNSHIP_STARTED
    intro.refresh_from_db()
    assert intro.outcome == outcome
    s.scene.need.refresh_from_db()
    assert s.scene.need.status == TalentNeed.Status.FILLED


def test_interviews_are_recorded_only_after_approval(s):
    intro = introduction(s.scene.need, s.part_a)
    with pytest.raises(ApplicationError):
        services.introduction_record(
            actor=s.employer, access=access_for(s.employer), introduction=intro, data={"result": "offered"}
        )


def test_cooperation_log_rules(s):
    access = access_for(s.coord_a)
    today = timezone.localdate()
    with pytest.raises(ApplicationError) as error:
        services.cooperation_add(
            actor=s.coord_a,
            access=access,
            employer=s.scene.employer,
            data={"kind": "meeting", "happened_on": today + dt.timedelta(days=1), "ways": ["moon"]},
        )
    assert set(error.value.field_errors) == {"happened_on", "ways"}
    entry = services.cooperation_add(
        actor=s.coord_a,
        access=access,
        employer=s.scene.employer,
        data={
            "kind": "meeting",
            "happened_on": today,
            "ways": ["internship", "event"],
            "follow_up_on": today,
        },
    )
    with pytest.raises(AccessDenied):
        services.follow_up_done(actor=s.coord_b, access=access_for(s.coord_b), entry=entry)
    services.follow_up_done(actor=s.coord_a, access=access, entry=entry)
    assert entry.follow_up_done_at is not None


def test_invitation_names_the_employer_and_acceptance_links_the_representative(
    world, invitation_mail_at_once
):
    from polku.projects.people.acceptance import invitation_accept

    employer = EmployerFactory(partner=world.a, project=world.project)
    invitation = services.representative_invite(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        employer=employer,
        email="boss@firm.fi",
        language="fi",
    )
    assert invitation.extra == {"employer": employer.pk} and invitation.role == "employer"
    user = f.UserFactory(email="boss@firm.fi")
    invitation_accept(invitation=invitation, user=user)
    assert EmployerRepresentative.objects.get(user=user).employer == employer
    assert Employer.objects.filter(representatives__user=user).count() == 1


def test_batch_placement_fills_internship_places_by_capacity(s):
    from polku.employers.assignment import internship_plan, plan_propose

    # a second candidate with both skills, Finnish and the same town: a better fit than participant a
    other = f.ParticipationFactory(partner=s.a, person__first_name="Other", person__municipality="Tampere")
    LanguageSkill.objects.create(person=other.person, language="fi", level="C1")
    opt_in(other)
    from polku.employers.tests.factories import give_skill

    give_skill(other, s.scene.python)
    give_skill(other, s.scene.sql)
    plan = internship_plan(access=access_for(s.coord_a), project=s.project, language="en")
    assert len(plan) == 1  # one opening
    assert plan[0].participation == other
    assert plan_propose(actor=s.coord_a, access=access_for(s.coord_a), project=s.project, plan=plan) == 1
