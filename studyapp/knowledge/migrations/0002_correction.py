# Corrections moved here from the compare app: they are part of the topic model (tables as
# corrected), which the cards and questions read. The table stays where it is.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge', '0001_initial'),
        ('compare', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Correction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('comparison_key', models.CharField(db_index=True, max_length=40)),
                        ('kind', models.CharField(choices=[('rename_row', 'rename a row'), ('add_row', 'add a row'), ('drop_row', 'drop a row'), ('fix_cell', 'fix a cell')], max_length=12)),
                        ('row', models.CharField(help_text="The row's name as the table shows it.", max_length=300)),
                        ('new_name', models.CharField(blank=True, max_length=300)),
                        ('entity', models.CharField(blank=True, max_length=300)),
                        ('value', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'compare_correction',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
