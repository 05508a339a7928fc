# The activity of a feedback form is an activities.Activity now (decision 0050): the same table and rows,
# so only Django's state changes; the database's foreign key stays as it is.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('activities', '0001_initial'),
        ('surveys', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='feedbackform',
                    name='activity',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='feedback_form', to='activities.activity'),
                ),
            ],
            database_operations=[],
        ),
    ]
