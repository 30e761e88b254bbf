"""The criterion typed before it was computed is marked computed by the migration."""


def test_it_marks_the_typed_willing_leads_criterion_computed_on_migrating(db):
    import importlib

    from django.apps import apps

    from countries.models import Computation, SelectionCriterion

    migration = importlib.import_module(
        "countries.migrations.0004_willing_leads_criterion_is_computed"
    )
    typed = SelectionCriterion.objects.create(
        number=9, title="At least 2 member agencies active and willing to lead"
    )
    migration.mark_computed(apps, None)
    typed.refresh_from_db()
    assert typed.computed == Computation.WILLING_LEADS
