"""Data for the one life cycle (zorgnet.lib.taakrecords): exports that were claimed count as one
claim (`pogingen`), so a stuck one fails instead of being made again."""

from django.db import migrations


def vooruit(apps, schema_editor):
    ExportBestand = apps.get_model("activiteiten", "ExportBestand")
    ExportBestand.objects.exclude(status="wachtend").update(pogingen=1)


class Migration(migrations.Migration):

    dependencies = [
        ("activiteiten", "0008_exportbestand_taakrecord"),
    ]

    # Backwards nothing to undo: 0008 drops the column this fills.
    operations = [migrations.RunPython(vooruit, migrations.RunPython.noop)]
