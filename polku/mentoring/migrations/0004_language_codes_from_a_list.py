from django.db import migrations

from polku.core.names import repair_language_code


def repair_codes(apps, schema_editor):
    """The languages of mentor profiles under the codes matching compares with participants' languages
    ("fin" → "fi", "dar" from "Dari" → "prs"); see participants 0006."""
    MentorProfile = apps.get_model("mentoring", "MentorProfile")
    for profile in MentorProfile.objects.exclude(languages={}):
        repaired = {repair_language_code(code)[0]: level for code, level in (profile.languages or {}).items()}
        if repaired != profile.languages:
            profile.languages = repaired
            profile.save(update_fields=["languages"])


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0003_one_open_mentorship")]

    operations = [migrations.RunPython(repair_codes, migrations.RunPython.noop)]
