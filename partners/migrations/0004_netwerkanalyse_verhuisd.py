# The network run records moved to the top-layer app `netwerkanalyse`; their tables stay where they
# are (db_table), so this only removes them from the partners app's state.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0003_netwerkanalyse'),
        ('netwerkanalyse', '0001_verhuisd_uit_partners'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='partnermetriek', name='analyse'),
                migrations.RemoveField(model_name='partnermetriek', name='partner'),
                migrations.DeleteModel(name='NetwerkAnalyse'),
                migrations.DeleteModel(name='PartnerMetriek'),
            ],
            database_operations=[],
        ),
    ]
