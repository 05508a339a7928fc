import datetime as dt
import re

from django.urls import reverse

from polku.audit.models import AuditEvent
from polku.outcomes.models import ExitRecord, FollowUp, Outcome
from polku.outcomes.tests.factories import FollowUpFactory


def test_coordinator_records_exit_with_situation_on_one_form(client, world):
    client.force_login(world.coord_a)
    detail = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert reverse("outcomes:exit", args=[world.part_a.pk]) in detail
    response = client.post(
        reverse("outcomes:exit", args=[world.part_a.pk]),
        {
            "exit_date": "2025-06-30",
            "status": "self_employed",
            "status_on": "2025-07-10",
            "qualification_gained": "declined",
        },
    )
    assert response.status_code == 302
    record = ExitRecord.objects.get(participation=world.part_a)
    assert (record.status, record.qualification_gained, record.participation.exit_date) == (
        "self_employed",
        "declined",
        dt.date(2025, 6, 30),
    )
    page = client.get(reverse("outcomes:participation", args=[world.part_a.pk]))
    assert "Self-employed or entrepreneur" in page.content.decode()
    assert any("exit_record" in e.fields for e in AuditEvent.objects.filter(action="read"))


def test_situation_before_exit_is_shown_as_field_error(client, world):
    client.force_login(world.coord_a)
    response = client.post(
        reverse("outcomes:exit", args=[world.part_a.pk]),
        {"exit_date": "2025-06-30", "status": "employed", "status_on": "2025-06-01"},
    )
    assert response.status_code == 400
    assert "The situation cannot apply before the exit date." in response.content.decode()


def test_participant_adds_company_founded_and_sees_it_on_their_page(client, world):
    client.force_login(world.user_a)
    me = client.get(reverse("participants:me")).content.decode()
    assert reverse("outcomes:participation", args=[world.part_a.pk]) in me
    url = reverse("outcomes:outcome_create", args=[world.part_a.pk])
    bad = client.post(url, {"kind": "company_founded", "date": "2025-05-01", "business_id": "123"})
    assert bad.status_code == 400 and "not a valid business ID" in bad.content.decode()
    client.post(url, {"kind": "company_founded", "date": "2025-05-01", "business_id": "0101263-6"})
    outcome = Outcome.objects.get()
    assert outcome.source == "participant"
    assert (
        "0101263-6" in client.get(reverse("outcomes:participation", args=[world.part_a.pk])).content.decode()
    )


def test_follow_up_link_shows_no_personal_data_and_takes_the_answer(client, world):
    follow_up = FollowUpFactory(participation=world.part_a)
    url = reverse("outcomes:follow_up_answer", args=[follow_up.token])
    page = client.get(url).content.decode()
    assert "Amina" not in page and "Yusuf" not in page and "permanent contract" not in page
    assert client.post(url, {}).status_code == 400
    assert client.post(url, {"labour_status": "employed"}).status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.ANSWERED
    assert "already been answered" in client.get(url).content.decode()
    assert client.get(reverse("outcomes:follow_up_answer", args=["nope"])).status_code == 404


def test_follow_up_asks_improvement_only_of_those_employed_at_entry(client, world):
    world.part_a.entry_data.labour_status = "employed"
    world.part_a.entry_data.save()
    follow_up = FollowUpFactory(participation=world.part_a)
    assert (
        "permanent contract"
        in client.get(reverse("outcomes:follow_up_answer", args=[follow_up.token])).content.decode()
    )


def test_follow_up_list_is_partner_isolated(client, world):
    FollowUpFactory(participation=world.part_a)
    FollowUpFactory(participation=world.part_b)
    client.force_login(world.coord_a)
    rows = list(client.get(reverse("outcomes:follow_up_list")).context["page"].object_list)
    assert [r.participation_id for r in rows] == [world.part_a.pk]


def test_coordinator_reopens(client, world):
    world.part_a.exit_date = dt.date(2025, 6, 30)
    world.part_a.save()
    client.force_login(world.coord_a)
    client.post(reverse("outcomes:reopen", args=[world.part_a.pk]))
    world.part_a.refresh_from_db()
    assert world.part_a.exit_date is None


def test_follow_up_list_query_count_is_constant(client, world, django_assert_max_num_queries):
    from polku.testing import factories as f

    for _ in range(20):
        FollowUpFactory(participation=f.ParticipationFactory(partner=world.a, exit_date=dt.date(2025, 6, 30)))
    client.force_login(world.coord_a)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("outcomes:follow_up_list")).status_code == 200


def test_participant_answers_exit_situation_through_the_e_mailed_link(client, world):
    from polku.outcomes.services import exit_link_token

    world.part_a.exit_date = dt.date(2025, 6, 30)
    world.part_a.save()
    url = reverse("outcomes:exit_link", args=[exit_link_token(world.part_a)])
    page = client.get(url).content.decode()
    assert "Amina" not in page
    assert client.post(url, {"status": "education", "qualification_gained": "yes"}).status_code == 200
    record = ExitRecord.objects.get(participation=world.part_a)
    assert (record.status, record.source, record.status_on) == (
        "education",
        "participant",
        dt.date(2025, 6, 30),
    )
    assert client.get(reverse("outcomes:exit_link", args=["forged"])).status_code == 404


def test_a_company_taken_over_proposes_self_employed_on_the_exit_form(client, world):
    Outcome.objects.create(
        participation=world.part_a, kind=Outcome.Kind.BUSINESS_TAKEN_OVER, date=dt.date(2025, 5, 20)
    )
    client.force_login(world.coord_a)
    page = client.get(reverse("outcomes:exit", args=[world.part_a.pk])).content.decode()
    assert "Proposed from the outcome" in page and "Took over a company" in page
    (radio,) = re.findall(r'<input[^>]*value="self_employed"[^>]*>', page)
    assert "checked" in radio
    assert 'value="2025-05-20"' in page
    # the person's other participation, without a company, proposes nothing
    other = client.get(reverse("outcomes:exit", args=[world.part_b.pk]))
    assert other.status_code == 404 or "Proposed from the outcome" not in other.content.decode()
