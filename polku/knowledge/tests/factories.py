from __future__ import annotations

import datetime as dt

import factory

from polku.knowledge.models import EvaluationNote, GoodPractice, HandbookPage, Status
from polku.testing.factories import ModelFactory, ProjectFactory


class GoodPracticeFactory(ModelFactory[GoodPractice]):
    class Meta:
        model = GoodPractice

    slug = factory.Sequence(lambda n: f"practice-{n}")
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: dt.datetime(2025, 1, 10, tzinfo=dt.UTC))
    title_fi = "Mastermind-ryhmät"
    title_en = "Mastermind groups"
    problem_en = "Newcomers lack a network."
    done_en = "Peer groups met monthly."
    results_en = "Two companies were founded."
    reuse_en = "Start with **six** people."


class HandbookPageFactory(ModelFactory[HandbookPage]):
    class Meta:
        model = HandbookPage

    slug = factory.Sequence(lambda n: f"page-{n}")
    status = Status.PUBLISHED
    title_en = "Guiding digital networking"
    body_en = "# Before the event\n\n- Prepare a profile"


class EvaluationNoteFactory(ModelFactory[EvaluationNote]):
    class Meta:
        model = EvaluationNote

    project = factory.SubFactory(ProjectFactory)
    date = dt.date(2025, 3, 31)
    kind = EvaluationNote.Kind.REFLECTION
    title = "Q1 reflection"
    notes = "Mentor days are full."
    decisions = ["Open a second mentor day"]
