"""The overview's benches run and give their figures (on a tiny coalition, timed once)."""

import pytest
from django.test import Client

from devtools.benchmarks import BENCHES
from devtools.benchmarks import overview as overview_benches
from devtools.benchmarks.core import BenchContext

pytestmark = pytest.mark.django_db

KEYS = ("front_page_p50_ms", "map_data_p50_ms", "map_page_kb", "dashboard_p50_ms")


@pytest.fixture
def ctx(coalition, superuser_client):
    return BenchContext(
        client=Client(),
        admin_client=superuser_client,
        busy_country_alpha3="VNM",
        busy_agency="ILO",
        warmup=0,
        repeats=2,
    )


def test_it_registers_the_overview_figures_with_make_bench():
    registered = {key for bench in BENCHES for key in bench.keys}
    assert set(KEYS) <= registered


@pytest.mark.parametrize(
    "bench",
    [
        overview_benches.bench_front_page,
        overview_benches.bench_map_data,
        overview_benches.bench_map_page_size,
        overview_benches.bench_dashboard,
    ],
)
def test_it_measures_each_figure(ctx, bench):
    figures = bench(ctx)
    assert figures
    assert all(isinstance(value, int | float) and value > 0 for value in figures.values())


def test_it_weighs_the_map_page_with_its_shapes_and_scripts(ctx):
    # The shapes alone are some 20 kB compressed; htmx another 16 kB.
    assert 40 < overview_benches.bench_map_page_size(ctx)["map_page_kb"] < 500
