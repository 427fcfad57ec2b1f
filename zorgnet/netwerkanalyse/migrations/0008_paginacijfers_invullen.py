"""Data: the page's copy of its metrics keys (`paginacijfers`) for runs computed before the field
existed.

Reads only those keys of each run (JSON key lookups), one run at a time, so a database with many
large snapshots is migrated without decoding their whole metrics. The key list is copied here (not
imported) so this migration keeps doing what it did when the code moves on."""

from django.db import migrations

SLEUTELS = ("samenvatting", "vergelijking", "per_laag", "lagen_naast_elkaar", "melding")


def vooruit(apps, schema_editor):
    NetwerkAnalyse = apps.get_model("netwerkanalyse", "NetwerkAnalyse")
    rijen = (
        NetwerkAnalyse.objects.filter(paginacijfers={})
        .values_list("pk", *(f"metrieken__{k}" for k in SLEUTELS))
        .iterator(chunk_size=50)
    )
    for pk, *waarden in rijen:
        cijfers = {k: w for k, w in zip(SLEUTELS, waarden, strict=True) if w is not None}
        if cijfers:
            NetwerkAnalyse.objects.filter(pk=pk).update(paginacijfers=cijfers)


class Migration(migrations.Migration):

    dependencies = [
        ("netwerkanalyse", "0007_paginacijfers_en_volgorde"),
    ]

    operations = [migrations.RunPython(vooruit, migrations.RunPython.noop)]
