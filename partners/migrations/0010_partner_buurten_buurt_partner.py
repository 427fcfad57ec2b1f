from django.db import migrations


class Migration(migrations.Migration):
    """An index (buurt, partner) on the partner-buurt link table: a buurt's partners become an
    index-only scan. The link rows lie scattered over the table (one heap page per row), so the
    dashboard's 148 buurten read 4,261 pages through the buurt index alone; with this index 320."""

    dependencies = [("partners", "0009_relatiebuurt_vullen")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX partner_buurten_buurt_partner "
            "ON partners_partner_buurten (buurt_id, partner_id)",
            "DROP INDEX partner_buurten_buurt_partner",
        )
    ]
