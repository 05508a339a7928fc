"""Bulk actions of the participant list: enrol the chosen in an activity, export the chosen."""

from __future__ import annotations

from django.urls import reverse

from polku.activities.models import ActivityEnrolment
from polku.audit.models import AuditEvent
from polku.testing import factories as f


def test_the_chosen_are_enrolled_in_the_activity_chosen_next(client, world):
    activity = f.ActivityFactory(project=world.project, partner=world.a, name="Job club")
    client.force_login(world.coord_a)
    page = client.post(reverse("activities:enrol_chosen"), {"ids": [world.part_a.pk]})
    html = page.content.decode()
    assert page.status_code == 200 and "Amina Yusuf" in html and "Job club" in html
    response = client.post(
        reverse("activities:enrol_chosen"),
        {
            "ids": [world.part_a.pk],
            "activity": activity.pk,
            "enrolled_on": world.part_a.entry_date.isoformat(),
        },
    )
    assert response.status_code == 302
    assert ActivityEnrolment.objects.filter(activity=activity, participation=world.part_a).exists()


def test_an_error_keeps_the_choice_and_names_the_field(client, world):
    activity = f.ActivityFactory(project=world.project, partner=world.a, name="Job club")
    client.force_login(world.coord_a)
    response = client.post(
        reverse("activities:enrol_chosen"),
        {"ids": [world.part_a.pk], "activity": activity.pk, "enrolled_on": "1990-01-01"},
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Enrolled on" in html and "cannot be earlier" in html
    assert f'value="{world.part_a.pk}"' in html and not ActivityEnrolment.objects.exists()


def test_another_partners_participant_cannot_be_chosen(client, world):
    client.force_login(world.coord_a)
    assert client.post(reverse("activities:enrol_chosen"), {"ids": [world.part_b.pk]}).status_code == 404
    assert client.post(reverse("participants:export_chosen"), {"ids": [world.part_b.pk]}).status_code == 404


def test_export_of_the_chosen_is_a_csv_and_each_row_a_read_in_the_audit_log(client, world):
    client.force_login(world.coord_a)
    response = client.post(reverse("participants:export_chosen"), {"ids": [world.part_a.pk]})
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Amina" in body and "Yusuf" in body and "Kovalenko" not in body
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, person_id=world.part_a.person_id, actor=world.coord_a
    ).exists()
