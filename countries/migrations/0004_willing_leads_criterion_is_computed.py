"""The criterion "At least 2 member agencies active and willing to lead" (2012 minutes) is
answered by the matrix from now on: mark it computed where it was typed in."""

from django.db import migrations

TITLE_START = "at least 2 member agencies"


def mark_computed(apps, schema_editor) -> None:
    criterion = apps.get_model("countries", "SelectionCriterion")
    found = criterion.objects.filter(title__istartswith=TITLE_START, computed="").first()
    if found is not None and not criterion.objects.filter(computed="willing-leads").exists():
        found.computed = "willing-leads"
        found.save(update_fields=["computed"])


def unmark(apps, schema_editor) -> None:
    apps.get_model("countries", "SelectionCriterion").objects.filter(
        computed="willing-leads"
    ).update(computed="")


class Migration(migrations.Migration):
    dependencies = [("countries", "0003_criterion_weights_and_assessment_versions")]

    operations = [migrations.RunPython(mark_computed, unmark)]
