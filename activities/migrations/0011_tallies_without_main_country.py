"""The tallies' triggers again, now skipping activities without a main country (regional
and global ones, possibly several countries): they counted by the main country, and a NULL
one broke the write. activities.tally_sql has the text."""

from django.db import migrations

from activities import tally_sql


def reinstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in tally_sql.uninstall() + tally_sql.install():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("activities", "0010_places_data")]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
