# The network run records, moved here from `partners`. Their tables already exist (created by
# partners 0003 under the same db_table), so this migration changes the state only.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('buurten', '0004_buurtanalyse'),
        ('partners', '0003_netwerkanalyse'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NetwerkAnalyse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('scope', models.CharField(choices=[('buurt', 'Buurt'), ('gemeente', 'Gemeente')], max_length=10, verbose_name='niveau')),
                        ('sleutel', models.CharField(editable=False, max_length=40, verbose_name='sleutel')),
                        ('periode_van', models.DateField(blank=True, null=True, verbose_name='periode van')),
                        ('periode_tot', models.DateField(blank=True, null=True, verbose_name='periode tot')),
                        ('laag', models.CharField(choices=[('gecombineerd', 'Verklaard en waargenomen'), ('verklaard', 'Verklaarde relaties'), ('waargenomen', 'Waargenomen samenwerking')], default='gecombineerd', max_length=20, verbose_name='laag')),
                        ('min_intensiteit', models.PositiveSmallIntegerField(default=1, verbose_name='minimale intensiteit')),
                        ('status', models.CharField(choices=[('wachtrij', 'In de wachtrij'), ('bezig', 'Bezig'), ('klaar', 'Klaar'), ('mislukt', 'Mislukt')], default='wachtrij', max_length=10, verbose_name='status')),
                        ('invoer_hash', models.CharField(blank=True, db_index=True, max_length=64, verbose_name='invoer-hash')),
                        ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                        ('aangemaakt_op', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('gestart_op', models.DateTimeField(blank=True, null=True, verbose_name='gestart op')),
                        ('klaar_op', models.DateTimeField(blank=True, null=True, verbose_name='klaar op')),
                        ('rekentijd_ms', models.PositiveIntegerField(blank=True, null=True, verbose_name='rekentijd (ms)')),
                        ('foutmelding', models.TextField(blank=True, verbose_name='foutmelding')),
                        ('metrieken', models.JSONField(blank=True, default=dict, verbose_name='metrieken')),
                        ('layout', models.JSONField(blank=True, default=dict, verbose_name='layout')),
                        ('buurt', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='netwerkanalyses', to='buurten.buurt', verbose_name='buurt')),
                        ('gemeente', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='netwerkanalyses', to='buurten.gemeente', verbose_name='gemeente')),
                        ('gestart_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='gestart door')),
                    ],
                    options={
                        'verbose_name': 'netwerkanalyse',
                        'verbose_name_plural': 'netwerkanalyses',
                        'db_table': 'partners_netwerkanalyse',
                        'ordering': ['-aangemaakt_op', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='PartnerMetriek',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('graad', models.PositiveIntegerField(default=0, verbose_name='aantal banden')),
                        ('sterkte', models.FloatField(default=0, verbose_name='sterkte')),
                        ('betweenness', models.FloatField(default=0, verbose_name='makelaarsrol (betweenness)')),
                        ('closeness', models.FloatField(default=0, verbose_name='nabijheid (closeness)')),
                        ('kern', models.PositiveIntegerField(default=0, verbose_name='k-kern')),
                        ('gemeenschap', models.PositiveIntegerField(default=0, verbose_name='gemeenschap')),
                        ('component', models.PositiveIntegerField(default=0, verbose_name='component')),
                        ('articulatiepunt', models.BooleanField(default=False, verbose_name='kwetsbare schakel')),
                        ('eilandje', models.BooleanField(default=False, verbose_name='eilandje')),
                        ('analyse', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='partnermetrieken', to='netwerkanalyse.netwerkanalyse')),
                        ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='netwerkmetrieken', to='partners.partner')),
                    ],
                    options={
                        'verbose_name': 'partnermetriek',
                        'verbose_name_plural': 'partnermetrieken',
                        'db_table': 'partners_partnermetriek',
                        'ordering': ['-betweenness', 'partner__naam'],
                    },
                ),
                migrations.AddIndex(
                    model_name='netwerkanalyse',
                    index=models.Index(fields=['sleutel', 'status', 'klaar_op'], name='partners_ne_sleutel_38d157_idx'),
                ),
                migrations.AddConstraint(
                    model_name='netwerkanalyse',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['wachtrij', 'bezig'])), fields=('sleutel', 'laag', 'min_intensiteit'), name='netwerkanalyse_een_lopende_per_scope'),
                ),
                migrations.AddConstraint(
                    model_name='netwerkanalyse',
                    constraint=models.CheckConstraint(condition=models.Q(('min_intensiteit__gte', 1), ('min_intensiteit__lte', 4)), name='netwerkanalyse_intensiteit_1_4'),
                ),
                migrations.AddConstraint(
                    model_name='partnermetriek',
                    constraint=models.UniqueConstraint(fields=('analyse', 'partner'), name='partnermetriek_uniek'),
                ),
            ],
            database_operations=[],
        ),
    ]
