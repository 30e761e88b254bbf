"""The map's results layer: each country's latest SDG 1.3.1 coverage (the share of the
population covered by at least one social protection benefit, where reported and approved)
shades it, a country with an approved milestone in the selected year is outlined (its own,
or an activity's: a law adopted), and its label says how many people were newly covered
there (by the indicator's rule). Five queries, whatever the number of values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.utils.translation import gettext, ngettext

from core.latest import first_of_each
from core.translations import translated
from results.aggregation import Combined, combine
from results.models import CountryMilestone, CoverageFigure, Indicator, ResultValue, Unit

SDG_131 = "SDG-1.3.1"
PEOPLE_NEW = "PEOPLE-NEW"
# Coverage shading: five steps of 20 percentage points (the palette of the activities' steps).
STEP_SIZE = 20


@dataclass
class ResultMark:
    coverage: Decimal | None = None
    coverage_year: int | None = None
    milestones: list[str] | None = None  # titles, latest first
    people: Combined | None = None  # people newly covered, by the indicator's rule

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
        if self.people is not None and self.people.value is not None:
            said.append(
                gettext("people newly covered: %(sentence)s") % {"sentence": self.people.sentence()}
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


def people_by_country() -> dict[str, Combined]:
    """Country code -> people newly covered there: each activity's latest approved value,
    combined by the indicator's rule (two queries)."""
    indicator = Indicator.objects.filter(code=PEOPLE_NEW).first()
    if indicator is None:
        return {}
    values = ResultValue.objects.public().filter(activity_indicator__indicator=indicator)
    latest = first_of_each(values, "activity_indicator_id", "-period__end", "-pk")
    by_country: dict[str, list] = {}
    for code, own_code, value in latest.values_list(
        "country__code", "activity_indicator__activity__country__code", "value"
    ):
        by_country.setdefault(code or own_code, []).append(value)
    return {
        code: combine(indicator, found) for code, found in by_country.items() if code is not None
    }


def result_layer(year: int | None = None) -> dict[str, ResultMark]:
    """Country code (alpha-2) -> what the layer shows of it: approved values only (the map
    is the public's). Milestones (the countries' own, and the activities' reached, such as
    a law adopted) of `year`, or of every year when None."""
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
    reached = ResultValue.objects.public().filter(
        activity_indicator__indicator__unit=Unit.MILESTONE, value__gt=0
    )
    if year is not None:
        reached = reached.filter(achieved_on__year=year)
    for code, own_code, reference, *names in reached.order_by("-achieved_on", "pk").values_list(
        "country__code",
        "activity_indicator__activity__country__code",
        "activity_indicator__activity__reference",
        *(f"activity_indicator__indicator__{name}" for name in NAME_FIELDS),
    ):
        if (code or own_code) is None:
            continue
        mark = marks.setdefault(code or own_code, ResultMark())
        name = translated_name(dict(zip(NAME_FIELDS, names, strict=True)))
        mark.milestones = [*(mark.milestones or []), f"{name} ({reference})"]
    for code, combined in people_by_country().items():
        marks.setdefault(code, ResultMark()).people = combined
    return marks


NAME_FIELDS = ("name", "name_fr", "name_es")


def translated_name(names: dict[str, str]) -> str:
    """The indicator's name in the reader's language (core.translations' rule, on values)."""
    return translated(SimpleNamespace(**names), "name")
