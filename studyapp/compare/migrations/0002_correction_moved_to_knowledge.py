# The Correction model now lives in the knowledge app (same table): forget it here, keep the rows.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('compare', '0001_initial'),
        ('knowledge', '0002_correction'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Correction')],
            database_operations=[],
        ),
    ]
