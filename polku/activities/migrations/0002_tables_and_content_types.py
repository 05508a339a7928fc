# The moved models' tables get the names of their app (activities_activity, activities_activityenrolment,
# activities_target): a rename, the rows, keys, indexes and constraints stay. Their content types move to
# the app too, so that the admin's history and any permissions given on them stay attached (decision 0050).

from django.db import migrations

MOVED = ("activity", "activityenrolment", "target")


def _move_content_types(apps, schema_editor, *, source: str, destination: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    rows = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if rows.filter(app_label=destination, model=model).exists():
            continue  # already there (created by a post_migrate); the old row is stale, nothing refers to it anew
        rows.filter(app_label=source, model=model).update(app_label=destination)


def content_types_to_activities(apps, schema_editor):
    _move_content_types(apps, schema_editor, source="projects", destination="activities")


def content_types_to_projects(apps, schema_editor):
    _move_content_types(apps, schema_editor, source="activities", destination="projects")


class Migration(migrations.Migration):

    # After projects.0004, which runs after every app whose tables point at these was pointed at the
    # activities models: a migration creating such a table from the old state would name the old table.
    dependencies = [
        ('activities', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('projects', '0004_activities_and_targets_moved'),
    ]

    operations = [
        migrations.AlterModelTable(name='activity', table=None),
        migrations.AlterModelTable(name='activityenrolment', table=None),
        migrations.AlterModelTable(name='target', table=None),
        migrations.RunPython(content_types_to_activities, content_types_to_projects),
    ]
