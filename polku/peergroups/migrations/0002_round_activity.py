"""Each peer-group round becomes one of its project's activities (decision 0057).

The link is added empty, every existing round gets its activity (kind peer group, the round's partner and
name; a published round starts on the day it was published), the members of published rounds are enrolled
from that day, and then the link is required. Backwards, the activities made here go again, with their
enrolments.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone


def link_rounds(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    ActivityEnrolment = apps.get_model("activities", "ActivityEnrolment")
    PeerGroupRound = apps.get_model("peergroups", "PeerGroupRound")
    PeerGroupMembership = apps.get_model("peergroups", "PeerGroupMembership")
    for peer_round in PeerGroupRound.objects.filter(activity__isnull=True).order_by("pk"):
        published = peer_round.status == "published"
        day = timezone.localdate(peer_round.published_at) if published and peer_round.published_at else None
        peer_round.activity = Activity.objects.create(
            project_id=peer_round.project_id,
            partner_id=peer_round.partner_id,
            kind="peer_group",
            name=peer_round.name[:200],
            starts_on=day,
        )
        peer_round.save(update_fields=["activity"])
        if not published:
            continue
        members = PeerGroupMembership.objects.filter(round=peer_round).select_related("participation")
        for membership in members.order_by("pk"):
            participation = membership.participation
            ActivityEnrolment.objects.get_or_create(
                activity_id=peer_round.activity_id,
                participation_id=participation.pk,
                defaults={"enrolled_on": max(day or participation.entry_date, participation.entry_date)},
            )


def unlink_rounds(apps, schema_editor):
    # Without Django's collector: when both apps are unapplied in one plan, the state it would read still
    # has the other app's link, whose column is gone. Anything else made on these activities since (a
    # feedback form) stops this with the database's foreign key, rather than going silently.
    Activity = apps.get_model("activities", "Activity")
    ActivityEnrolment = apps.get_model("activities", "ActivityEnrolment")
    PeerGroupRound = apps.get_model("peergroups", "PeerGroupRound")
    ids = list(PeerGroupRound.objects.exclude(activity=None).values_list("activity_id", flat=True))
    PeerGroupRound.objects.update(activity=None)
    ActivityEnrolment.objects.filter(activity_id__in=ids)._raw_delete(schema_editor.connection.alias)
    Activity.objects.filter(pk__in=ids)._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    # Each operation in its own transaction (the data step in one): on PostgreSQL the rows it writes leave deferred
    # foreign-key checks pending, and a table with pending checks cannot be altered in the same transaction.
    atomic = False

    dependencies = [
        ("activities", "0005_activity_of_the_whole_project"),
        ("peergroups", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="peergroupround",
            name="activity",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="peer_group_round",
                to="activities.activity",
                verbose_name="activity",
                help_text="The round among the project's activities: its members are enrolled when it is published",
            ),
        ),
        migrations.RunPython(link_rounds, unlink_rounds, atomic=True),
        migrations.AlterField(
            model_name="peergroupround",
            name="activity",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="peer_group_round",
                to="activities.activity",
                verbose_name="activity",
                help_text="The round among the project's activities: its members are enrolled when it is published",
            ),
        ),
    ]
