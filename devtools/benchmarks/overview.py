"""The hub at a glance: the front page, the map's redraw, the dashboard, and what the map
page weighs over the wire (gzip, with its shapes, styles and scripts)."""

import datetime
import gzip
import re
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.db import transaction
from django.utils import timezone

from agencies.models import Agency
from devtools.benchmarks.core import BenchContext, Figures, NotMeasured, time_page, url_for
from rounds.models import RoundAgency, UpdateRound

# The stylesheets and scripts a page links to (static files, served by the app).
ASSET = re.compile(r'(?:href|src)="/static/([^"]+\.(?:css|js))"')


def bench_front_page(ctx: BenchContext) -> Figures:
    ctx.progress("timing the front page...")
    timing = time_page(ctx, url_for("overview:home"))
    return {"front_page_p50_ms": timing.p50_ms, "front_page_queries": timing.queries}


def bench_map_data(ctx: BenchContext) -> Figures:
    """What a filter change on the map page costs: the redrawn map, legend and table."""
    ctx.progress("timing the map's redraw (plain and filtered)...")
    plain = time_page(ctx, url_for("overview:map_data"))
    query = urlencode({"region": "africa", "status": "ongoing", "agency": ctx.busy_agency})
    filtered = time_page(ctx, url_for("overview:map_data", query=query))
    return {
        "map_data_p50_ms": plain.p50_ms,
        "map_data_filtered_p50_ms": filtered.p50_ms,
        "map_data_queries": plain.queries,
    }


def bench_map_page_size(ctx: BenchContext) -> Figures:
    """Kilobytes the map page transfers gzip-compressed: the page (its SVG shapes inline)
    and every stylesheet and script it links to, each compressed on its own as a server
    would."""
    ctx.progress("weighing the map page...")
    response = ctx.client.get(url_for("overview:map"))
    if response.status_code != 200:
        raise NotMeasured(f"the map page answered {response.status_code}")
    html = response.content
    total = len(gzip.compress(html))
    for path in sorted(set(ASSET.findall(html.decode()))):
        found = finders.find(path)
        if not found:
            raise NotMeasured(f"static/{path} is missing")
        with open(found, "rb") as asset:
            total += len(gzip.compress(asset.read()))
    return {"map_page_kb": round(total / 1024, 1)}


def bench_dashboard(ctx: BenchContext) -> Figures:
    """The dashboard as the secretariat sees it, with an open round asking every member
    agency (rolled back afterwards: the other benches see the data as built)."""
    ctx.progress("timing the dashboard...")
    with transaction.atomic():
        update_round = UpdateRound.objects.create(
            title="Bench round", deadline=timezone.localdate() + datetime.timedelta(days=14)
        )
        RoundAgency.objects.bulk_create(
            RoundAgency(round=update_round, agency=agency)
            for agency in Agency.objects.filter(is_member=True)
        )
        timing = time_page(ctx, url_for("overview:dashboard"), client=ctx.admin_client)
        transaction.set_rollback(True)
    return {"dashboard_p50_ms": timing.p50_ms, "dashboard_queries": timing.queries}
