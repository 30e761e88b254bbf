"""Date pickers (type=date) get ISO values whatever the language: with the French format
("28/11/2026") the browser shows the field empty and a required date blocks the form."""

import datetime

import pytest
from django.utils import translation

from assessments.forms import AssessmentForm
from rounds.forms import OpenRoundForm

DAY = datetime.date(2026, 11, 28)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_it_gives_the_assessment_date_in_iso(language):
    form = AssessmentForm(initial={"assessed_on": DAY}, criteria={})
    with translation.override(language):
        html = str(form["assessed_on"])
    assert 'type="date"' in html and 'value="2026-11-28"' in html


def test_it_gives_a_round_deadline_in_iso(db):
    form = OpenRoundForm(initial={"deadline": DAY})
    with translation.override("fr"):
        html = str(form["deadline"])
    assert 'value="2026-11-28"' in html
