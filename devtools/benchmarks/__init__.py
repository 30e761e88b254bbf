"""The benchmark's registry: add a Bench here and `manage.py bench` prints its figures.

Each bench function takes the BenchContext and returns a dict of figures. Its declared keys
always appear in the output, as None ("n/a") when they could not be measured (the notes say why).
"""

from collections.abc import Callable
from dataclasses import dataclass

from devtools.benchmarks import (
    api,
    decisions,
    exports,
    growth,
    imports,
    load,
    members,
    overview,
    pages,
    reminders,
    results,
    rounds,
)
from devtools.benchmarks.core import BenchContext, Figures, NotMeasured


@dataclass(frozen=True)
class Bench:
    keys: tuple[str, ...]
    run: Callable[[BenchContext], Figures]


BENCHES: list[Bench] = [
    Bench(("matrix_p50_ms", "matrix_p95_ms", "matrix_queries"), pages.bench_matrix),
    Bench(("matrix_filtered_p50_ms",), pages.bench_matrix_filtered),
    Bench(("grid_p50_ms",), pages.bench_grid),
    Bench(("country_p50_ms", "country_queries"), pages.bench_country),
    Bench(
        (
            "country_workplan_p50_ms",
            "country_workplan_queries",
            "country_workplan_queries_small",
        ),
        decisions.bench_country_workplan,
    ),
    Bench(
        ("admin_activity_changelist_p50_ms", "admin_activity_changelist_queries"),
        pages.bench_admin_activity_changelist,
    ),
    Bench(("front_page_p50_ms", "front_page_queries"), overview.bench_front_page),
    Bench(
        ("map_data_p50_ms", "map_data_filtered_p50_ms", "map_data_queries"),
        overview.bench_map_data,
    ),
    Bench(("map_page_kb",), overview.bench_map_page_size),
    Bench(("dashboard_p50_ms", "dashboard_queries"), overview.bench_dashboard),
    Bench(("export_xlsx_10k_s",), exports.bench_export_xlsx),
    Bench(("export_xlsx_raw_s",), exports.bench_export_raw),
    Bench(("peer_export_xlsx_10k_s",), exports.bench_peer_export),
    Bench(
        ("api_activities_p50_ms", "api_activities_queries", "api_activities_queries_small"),
        api.bench_api_activities,
    ),
    Bench(("iati_export_10k_s",), api.bench_iati_export),
    Bench(
        (
            "results_export_xlsx_s",
            "results_export_values",
            "results_export_parts",
            "results_export_queries",
        ),
        results.bench_results_export,
    ),
    Bench(("iati_results_10k_s", "iati_results_peak_mb"), results.bench_iati_results),
    Bench(("load_matrix_rps", "load_matrix_p95_ms"), load.bench_load_matrix),
    Bench(
        ("my_rows_p50_ms", "my_rows_queries", "my_rows_queries_small", "confirm_row_p50_ms"),
        members.bench_members,
    ),
    Bench(
        ("reminder_sweep_s", "reminder_sweep_queries", "reminder_sweep_queries_small"),
        reminders.bench_reminder_sweep,
    ),
    Bench(
        ("matrix_as_of_p50_ms", "matrix_as_of_queries", "matrix_as_of_queries_small"),
        rounds.bench_matrix_as_of,
    ),
    Bench(("round_diff_1k_s",), rounds.bench_round_diff),
    Bench(("round_report_s",), rounds.bench_round_report),
    Bench(
        (
            "results_country_p50_ms",
            "results_country_queries",
            "results_country_queries_small",
            "results_page_p50_ms",
            "results_front_page_p50_ms",
        ),
        results.bench_results_pages,
    ),
    Bench(
        ("results_dashboard_p50_ms", "results_dashboard_queries"), results.bench_results_dashboard
    ),
    # Last: it edits every activity (the other benches measure the data as built).
    Bench(
        ("import_xlsx_10k_s", "reimport_unchanged_10k_s", "import_peak_mb"),
        imports.bench_import,
    ),
    # After the hub's import, which counts on finding every row as built.
    Bench(("peer_import_xlsx_10k_s",), imports.bench_peer_import),
    # Last of all: it grows the coalition to 100,000 activities.
    Bench(
        (
            "front_page_100k_p50_ms",
            "map_data_100k_p50_ms",
            "matrix_100k_p50_ms",
            "country_100k_p50_ms",
            "dashboard_100k_p50_ms",
            "load_anon_rps",
            "load_anon_p95_ms",
            "export_xlsx_100k_s",
            "export_xlsx_raw_100k_s",
            "iati_export_100k_s",
            "import_xlsx_100k_s",
            "export_peak_100k_mb",
            "iati_peak_100k_mb",
            "import_peak_100k_mb",
        ),
        growth.bench_growth,
    ),
]


def run_benches(ctx: BenchContext, only: list[str] | None = None) -> Figures:
    """Run every bench, or with `only` those having a key that contains one of its texts."""
    figures: Figures = {}
    for bench in BENCHES:
        if only and not any(text in key for key in bench.keys for text in only):
            continue
        try:
            found = bench.run(ctx)
        except NotMeasured as error:
            ctx.note(str(error))
            found = {}
        except Exception as error:  # a page that crashes must not stop the other figures
            ctx.note(f"{bench.run.__name__} failed: {error!r}")
            found = {}
        figures.update({key: found.get(key) for key in bench.keys})
        figures.update(found)
    return figures


__all__ = ["BENCHES", "Bench", "BenchContext", "Figures", "run_benches"]
