from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("imports", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="ignored_columns",
            field=models.JSONField(blank=True, default=list, help_text="Headers that matched no known column"),
        ),
    ]
