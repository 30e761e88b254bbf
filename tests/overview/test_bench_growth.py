"""The bench's 100,000-activity pass: its figures are registered under the issue's names,
and the coalition grows with new references, its tallies following."""

import pytest

from activities import tallies
from activities.models import Activity, Scope
from devtools.benchmarks import BENCHES
from devtools.synthetic import add_activities, build_coalition

GROWTH_KEYS = (
    "front_page_100k_p50_ms",
    "map_data_100k_p50_ms",
    "matrix_100k_p50_ms",
    "country_100k_p50_ms",
    "load_anon_rps",
    "load_anon_p95_ms",
    "export_xlsx_100k_s",
    "export_xlsx_raw_100k_s",
    "iati_export_100k_s",
    "import_xlsx_100k_s",
    "export_peak_100k_mb",
    "iati_peak_100k_mb",
    "import_peak_100k_mb",
)


def test_it_registers_the_100k_figures_and_keeps_the_10k_ones():
    registered = [key for bench in BENCHES for key in bench.keys]
    assert set(GROWTH_KEYS) <= set(registered)
    assert {"front_page_p50_ms", "export_xlsx_10k_s", "load_matrix_rps"} <= set(registered)
    assert len(registered) == len(set(registered))


@pytest.mark.django_db
@pytest.mark.postgres
def test_it_grows_the_coalition_with_new_references_and_counts_them():
    build_coalition(countries=20, agencies=8, focal_points=30, activities=200, deliverables=0)
    before = set(Activity.objects.values_list("reference", flat=True))
    made = add_activities(300)
    assert made["activities"] == 300
    after = set(Activity.objects.values_list("reference", flat=True))
    assert len(after) == 500 and before < after
    # The tallies count a country's own activities; some are beyond one country.
    own, _listed = tallies.own_and_listed()
    one_country = Activity.objects.filter(scope=Scope.COUNTRY).count()
    assert 400 < one_country < 500
    assert sum(own.values()) == one_country
