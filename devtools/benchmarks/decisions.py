"""The country page with its joint workplan, outputs and documents: a busy country (40
deliverables with three steps, two matrix rows and an output each, and 30 documents of its
own) and a small one (one deliverable): the same number of queries for both."""

import datetime

from django.db.models import Count

from activities.models import Activity
from agencies.models import Agency
from countries.models import Country
from decisions.models import CountryDeliverable, CountryStatus, Document, Status
from devtools.benchmarks.core import BenchContext, Figures, time_page, url_for
from workplan.models import Area, Deliverable, Step, Workplan

BUSY_DELIVERABLES = 40
COUNTRY_DOCUMENTS = 30
PLAN_YEAR = 2031  # a year the synthetic coalition's workplans do not use


def _document(title: str, **attach) -> Document:
    # Rows only: the page lists documents, it never opens their files.
    return Document(
        title=title,
        date=datetime.date(2031, 1, 1),
        visibility="public",
        file=f"documents/bench-{title}.pdf",
        original_name=f"{title}.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=1000,
        **attach,
    )


def build_plan(country: Country, deliverables: int, documents: int) -> None:
    if CountryDeliverable.objects.filter(country=country).exists():
        return
    workplan, _ = Workplan.objects.get_or_create(year=PLAN_YEAR, defaults={"title": "Bench"})
    area, _ = Area.objects.get_or_create(
        workplan=workplan, number=1, defaults={"title": "Country operations"}
    )
    leads = list(Agency.objects.order_by("pk")[:2])
    rows = list(Activity.objects.filter(country=country).order_by("pk")[:2])
    CountryStatus.objects.create(
        country=country, status=Status.SELECTED, since=datetime.date(2031, 1, 1)
    )
    for n in range(deliverables):
        deliverable = Deliverable.objects.create(
            area=area, title=f"{country.alpha3} deliverable {n}"
        )
        deliverable.responsible_agencies.set(leads)
        Step.objects.bulk_create(
            Step(deliverable=deliverable, title=f"Step {i}", due_date=datetime.date(2031, i + 1, 1))
            for i in range(3)
        )
        plan = CountryDeliverable.objects.create(deliverable=deliverable, country=country)
        plan.activities.set(rows)
        _document(f"{country.alpha3}-output-{n}", deliverable=deliverable).save()
    Document.objects.bulk_create(
        _document(f"{country.alpha3}-note-{n}", country=country) for n in range(documents)
    )


def bench_country_workplan(ctx: BenchContext) -> Figures:
    ctx.progress("timing the country page with its joint workplan...")
    busy = Country.objects.get(code=Country.objects.by_code(ctx.busy_country_alpha3).code)
    small = (
        Country.objects.annotate(n=Count("activities"))
        .filter(n__gt=0)
        .exclude(pk=busy.pk)
        .order_by("n", "pk")
        .first()
    )
    build_plan(busy, BUSY_DELIVERABLES, COUNTRY_DOCUMENTS)
    build_plan(small, 1, 1)
    client = ctx.client  # anonymous, like the country page's own bench (country_p50_ms)
    timing = time_page(ctx, url_for("countries:detail", kwargs={"code": busy.alpha3}), client)
    small_timing = time_page(
        ctx, url_for("countries:detail", kwargs={"code": small.alpha3}), client
    )
    return {
        "country_workplan_p50_ms": timing.p50_ms,
        "country_workplan_queries": timing.queries,
        "country_workplan_queries_small": small_timing.queries,
    }
