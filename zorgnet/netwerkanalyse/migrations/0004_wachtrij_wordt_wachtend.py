"""Data: runs queued under the old code 'wachtrij' get the one queued code of every job-made record,
'wachtend' (zorgnet.lib.choices.TaakStatus). Separate from the schema change in 0003."""

from django.db import migrations


def vooruit(apps, schema_editor):
    NetwerkAnalyse = apps.get_model("netwerkanalyse", "NetwerkAnalyse")
    NetwerkAnalyse.objects.filter(status="wachtrij").update(status="wachtend")


def terug(apps, schema_editor):
    NetwerkAnalyse = apps.get_model("netwerkanalyse", "NetwerkAnalyse")
    NetwerkAnalyse.objects.filter(status="wachtend").update(status="wachtrij")


class Migration(migrations.Migration):

    dependencies = [
        ("netwerkanalyse", "0003_taakrecord"),
    ]

    operations = [migrations.RunPython(vooruit, terug)]
