"""Every activity before scopes was in one country (activities 0009-0010, countries 0006):
a database migrated from before keeps each activity, gives it that country as its one
covered country with a history dated from the activity's creation, and gains the
countries' subdivisions and the ten themes.

Migrated for real with Django's executor: back to the schema before places, rows written
with the models of then, forward again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("activities", "0008_role_proposals"),
    ("countries", "0005_criteria_in_french_and_spanish"),
]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_each_activity_keeps_its_country_as_its_one_covered_country_with_history():
    old = migrate(BEFORE)
    created = timezone.make_aware(datetime.datetime(2030, 1, 15, 9, 0))
    try:
        Country = old.get_model("countries", "Country")
        senegal = Country.objects.create(code="SN", name="Senegal", region="africa")
        mali = Country.objects.create(code="ML", name="Mali", region="africa")
        Activity = old.get_model("activities", "Activity")
        in_senegal = Activity.objects.create(
            reference="SPF-AAAAAA", country=senegal, title="Costing", activity_type="costing"
        )
        in_mali = Activity.objects.create(
            reference="SPF-BBBBBB", country=mali, title="Law", activity_type="legal"
        )
        Activity.objects.filter(pk=in_senegal.pk).update(created_at=created)
        Past = old.get_model("activities", "HistoricalActivity")
        Past.objects.create(
            id=in_senegal.pk,
            reference=in_senegal.reference,
            country_id=senegal.pk,
            title="Costing",
            activity_type="costing",
            status="ongoing",
            version=1,
            created_at=created,
            history_date=created,
            history_type="+",
        )
    finally:
        new = migrate(latest())

    from activities.models import Activity as Now
    from activities.models import ActivityCountry, Theme
    from countries.models import Subdivision

    rows = {a.reference: a for a in Now.objects.all()}
    assert set(rows) == {"SPF-AAAAAA", "SPF-BBBBBB"}
    for reference, code in (("SPF-AAAAAA", "SN"), ("SPF-BBBBBB", "ML")):
        activity = rows[reference]
        assert (activity.scope, activity.region) == ("country", "")
        assert [str(c.code) for c in activity.countries.all()] == [code]
        assert str(activity.country.code) == code
    # The past record of the activity is kept, and reads as a one-country activity.
    past = Now.history.get(id=in_senegal.pk)
    assert (past.title, past.scope, past.country_id) == ("Costing", "country", senegal.pk)
    # The coverage existed since the activity did: the matrix as of a past day shows it.
    day_after = created + datetime.timedelta(days=1)
    assert list(
        ActivityCountry.history.as_of(day_after)
        .filter(activity_id=in_senegal.pk)
        .values_list("country_id", flat=True)
    ) == [senegal.pk]
    assert not ActivityCountry.history.as_of(created - datetime.timedelta(days=1)).filter(
        activity_id=in_senegal.pk
    )
    # The subdivisions of the countries there before (first level only) and the themes.
    assert Subdivision.objects.filter(country_id=senegal.pk).count() == 14
    dakar = Subdivision.objects.get(code="SN-DK")
    assert (dakar.name, dakar.country_id) == ("Dakar", senegal.pk)
    assert Theme.objects.count() == 10
    assert Theme.objects.get(code="care").name_es == "Cuidados"
    # The rule holds from now on: one covered country per activity, once.
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityCountry.objects.create(activity_id=in_mali.pk, country_id=mali.pk)
    assert new.get_model("activities", "ActivityCountry").objects.count() == 2
