"""The learning pages: catalogue filters and forms, the plan page with its editing, completion and imports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from polku.audit.models import AuditEvent
from polku.competences.models import ProfileSkill
from polku.competences.services import add_confirmed_skill
from polku.learning.models import Comment, Completion, LearningOpportunity, Milestone, Plan, PlanItem
from polku.learning.tests.factories import PlanFactory, graph, item, opportunity, speaks

pytestmark = pytest.mark.django_db


def test_catalogue_filters_by_language_mode_and_skill(client, world):
    g = graph()
    opportunity(g.forklift, code="fi-onsite", languages={"fi": "A2"}, mode="onsite")
    opportunity(g.service, code="en-online", languages={"en": "B1"}, mode="online")
    opportunity(g.service, code="hidden", is_active=False)
    client.force_login(world.user_a)

    def codes(**q):
        return sorted(o.code for o in client.get(reverse("learning:catalogue"), q).context["opportunities"])

    assert codes() == ["en-online", "fi-onsite"]
    assert codes(language="en") == ["en-online"]
    assert codes(mode="onsite") == ["fi-onsite"]
    assert codes(skill="trukki") == ["fi-onsite"]  # the Finnish label


def test_catalogue_page_queries_do_not_grow_with_rows(client, world, django_assert_max_num_queries):
    g = graph()
    for n in range(15):
        opportunity(g.forklift, g.service, code=f"c{n}")
    client.force_login(world.user_a)
    with django_assert_max_num_queries(12):
        client.get(reverse("learning:catalogue"))


def test_coordinator_creates_an_opportunity_with_the_form(client, world):
    g = graph()
    client.force_login(world.coord_a)
    response = client.post(
        reverse("learning:opportunity_create"),
        {
            "owner": f"partner:{world.a.pk}",
            "code": "forklift",
            "kind": "training",
            "provider": "Omnia",
            "title_fi": "Trukkikortti",
            "languages": "fi:A2, en:B1",
            "mode": "onsite",
            "hours": "8",
            "cost": "0",
            "skills": g.forklift.uri,
            "competences": ["digcomp-2.2:1.1"],
            "is_active": "on",
        },
    )
    saved = LearningOpportunity.objects.get(code="forklift")
    assert response.status_code == 302
    assert saved.languages == {"fi": "A2", "en": "B1"} and list(saved.skills.all()) == [g.forklift]


def test_form_errors_are_shown_with_a_summary(client, world):
    client.force_login(world.coord_a)
    response = client.post(
        reverse("learning:opportunity_create"),
        {
            "owner": f"partner:{world.a.pk}",
            "code": "x",
            "kind": "course",
            "provider": "Omnia",
            "mode": "online",
            "hours": "3",
            "cost": "0",
            "competences": [],
        },
    )
    assert response.status_code == 400
    assert b"error-summary" in response.content
    assert b"Give a title in at least one language." in response.content


def test_catalogue_import_page_previews_then_imports(client, world):
    client.force_login(world.coord_a)
    csv = b"code,provider,title_fi,hours\nfinnish-a1,Omnia,Suomea,40\n"
    preview = client.post(
        reverse("learning:catalogue_import"),
        {"owner": f"partner:{world.a.pk}", "file": SimpleUploadedFile("c.csv", csv), "action": "preview"},
    )
    assert preview.status_code == 200 and preview.context["check"].ok
    assert not LearningOpportunity.objects.exists()
    done = client.post(reverse("learning:catalogue_import"), {"action": "import"})
    assert done.status_code == 302
    assert LearningOpportunity.objects.get().partner == world.a


def test_catalogue_export_downloads_csv(client, world):
    opportunity(code="one")
    client.force_login(world.user_a)
    response = client.get(reverse("learning:catalogue_export"))
    assert response["Content-Type"].startswith("text/csv")
    assert b"one" in response.content and response.content.startswith(b"code,kind,provider")


@pytest.mark.usefixtures("esco_empty")  # only the concepts the test builds
def test_participant_picks_a_target_and_sees_recommendations(client, world):
    g = graph()
    speaks(world.part_a.person, fi="B1")
    add_confirmed_skill(person=world.part_a.person, skill=g.forklift, kind="manual")
    opportunity(g.warehouse, code="warehouse", title_en="Warehouse basics")
    client.force_login(world.user_a)
    response = client.post(
        reverse("learning:plan_create"), {"goal_kind": "occupation", "occupation": "warehouse worker"}
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.target == g.worker
    page = client.get(reverse("learning:plan", args=[plan.pk]))
    assert b"Warehouse basics" in page.content
    assert "Missing: warehouse operations is essential" in page.content.decode()
    assert "Recommended: it builds essential skills you lack: warehouse operations." in page.content.decode()
    # The person's own read is not audited as a staff read.
    assert not AuditEvent.objects.filter(action="read", object_type="learning.plan").exists()


def test_ambiguous_occupation_asks_which_one(client, world):
    graph()
    from polku.esco.tests.factories import occupation

    occupation("warehouse manager")
    client.force_login(world.user_a)
    response = client.post(
        reverse("learning:plan_create"), {"goal_kind": "occupation", "occupation": "warehouse"}
    )
    assert response.status_code == 400
    assert b"Several occupations match" in response.content
    assert not Plan.objects.exists()


def test_plan_page_in_finnish(client, world):
    g = graph()
    plan = PlanFactory(person=world.part_a.person, goal_kind="occupation", target=g.worker)
    from polku.learning import services

    services.refresh_gap(plan=plan)
    client.force_login(world.user_a)
    page = client.get(reverse("learning:plan", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="fi")
    assert "varastotoiminnot" in page.content.decode()


def test_coordinator_read_is_audited_and_they_edit_and_comment(client, world):
    g = graph()
    course = opportunity(g.warehouse, code="warehouse")
    plan = PlanFactory(person=world.part_a.person, goal_kind="occupation", target=g.worker)
    client.force_login(world.coord_a)
    assert client.get(reverse("learning:plan", args=[plan.pk])).status_code == 200
    assert AuditEvent.objects.filter(
        action="read", object_type="learning.plan", partner_id=world.a.pk
    ).exists()
    client.post(reverse("learning:item_add", args=[plan.pk]), {"opportunity": str(course.pk), "text": ""})
    client.post(reverse("learning:item_add", args=[plan.pk]), {"opportunity": "", "text": "Job fair"})
    rows = list(plan.items.order_by("order"))
    assert [r.opportunity_id for r in rows] == [course.pk, None]
    client.post(reverse("learning:item_action", args=[rows[1].pk]), {"action": "up"})
    assert list(plan.items.order_by("order").values_list("text", flat=True)) == ["Job fair", ""]
    client.post(
        reverse("learning:item_action", args=[rows[0].pk]),
        {"action": "status", f"item{rows[0].pk}-status": "enrolled"},
    )
    rows[0].refresh_from_db()
    assert rows[0].status == "enrolled"
    client.post(
        reverse("learning:milestone_add", args=[plan.pk]),
        {"title": "Card", "due_on": "2026-06-01", "item": str(rows[0].pk)},
    )
    assert Milestone.objects.get().item == rows[0]
    client.post(reverse("learning:comment_add", args=[plan.pk]), {"text": "Looks good"})
    assert Comment.objects.get().is_review
    client.post(reverse("learning:item_action", args=[rows[1].pk]), {"action": "remove"})
    assert plan.items.count() == 1


def test_marking_complete_by_hand_adds_skills_and_closes_the_milestone(client, world):
    g = graph()
    course = opportunity(g.warehouse, code="warehouse")
    plan = PlanFactory(person=world.part_a.person, goal_kind="occupation", target=g.worker)
    row = item(plan, course)
    Milestone.objects.create(plan=plan, title="Course done", item=row)
    client.force_login(world.coord_a)
    # Choosing "completed" on the plan page asks for the date and evidence.
    response = client.post(
        reverse("learning:item_action", args=[row.pk]),
        {"action": "status", f"item{row.pk}-status": "completed"},
    )
    assert response.url == reverse("learning:item_complete", args=[row.pk])
    client.post(
        reverse("learning:item_complete", args=[row.pk]),
        {"completed_on": "2026-02-01", "note": "Certificate 123"},
    )
    assert Completion.objects.get().note == "Certificate 123"
    assert ProfileSkill.objects.get(person=world.part_a.person, skill=g.warehouse).status == "confirmed"
    assert Milestone.objects.get().status == "done"
    row.refresh_from_db()
    assert row.status == PlanItem.Status.COMPLETED


def test_future_completion_date_is_refused(client, world):
    g = graph()
    row = item(PlanFactory(person=world.part_a.person), opportunity(g.warehouse))
    client.force_login(world.user_a)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        reverse("learning:item_complete", args=[row.pk]), {"completed_on": tomorrow.isoformat()}
    )
    assert response.status_code == 400 and not Completion.objects.exists()


def test_post_views_of_another_partner_answer_404(client, world):
    plan = PlanFactory(person=world.part_a.person)
    row = item(plan)
    client.force_login(world.coord_b)
    for url in (
        reverse("learning:plan_propose", args=[plan.pk]),
        reverse("learning:item_add", args=[plan.pk]),
        reverse("learning:comment_add", args=[plan.pk]),
        reverse("learning:item_action", args=[row.pk]),
    ):
        assert client.post(url, {"text": "x"}).status_code == 404
    assert plan.items.count() == 1


def test_lead_sees_counts_but_no_plan_contents(client, world):
    PlanFactory(person=world.part_a.person, business_goal="Secret bakery")
    client.force_login(world.lead)
    page = client.get(reverse("learning:plans"))
    assert page.status_code == 200
    assert page.context["plans"] == []
    counts = dict(page.context["counts"])[world.project]
    assert {row["partner"]: row["plans"] for row in counts} == {world.a.pk: 1, world.b.pk: 0}
    assert b"Secret bakery" not in page.content


def test_mooc_import_page(client, world):
    g = graph()
    opportunity(g.warehouse, code="warehouse")
    client.force_login(world.coord_a)
    csv = b"email,course_id,completion_date,grade\nparticipant.a@example.org,warehouse,2026-01-10,5\nx@example.org,warehouse,2026-01-10,5\n"
    preview = client.post(
        reverse("learning:mooc_import"),
        {"partner": str(world.a.pk), "file": SimpleUploadedFile("m.csv", csv), "action": "preview"},
    )
    assert [r.status for r in preview.context["rows"]] == ["matched", "unmatched-person"]
    assert not Completion.objects.exists()
    client.post(
        reverse("learning:mooc_import"),
        {"partner": str(world.a.pk), "file": SimpleUploadedFile("m.csv", csv), "action": "import"},
    )
    assert Completion.objects.get().person == world.part_a.person


# --- the plans section of the competence profile ---------------------------------------------------


def _plan_with_progress(person):
    g = graph()
    plan = PlanFactory(person=person, goal_kind=Plan.GoalKind.OCCUPATION, target=g.worker, status="active")
    done = item(plan, opportunity(g.forklift, title_en="Forklift card"), status=PlanItem.Status.COMPLETED)
    item(plan, opportunity(g.warehouse, title_en="Warehouse basics"))
    item(plan, status=PlanItem.Status.DROPPED)  # not counted
    Milestone.objects.create(plan=plan, title="Apply for jobs", due_on=dt.date(2027, 5, 1))
    Milestone.objects.create(plan=plan, title="Warehouse course passed", due_on=dt.date(2027, 2, 1))
    Milestone.objects.create(plan=plan, title="Card", due_on=dt.date(2026, 1, 1), status="done", item=done)
    PlanFactory(person=person, business_goal="A finished café", status="done")  # not in progress
    return plan


def test_profile_shows_the_persons_plans_in_progress(client, world):
    plan = _plan_with_progress(world.part_a.person)
    client.force_login(world.user_a)
    html = client.get(reverse("competences:me")).content.decode()
    assert 'id="plan-summary-title"' in html
    assert f'<a href="{reverse("learning:plan", args=[plan.pk])}">warehouse worker</a>' in html
    assert "1 of 2 items completed" in html
    assert "Warehouse course passed, due 01/02/2027" in html  # the open milestone due first
    assert "A finished café" not in html
    assert not AuditEvent.objects.filter(person_id=world.part_a.person_id, action="read").exists()


def test_coordinator_of_the_partner_sees_the_plans_and_the_read_is_audited(client, world):
    plan = _plan_with_progress(world.part_a.person)
    client.force_login(world.coord_a)
    html = client.get(reverse("competences:profile", args=[world.part_a.person_id])).content.decode()
    assert reverse("learning:plan", args=[plan.pk]) in html and "1 of 2 items completed" in html
    reads = AuditEvent.objects.filter(person_id=world.part_a.person_id, action="read", actor=world.coord_a)
    assert ["plan"] in [event.fields for event in reads]


def test_coordinator_of_another_partner_gets_no_plans_section(world, rf):
    from polku.accounts.access import access_for
    from polku.learning.selectors import profile_section

    _plan_with_progress(world.part_a.person)
    request = rf.get("/")
    request.user = world.coord_b
    assert profile_section(world.part_a.person, access_for(world.coord_b), request) is None
    request.user = world.coord_a
    section = profile_section(world.part_a.person, access_for(world.coord_a), request)
    assert section is not None and [(s.done, s.total) for s in section["plans"]] == [(1, 2)]


def test_print_view_includes_the_plans_without_links(client, world):
    plan = _plan_with_progress(world.part_a.person)
    client.force_login(world.user_a)
    html = client.get(reverse("competences:print", args=[world.part_a.person_id])).content.decode()
    assert "warehouse worker" in html and "1 of 2 items completed" in html
    assert reverse("learning:plan", args=[plan.pk]) not in html


def test_person_without_a_plan_gets_a_link_to_make_one_others_no_section(client, world):
    client.force_login(world.user_a)
    html = client.get(reverse("competences:me")).content.decode()
    assert "You have no development plan yet." in html and reverse("learning:plan_create") in html
    client.force_login(world.coord_a)
    html = client.get(reverse("competences:profile", args=[world.part_a.person_id])).content.decode()
    assert 'id="plan-summary-title"' not in html
