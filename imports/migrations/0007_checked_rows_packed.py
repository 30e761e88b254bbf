"""The checked rows kept as compressed bytes (imports.checking.pack_rows), not JSON.

A column of another type: dropped and added again. A job previewed before this migration
and not yet applied loses its stored rows; its apply reads its file again (imports.jobs).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0006_focal_point_proposals"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="importjob",
            name="checked_rows",
        ),
        migrations.AddField(
            model_name="importjob",
            name="checked_rows",
            field=models.BinaryField(
                blank=True, default=b"", editable=False, verbose_name="checked rows"
            ),
        ),
    ]
