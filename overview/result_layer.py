"""The map's results layer: each country's latest SDG 1.3.1 coverage (the share of the
population covered by at least one social protection benefit, where reported and approved)
shades it, and a country with an approved milestone in the selected year is outlined. Two
queries, whatever the number of values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext, ngettext

from core.latest import first_of_each
from results.models import CountryMilestone, CoverageFigure

SDG_131 = "SDG-1.3.1"
# Coverage shading: five steps of 20 percentage points (the palette of the activities' steps).
STEP_SIZE = 20


@dataclass
class ResultMark:
    coverage: Decimal | None = None
    coverage_year: int | None = None
    milestones: list[str] | None = None  # titles, latest first

    @property
    def step(self) -> int:
        """1 (lowest coverage) to 5; 0 when not reported."""
        if self.coverage is None:
            return 0
        return min(5, 1 + int(self.coverage) // STEP_SIZE)

    @property
    def label(self) -> str:
        said = []
        if self.coverage is not None:
            said.append(
                gettext("SDG 1.3.1 coverage %(value)s %% (%(year)s)")
                % {"value": f"{self.coverage.normalize():f}", "year": self.coverage_year}
            )
        if self.milestones:
            said.append(
                ngettext(
                    "%(count)d milestone: %(titles)s",
                    "%(count)d milestones: %(titles)s",
                    len(self.milestones),
                )
                % {"count": len(self.milestones), "titles": "; ".join(self.milestones)}
            )
        return " · ".join(said)


@dataclass(frozen=True)
class LegendStep:
    step: int
    label: str


def coverage_legend() -> list[LegendStep]:
    return [
        LegendStep(step, f"{(step - 1) * STEP_SIZE}\N{EN DASH}{step * STEP_SIZE} %")
        for step in range(1, 6)
    ]


def result_layer(year: int | None = None) -> dict[str, ResultMark]:
    """Country code (alpha-2) -> what the layer shows of it: approved values only (the map
    is the public's). Milestones of `year`, or of every year when None."""
    marks: dict[str, ResultMark] = {}
    figures = CoverageFigure.objects.public().filter(indicator__code=SDG_131)
    for code, value, year_of in first_of_each(figures, "country_id", "-year", "-pk").values_list(
        "country__code", "value", "year"
    ):
        marks[code] = ResultMark(coverage=value, coverage_year=year_of)
    milestones = CountryMilestone.objects.public()
    if year is not None:
        milestones = milestones.filter(achieved_on__year=year)
    for code, title in milestones.order_by("-achieved_on", "pk").values_list(
        "country__code", "title"
    ):
        mark = marks.setdefault(code, ResultMark())
        mark.milestones = [*(mark.milestones or []), title]
    return marks
