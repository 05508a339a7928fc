"""Good practices, handbook pages and evaluation notes against the real database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied
from polku.knowledge.models import Status
from polku.knowledge.rendering import render_markdown
from polku.knowledge.selectors import evaluation_note_list
from polku.knowledge.services import evaluation_note_create, good_practice_save
from polku.knowledge.tests.factories import GoodPracticeFactory


def test_text_falls_back_fi_sv_en():
    practice = GoodPracticeFactory.build(
        title_fi="", title_sv="Mastermindgrupper", title_en="Mastermind groups"
    )
    assert practice.text("title", "fi") == "Mastermindgrupper"
    assert practice.text("title", "en") == "Mastermind groups"
    assert practice.language_shown("title", "fi") == "sv"


def test_markdown_is_sanitised_and_headings_start_at_h2():
    html = render_markdown("# Step\n\n<script>alert(1)</script> [x](javascript:alert(1)) **bold**")
    assert "<h2>Step</h2>" in html and "<strong>bold</strong>" in html
    assert "<script" not in html and "javascript:" not in html


def test_a_coordinator_publishes_and_a_visitor_reads_it(client, world):
    practice = good_practice_save(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        data={
            "slug": "mastermind",
            "project": world.project,
            "title_en": "Mastermind",
            "problem_en": "Alone",
        },
    )
    assert practice.status == Status.DRAFT and practice.published_at is None
    assert client.get(reverse("knowledge:practice", args=["mastermind"])).status_code == 404
    good_practice_save(
        actor=world.coord_a, access=access_for(world.coord_a), practice=practice, data={"status": "published"}
    )
    response = client.get(reverse("knowledge:practice", args=["mastermind"]))
    assert response.status_code == 200 and b"Alone" in response.content
    assert b"Mastermind" in client.get(reverse("knowledge:library")).content


def test_evaluator_cannot_author_practices(world):
    with pytest.raises(AccessDenied):
        good_practice_save(
            actor=world.evaluator, access=access_for(world.evaluator), data={"slug": "x", "title_en": "X"}
        )


def test_a_partners_note_is_for_its_coordinators_and_the_lead(world):
    note = evaluation_note_create(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        project=world.project,
        partner=world.a,
        date=dt.date(2025, 3, 31),
        kind="reflection",
        title="Q1 reflection",
        attendees=[world.coord_a, world.lead],
        other_attendees=["Mette Lund", " "],
        decisions=["Open a second mentor day", ""],
    )
    assert note.decisions == ["Open a second mentor day"] and note.other_attendees == ["Mette Lund"]
    assert list(evaluation_note_list(access=access_for(world.lead), project=world.project)) == [note]
    assert list(evaluation_note_list(access=access_for(world.coord_b), project=world.project)) == []
    assert list(evaluation_note_list(access=access_for(world.user_a), project=world.project)) == []


def test_a_stranger_cannot_be_listed_as_attendee(world):
    from polku.core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        evaluation_note_create(
            actor=world.lead,
            access=access_for(world.lead),
            project=world.project,
            date=dt.date(2025, 3, 31),
            kind="note",
            title="Note",
            attendees=[world.stranger],
        )


def test_evaluation_page_saves_a_reflection_meeting(client, world):
    client.force_login(world.lead)
    url = reverse("knowledge:evaluation", args=[world.project.code])
    response = client.post(
        url,
        {
            "date": "2025-06-30",
            "kind": "reflection",
            "title": "Q2 reflection",
            "attendees": [world.coord_a.pk],
            "other_attendees": "Mette Lund\nOla Nordmann",
            "decisions": "Move dinners to Thursdays",
        },
    )
    assert response.status_code == 302
    page = client.get(url)
    assert b"Q2 reflection" in page.content and b"Move dinners to Thursdays" in page.content


def test_library_queries_do_not_grow_with_practices(client, world, django_assert_max_num_queries):
    for _ in range(6):
        GoodPracticeFactory(project=world.project)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("knowledge:library"))
    assert len(response.context["practices"]) == 6
