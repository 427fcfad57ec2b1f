from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("netwerkanalyse", "0004_wachtrij_wordt_wachtend"),
    ]

    operations = [
        migrations.AddField(
            model_name="netwerkanalyse",
            name="kerncijfers",
            field=models.JSONField(
                blank=True, default=dict, editable=False, verbose_name="kerncijfers"
            ),
        ),
    ]
