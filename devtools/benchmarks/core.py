"""What every benchmark shares: the context it runs in and how a page is timed."""

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# A figure is a number, or None when it could not be measured (printed "n/a").
Figures = dict[str, float | int | None]


class NotMeasured(Exception):
    """The thing to measure failed or cannot be measured here; its figures are n/a."""


@dataclass
class BenchContext:
    """The data and clients every bench function works with."""

    client: Client  # anonymous visitor
    admin_client: Client  # logged-in superuser
    busy_country_alpha3: str
    busy_agency: str
    warmup: int = 3
    repeats: int = 30
    notes: list[str] = field(default_factory=list)

    def progress(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        """Something the reader of the table should know (printed under it)."""
        self.notes.append(message)
        self.progress(f"  note: {message}")


@dataclass(frozen=True)
class PageTiming:
    p50_ms: float
    p95_ms: float
    queries: int


def url_for(name: str, kwargs: dict[str, str] | None = None, query: str = "") -> str:
    url = reverse(name, kwargs=kwargs)
    return f"{url}?{query}" if query else url


def consume(response: HttpResponse | StreamingHttpResponse) -> int:
    """Read the whole body, as a browser would; return its size in bytes."""
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def fetch(client: Client, url: str) -> int:
    response = client.get(url)
    size = consume(response)
    if response.status_code != 200:
        raise NotMeasured(f"GET {url} answered {response.status_code}")
    return size


def time_page(ctx: BenchContext, url: str, client: Client | None = None) -> PageTiming:
    """Warm up, time `repeats` requests, then count the queries of one more request.

    Queries are counted apart from the timed runs: capturing them has a cost of its own.
    """
    client = client or ctx.client
    for _ in range(ctx.warmup):
        fetch(client, url)
    samples = []
    for _ in range(ctx.repeats):
        started = time.perf_counter()
        fetch(client, url)
        samples.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return PageTiming(
        p50_ms=round(percentile(samples, 50), 1),
        p95_ms=round(percentile(samples, 95), 1),
        queries=len(captured),
    )


def percentile(samples: list[float], pct: int) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1]


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Seconds of the fastest of `runs` calls (big one-off jobs: exports)."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return round(min(timings), 2)
