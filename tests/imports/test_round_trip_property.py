"""Property: any valid matrix, exported to XLSX or CSV and imported back, changes nothing."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activities.exports import export_response
from activities.models import Activity, ActivityAgency, ActivityStatus, ActivityType, Role
from agencies.models import Agency
from tests.exports.matrix import body
from tests.factories import make_agency, make_country
from tests.imports.helpers import preview

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# Text as partners type it: accents, quotes, formula starters, separators, line breaks.
ALPHABET = st.sampled_from(list("abcXYZ éèçñü'\"“”=+-@;,\n\t0123456789"))
# Quotes before a formula starter ("'=x") included: the guard must round-trip them too.
TEXT = st.text(ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool)
DATES = st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1), datetime.date(2040, 12, 31)))
ROLES = st.lists(st.sampled_from([Role.CO_LEAD, Role.PARTNER, Role.FUNDER]), max_size=4)

ACTIVITY = st.fixed_dictionaries(
    {
        "title": TEXT,
        "description": st.one_of(st.just(""), TEXT),
        "funding": st.one_of(st.just(""), TEXT),
        "activity_type": st.sampled_from(ActivityType.values),
        "status": st.sampled_from(ActivityStatus.values),
        "covers_health": st.booleans(),
        "covers_older_persons": st.booleans(),
        "start_date": DATES,
        "end_date": DATES,
        "lead": st.booleans(),
        "others": ROLES,
    }
)


def store(spec: dict, agencies: list, country) -> None:
    spec = dict(spec)
    lead, others = spec.pop("lead"), spec.pop("others")
    if spec["start_date"] and spec["end_date"] and spec["end_date"] < spec["start_date"]:
        spec["end_date"] = spec["start_date"]
    activity = Activity.objects.create(country=country, **spec)
    roles = ([Role.LEAD] if lead else []) + others
    for agency, role in zip(agencies, roles, strict=False):
        ActivityAgency.objects.create(activity=activity, agency=agency, role=role)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(ACTIVITY, min_size=1, max_size=4), fmt=st.sampled_from(["csv", "xlsx"]))
def test_it_imports_an_export_back_without_a_change(secretariat, specs, fmt):
    ActivityAgency.objects.all().delete()
    Activity.objects.all().delete()
    country = make_country("CI", region="africa")
    for acronym in ("ILO", "UNICEF", "UN Women", "UN-Habitat", "WHO"):
        if not Agency.objects.filter(acronym=acronym).exists():
            make_agency(acronym)
    agencies = list(Agency.objects.order_by("acronym"))
    for spec in specs:
        store(spec, agencies, country)
    response = export_response(Activity.objects.all(), fmt, include_contacts=True, filename="m")
    job = preview(secretariat, body(response), f"m.{fmt}")
    assert (job.error, job.error_count, job.new_count, job.changed_count) == ("", 0, 0, 0), (
        job.preview
    )
    assert job.unchanged_count == len(specs)
