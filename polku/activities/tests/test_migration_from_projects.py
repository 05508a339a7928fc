"""Existing databases keep their rows when Activity, ActivityEnrolment and Target move from `projects` to
`activities` (decision 0050).

The test database is migrated back to the state before the move, rows are written with the models as they
were then (projects.Activity, …), and the database is migrated forward again; every row must then be there,
with its relations, through the models of `activities`. On SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.mentordays.models import MentorDay
from polku.participants.models import Participation
from polku.surveys.models import FeedbackForm

# The leaf migrations before the move of the apps it touches; ("activities", None) unapplies the new app
# with everything that depends on it (projects.0004, mentordays.0002, surveys.0002, …).
BEFORE_THE_MOVE = [
    ("projects", "0003_project_indicator_set"),
    ("mentordays", "0001_initial"),
    ("surveys", "0001_initial"),
    ("activities", None),
]
MOVED_TABLES = {"activity", "activityenrolment", "target"}


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader: it reads what is applied now


def _latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _write_rows_before_the_move(apps) -> dict[str, int]:
    """A small project written with the historical models of the state before the move."""
    Organisation = apps.get_model("organisations", "Organisation")
    Project = apps.get_model("projects", "Project")
    Partner = apps.get_model("projects", "Partner")
    WorkPackage = apps.get_model("projects", "WorkPackage")
    Person = apps.get_model("participants", "Person")
    Participation = apps.get_model("participants", "Participation")
    Activity = apps.get_model("projects", "Activity")
    ActivityEnrolment = apps.get_model("projects", "ActivityEnrolment")
    Target = apps.get_model("projects", "Target")
    MentorDay = apps.get_model("mentordays", "MentorDay")
    FeedbackForm = apps.get_model("surveys", "FeedbackForm")

    organisation = Organisation.objects.create(name="City of Migration", kind="city", country="FI")
    project = Project.objects.create(
        name="Moved project",
        code="S77001",
        funder="esf_plus_2021",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2027, 12, 31),
        languages=["fi", "en"],
    )
    partner = Partner.objects.create(
        project=project, organisation=organisation, is_lead=True, country="FI", registration_code="migr-1"
    )
    work_package = WorkPackage.objects.create(project=project, number=1, name="Training", responsible=partner)
    person = Person.objects.create(first_name="Amina", last_name="Yusuf", email="amina@example.org")
    participation = Participation.objects.create(
        person=person, project=project, partner=partner, entry_date=dt.date(2025, 2, 1), channel="coordinator"
    )
    training = Activity.objects.create(
        project=project,
        partner=partner,
        work_package=work_package,
        kind="training",
        name="Finnish for work",
        starts_on=dt.date(2025, 3, 1),
    )
    mentoring = Activity.objects.create(project=project, partner=partner, kind="mentoring", name="Mentor day")
    enrolment = ActivityEnrolment.objects.create(
        activity=training, participation=participation, enrolled_on=dt.date(2025, 3, 1)
    )
    target = Target.objects.create(
        project=project,
        work_package=work_package,
        partner=partner,
        country="FI",
        metric="activity_participants",
        label="Trained",
        value=30,
    )
    day = MentorDay.objects.create(
        activity=mentoring,
        date=dt.date(2025, 4, 1),
        starts_at=dt.time(9, 0),
        ends_at=dt.time(12, 0),
    )
    form = FeedbackForm.objects.create(activity=training, title="How was it?", questions=["What next?"])
    event = audit_record(  # the label is the historical model's: projects.activityenrolment
        actor=None,
        action="create",
        obj=enrolment,
        person_id=person.pk,
        partner_id=partner.pk,
        fields=["activity", "enrolled_on"],
    )
    return {
        "project": project.pk,
        "partner": partner.pk,
        "work_package": work_package.pk,
        "participation": participation.pk,
        "training": training.pk,
        "mentoring": mentoring.pk,
        "enrolment": enrolment.pk,
        "target": target.pk,
        "day": day.pk,
        "form": form.pk,
        "event": event.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_rows_survive_the_move_from_projects_to_activities(monkeypatch):
    # Migrating here never loads ESCO (the executor sends no migrate signals); the setting says so as well.
    monkeypatch.setattr(settings, "POLKU_ESCO_AUTOLOAD", False)
    content_type = ContentType.objects.get_for_model(Activity).pk
    try:
        executor = _migrate(BEFORE_THE_MOVE)
        assert {f"projects_{name}" for name in MOVED_TABLES} <= _tables()
        assert not {f"activities_{name}" for name in MOVED_TABLES} & _tables()
        applied = [node for node in executor.loader.applied_migrations if node in executor.loader.graph.nodes]
        before = executor.loader.project_state(applied).apps
        assert (
            before.get_model("contenttypes", "ContentType").objects.get(pk=content_type).app_label
            == "projects"
        )
        ids = _write_rows_before_the_move(before)
    finally:
        _latest()  # whatever happened above, the database ends at the latest state for the tests after this
        ContentType.objects.clear_cache()

    assert {f"activities_{name}" for name in MOVED_TABLES} <= _tables()
    assert not {f"projects_{name}" for name in MOVED_TABLES} & _tables()

    training = Activity.objects.select_related("project", "partner", "work_package").get(pk=ids["training"])
    assert (training.project_id, training.partner_id, training.work_package_id) == (
        ids["project"],
        ids["partner"],
        ids["work_package"],
    )
    assert (training.kind, training.name, training.starts_on) == (
        "training",
        "Finnish for work",
        dt.date(2025, 3, 1),
    )
    enrolment = ActivityEnrolment.objects.get(pk=ids["enrolment"])
    assert (enrolment.activity_id, enrolment.participation_id) == (ids["training"], ids["participation"])
    assert list(Participation.objects.get(pk=ids["participation"]).activities.all()) == [training]
    target = Target.objects.get(pk=ids["target"])
    assert (target.project_id, target.work_package_id, target.partner_id) == (
        ids["project"],
        ids["work_package"],
        ids["partner"],
    )
    assert (target.metric, target.label, target.value, target.country) == (
        "activity_participants",
        "Trained",
        30,
        "FI",
    )
    assert MentorDay.objects.get(pk=ids["day"]).activity == Activity.objects.get(pk=ids["mentoring"])
    assert FeedbackForm.objects.get(pk=ids["form"]).activity == training
    assert training.feedback_form.pk == ids["form"]

    # The content type moved with the model (the admin's history and permissions stay attached); the audit
    # log is append-only, so an event written before the move keeps the label it was written with.
    assert ContentType.objects.get(app_label="activities", model="activity").pk == content_type
    assert not ContentType.objects.filter(app_label="projects", model__in=MOVED_TABLES).exists()
    assert AuditEvent.objects.get(pk=ids["event"]).object_type == "projects.activityenrolment"

    # New rows get new keys from the renamed tables' sequences, and the enrolment's constraint still holds.
    newer = Activity.objects.create(
        project_id=ids["project"], partner_id=ids["partner"], kind="community", name="Alumni"
    )
    assert newer.pk > ids["mentoring"]
    assert (
        ActivityEnrolment.objects.create(
            activity=newer, participation_id=ids["participation"], enrolled_on=dt.date(2025, 5, 1)
        ).pk
        > ids["enrolment"]
    )
    assert (
        Target.objects.create(project_id=ids["project"], metric="participants", label="All", value=1).pk
        > ids["target"]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityEnrolment.objects.create(
            activity_id=ids["training"],
            participation_id=ids["participation"],
            enrolled_on=dt.date(2025, 6, 1),
        )
