# Data: the content types of the moved models follow them, so admin log entries and permissions
# that point at them keep working.

from django.db import migrations

MODELLEN = ["netwerkanalyse", "partnermetriek"]


def verhuis(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label="netwerkanalyse", model__in=MODELLEN).exists():
        return  # created fresh by this installation's post_migrate; nothing to move
    ContentType.objects.filter(app_label="partners", model__in=MODELLEN).update(
        app_label="netwerkanalyse"
    )


def terug(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="netwerkanalyse", model__in=MODELLEN).update(
        app_label="partners"
    )


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("netwerkanalyse", "0001_verhuisd_uit_partners"),
    ]

    operations = [migrations.RunPython(verhuis, terug)]
