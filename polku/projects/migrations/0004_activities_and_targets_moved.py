# Activity, ActivityEnrolment and Target now belong to `activities` (decision 0050): they leave this app's
# state only; their tables and rows are taken over by activities.0001. Runs after every app whose models
# point at them has been pointed at the activities models.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('activities', '0001_initial'),
        ('mentordays', '0002_activity_in_activities'),
        ('projects', '0003_project_indicator_set'),
        ('surveys', '0002_activity_in_activities'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='activity', name='participants'),
                migrations.DeleteModel(name='ActivityEnrolment'),
                migrations.DeleteModel(name='Activity'),
                migrations.DeleteModel(name='Target'),
            ],
            database_operations=[],
        ),
    ]
