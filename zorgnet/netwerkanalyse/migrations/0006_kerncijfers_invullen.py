"""Data: the small per-run summary (`kerncijfers`) for runs computed before the field existed.

Reads only the summary keys of each run (JSON key lookups), one run at a time, so a database with
many large snapshots is migrated without decoding their whole metrics. The counting is copied here
(not imported) so this migration keeps doing what it did when the code moves on."""

from django.db import migrations

KERNCIJFERS = (
    "knopen",
    "banden",
    "dichtheid",
    "gemiddelde_graad",
    "componenten",
    "gemeenschappen",
    "aandeel_intersectoraal",
)
GETELD = ("eilandjes", "articulatiepunten", "bruggen")


def vooruit(apps, schema_editor):
    NetwerkAnalyse = apps.get_model("netwerkanalyse", "NetwerkAnalyse")
    rijen = (
        NetwerkAnalyse.objects.filter(kerncijfers={})
        .values_list(
            "pk", "metrieken__samenvatting", "metrieken__te_weinig_gegevens", "metrieken__melding"
        )
        .iterator(chunk_size=50)
    )
    for pk, samenvatting, te_weinig, melding in rijen:
        samenvatting = samenvatting if isinstance(samenvatting, dict) else {}
        if not samenvatting and not te_weinig:
            continue  # a run that never finished has no figures
        cijfers = {k: samenvatting[k] for k in KERNCIJFERS if k in samenvatting}
        for k in GETELD:
            w = samenvatting.get(k)
            cijfers[k] = len(w) if isinstance(w, list) else (w or 0)
        cijfers["te_weinig_gegevens"] = bool(te_weinig)
        cijfers["melding"] = melding or ""
        NetwerkAnalyse.objects.filter(pk=pk).update(kerncijfers=cijfers)


class Migration(migrations.Migration):

    dependencies = [
        ("netwerkanalyse", "0005_kerncijfers"),
    ]

    operations = [migrations.RunPython(vooruit, migrations.RunPython.noop)]
