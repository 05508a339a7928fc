from django.db import migrations, models
from django.db.models import F

OPEN = ("pending", "active")


def withdraw_extra_open_requests(apps, schema_editor):
    """Before the constraint: a mentee whose simultaneous requests each became an open mentorship keeps
    one (the active one, else the earliest); the others are withdrawn (declined by the mentee, without
    barring the pair) and their mentors' seats given back."""
    Mentorship = apps.get_model("mentoring", "Mentorship")
    MentorProfile = apps.get_model("mentoring", "MentorProfile")
    seen: set[int] = set()
    # "active" sorts before "pending", so an active mentorship is the one kept
    rows = Mentorship.objects.filter(status__in=OPEN).order_by("mentee_id", "status", "created_at", "id")
    for mentorship in rows:
        if mentorship.mentee_id not in seen:
            seen.add(mentorship.mentee_id)
            continue
        Mentorship.objects.filter(pk=mentorship.pk).update(status="declined", mentee_response="declined")
        MentorProfile.objects.filter(pk=mentorship.mentor_id, seats_taken__gt=0).update(
            seats_taken=F("seats_taken") - 1
        )


class Migration(migrations.Migration):

    dependencies = [
        ("mentoring", "0002_programme_activity"),
    ]

    operations = [
        migrations.RunPython(withdraw_extra_open_requests, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="mentorship",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ("pending", "active"))),
                fields=("mentee",),
                name="one_open_mentorship_per_mentee",
            ),
        ),
        migrations.AddField(
            model_name="menteerequest",
            name="shared_with_other_partners_at",
            field=models.DateTimeField(
                blank=True,
                null=True,
                verbose_name="shared with the programme's staff of other partners since",
            ),
        ),
    ]
