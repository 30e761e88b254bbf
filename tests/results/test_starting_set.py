"""The starting library of indicators is there after the migrations, in three languages, and
loading it again adds nothing."""

import pytest
from django.db import IntegrityError

from results.models import Indicator, SdgComponent, Unit
from results.starting_set import INDICATORS, load_starting_indicators

pytestmark = pytest.mark.django_db


def test_the_migration_loads_sdg_1_3_1_its_components_and_the_milestones():
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"SDG-1.3.1", "SDG-1.3.1-children", "PEOPLE-NEW", "LAW"} <= codes
    assert {"DIALOGUE", "ABND", "COSTING"} <= codes
    components = set(
        Indicator.objects.exclude(sdg_component="").values_list("sdg_component", flat=True)
    )
    assert components == set(SdgComponent.values)


def test_every_starting_indicator_has_its_name_and_definition_in_three_languages():
    for indicator in Indicator.objects.filter(code__in=[code for code, _ in INDICATORS]):
        for field in ("name", "name_fr", "name_es", "definition", "definition_fr", "definition_es"):
            assert getattr(indicator, field), (indicator.code, field)


def test_loading_again_adds_nothing_and_gives_back_a_deleted_one():
    assert load_starting_indicators(Indicator.objects) == 0
    Indicator.objects.filter(code="ABND").delete()
    assert load_starting_indicators(Indicator.objects) == 1
    assert Indicator.objects.get(code="ABND").unit == Unit.MILESTONE


def test_an_amount_without_currency_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        Indicator.objects.create(code="SPEND", name="Spending", unit="amount", aggregation="sum")
