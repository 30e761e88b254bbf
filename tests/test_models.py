import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from activities.models import ActivityAgency, Role
from tests.factories import make_activity, make_agency, make_country

pytestmark = pytest.mark.django_db


def test_it_refuses_a_second_lead_in_the_database():
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    activity = make_activity(agencies={ilo: Role.LEAD})
    with pytest.raises(IntegrityError):
        ActivityAgency.objects.create(activity=activity, agency=unicef, role=Role.LEAD)


def test_it_names_the_reason_for_an_end_date_before_the_start():
    activity = make_activity(start_date=datetime.date(2012, 6, 1))
    activity.end_date = datetime.date(2012, 5, 31)
    with pytest.raises(ValidationError) as exc:
        activity.full_clean()
    assert "end date cannot be before the start date" in str(exc.value)


def test_it_treats_acronyms_case_insensitively():
    make_agency("UNDP")
    with pytest.raises(IntegrityError):
        make_agency("undp")


def test_it_stores_the_english_country_name_for_search():
    country = make_country("PS", region="arab-states")
    assert country.name == "Occupied Palestinian Territory"
    assert country.alpha3 == "PSE"
