# Activities, their enrolments and targets move from `projects` (decision 0050). Only Django's idea of the
# models moves: the tables and their rows stay as they are (projects_activity, projects_activityenrolment,
# projects_target); projects.0004 drops the old models from the state, 0002 renames the tables.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('participants', '0005_languageskill_per_skill_levels'),
        ('projects', '0003_project_indicator_set'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Activity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('kind', models.CharField(choices=[('training', 'Training'), ('mooc', 'MOOC run'), ('community', 'Community'), ('mentoring', 'Mentoring'), ('peer_group', 'Peer group'), ('event_series', 'Event series'), ('studies', 'Studies')], max_length=20, verbose_name='kind')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts')),
                        ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends')),
                        ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='projects.partner', verbose_name='partner')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='projects.project')),
                        ('work_package', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='activities', to='projects.workpackage', verbose_name='work package')),
                    ],
                    options={
                        'verbose_name': 'activity',
                        'verbose_name_plural': 'activities',
                        'ordering': ['project', 'starts_on', 'name'],
                        'db_table': 'projects_activity',
                    },
                ),
                migrations.CreateModel(
                    name='ActivityEnrolment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('enrolled_on', models.DateField(verbose_name='enrolled')),
                        ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='enrolments', to='activities.activity')),
                        ('participation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='enrolments', to='participants.participation')),
                    ],
                    options={
                        'db_table': 'projects_activityenrolment',
                        'constraints': [models.UniqueConstraint(fields=('activity', 'participation'), name='enrol_once')],
                    },
                ),
                migrations.AddField(
                    model_name='activity',
                    name='participants',
                    field=models.ManyToManyField(related_name='activities', through='activities.ActivityEnrolment', to='participants.participation'),
                ),
                migrations.CreateModel(
                    name='Target',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('country', models.CharField(blank=True, max_length=2, verbose_name='country')),
                        ('metric', models.CharField(choices=[('participants', 'Participants who started'), ('activity_participants', 'Participants in activities of the work package'), ('exited', 'Participants who have exited'), ('activities', 'Activities held')], max_length=30, verbose_name='what is counted')),
                        ('label', models.CharField(max_length=200, verbose_name='label')),
                        ('value', models.PositiveIntegerField(verbose_name='target value')),
                        ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='projects.partner', verbose_name='partner')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='projects.project')),
                        ('work_package', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='projects.workpackage', verbose_name='work package')),
                    ],
                    options={
                        'verbose_name': 'target',
                        'verbose_name_plural': 'targets',
                        'ordering': ['project', 'work_package__number', 'label'],
                        'db_table': 'projects_target',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
