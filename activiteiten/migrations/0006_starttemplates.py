from django.db import migrations


def zaai(apps, schema_editor):
    from activiteiten.pakketten_sjablonen import zaai_starttemplates

    zaai_starttemplates(apps.get_model("activiteiten", "Starttemplate"))


class Migration(migrations.Migration):
    dependencies = [("activiteiten", "0005_pakketten")]

    operations = [migrations.RunPython(zaai, migrations.RunPython.noop)]
