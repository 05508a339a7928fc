"""Each mentoring programme becomes one of its project's activities (decision 0057).

The link is added empty, every existing programme gets its activity (kind mentoring, the programme's
partner, or none for a programme of the whole project; its name and dates), the mentees whose mentorship
ever became active (it has a start date: active now, or closed after being active) are enrolled from the
day it started, and then the link is required. Backwards, the activities made here go again, with their
enrolments.
"""

import django.db.models.deletion
from django.db import migrations, models


def link_programmes(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    ActivityEnrolment = apps.get_model("activities", "ActivityEnrolment")
    MentoringProgramme = apps.get_model("mentoring", "MentoringProgramme")
    Mentorship = apps.get_model("mentoring", "Mentorship")
    for programme in MentoringProgramme.objects.filter(activity__isnull=True).order_by("pk"):
        programme.activity = Activity.objects.create(
            project_id=programme.project_id,
            partner_id=programme.partner_id,
            kind="mentoring",
            name=programme.name[:200],
            starts_on=programme.starts_on,
            ends_on=programme.ends_on,
        )
        programme.save(update_fields=["activity"])
        started = (
            Mentorship.objects.filter(programme=programme, started_on__isnull=False)
            .select_related("mentee__participation")
            .order_by("started_on", "pk")
        )
        for mentorship in started:
            participation = mentorship.mentee.participation
            ActivityEnrolment.objects.get_or_create(
                activity_id=programme.activity_id,
                participation_id=participation.pk,
                defaults={"enrolled_on": max(mentorship.started_on, participation.entry_date)},
            )


def unlink_programmes(apps, schema_editor):
    # Without Django's collector: when both apps are unapplied in one plan, the state it would read still
    # has the other app's link, whose column is gone. Anything else made on these activities since (a
    # feedback form) stops this with the database's foreign key, rather than going silently.
    Activity = apps.get_model("activities", "Activity")
    ActivityEnrolment = apps.get_model("activities", "ActivityEnrolment")
    MentoringProgramme = apps.get_model("mentoring", "MentoringProgramme")
    ids = list(MentoringProgramme.objects.exclude(activity=None).values_list("activity_id", flat=True))
    MentoringProgramme.objects.update(activity=None)
    ActivityEnrolment.objects.filter(activity_id__in=ids)._raw_delete(schema_editor.connection.alias)
    Activity.objects.filter(pk__in=ids)._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    # Each operation in its own transaction (the data step in one): on PostgreSQL the rows it writes leave deferred
    # foreign-key checks pending, and a table with pending checks cannot be altered in the same transaction.
    atomic = False

    dependencies = [
        ("activities", "0005_activity_of_the_whole_project"),
        ("mentoring", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="mentoringprogramme",
            name="activity",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="mentoring_programme",
                to="activities.activity",
                verbose_name="activity",
                help_text="The programme among the project's activities: mentees whose pair started are enrolled",
            ),
        ),
        migrations.RunPython(link_programmes, unlink_programmes, atomic=True),
        migrations.AlterField(
            model_name="mentoringprogramme",
            name="activity",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="mentoring_programme",
                to="activities.activity",
                verbose_name="activity",
                help_text="The programme among the project's activities: mentees whose pair started are enrolled",
            ),
        ),
    ]
