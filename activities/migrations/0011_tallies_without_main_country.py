"""Superseded by 0012 (the tallies by place), which installs the triggers anew: this one
once reinstalled them skipping the activities without a main country, and stays a step
that does nothing so that databases that applied it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("activities", "0010_places_data")]

    operations = []
