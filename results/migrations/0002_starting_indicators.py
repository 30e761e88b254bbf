"""The coalition's starting indicators (results.starting_set): SDG 1.3.1 and its components,
people newly covered, laws or policies adopted, national dialogue, ABND, costing."""

from django.db import migrations

from results.starting_set import load_starting_indicators


def load(apps, schema_editor) -> None:
    load_starting_indicators(apps.get_model("results", "Indicator").objects)


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
