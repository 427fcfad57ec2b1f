from django.db import migrations


def vullen(apps, schema_editor):
    from partners.relatiebuurten import alles_vullen

    partner = apps.get_model("partners", "Partner")
    alles_vullen(
        {
            "rb": apps.get_model("partners", "RelatieBuurt")._meta.db_table,
            "r": apps.get_model("partners", "Relatie")._meta.db_table,
            "pb": partner.buurten.through._meta.db_table,
        }
    )


class Migration(migrations.Migration):
    dependencies = [("partners", "0008_relatiebuurt")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
