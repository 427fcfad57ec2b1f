"""Data for the one life cycle (zorgnet.lib.taakrecords): a report file 'bezig' had no start time,
so the stuck-record job could never see it; it gets its request time. Records that were claimed
count as one claim (`pogingen`), so a stuck one fails instead of being made again."""

from django.db import migrations
from django.db.models import F


def vooruit(apps, schema_editor):
    RapportBestand = apps.get_model("rapport", "RapportBestand")
    RapportVoorbeeld = apps.get_model("rapport", "RapportVoorbeeld")
    RapportBestand.objects.filter(status="bezig", gestart_op__isnull=True).update(
        gestart_op=F("aangemaakt_op")
    )
    for model in (RapportBestand, RapportVoorbeeld):
        model.objects.exclude(status="wachtend").update(pogingen=1)


class Migration(migrations.Migration):

    dependencies = [
        ("rapport", "0003_taakrecord"),
    ]

    # Backwards nothing to undo: 0003 drops the columns this fills.
    operations = [migrations.RunPython(vooruit, migrations.RunPython.noop)]
