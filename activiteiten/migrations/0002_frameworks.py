from django.db import migrations


def zaai(apps, schema_editor):
    from activiteiten.acties_kaders import zaai_kaders

    zaai_kaders(apps.get_model("activiteiten", "Framework"), apps.get_model("activiteiten", "FrameworkElement"))


class Migration(migrations.Migration):
    dependencies = [("activiteiten", "0001_acties_signalen")]

    operations = [migrations.RunPython(zaai, migrations.RunPython.noop)]
