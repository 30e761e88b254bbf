"""The comparison that ranks the assessed countries, and a country's state against each
criterion.

The score of a country is the weighted mean of its criteria: each criterion's rating is
worth RATING_VALUES (met 1, partly 0.5, not met, not known yet or not assessed 0), times the
criterion's weight, over the sum of the weights; computed criteria (the matrix's "member
agencies willing to lead", assessments/selection.py) count like the others. 100 % means every
criterion met.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from assessments.selection import ComputedState, computed_states
from countries.languages import codes_speaking
from countries.models import (
    RATING_VALUES,
    Country,
    CountryAssessment,
    Rating,
    Region,
    SelectionCriterion,
)


@dataclass(frozen=True)
class Cell:
    """A country's state against one criterion."""

    criterion: SelectionCriterion
    rating: str | None  # None: not assessed
    rating_label: str
    evidence: str
    assessed_on: datetime.date | None
    computed: bool = False
    stale: bool = False  # assessed more than a year ago

    @property
    def evidence_missing(self) -> bool:
        """Rated without saying on what ("not known yet" needs no evidence)."""
        rated = self.rating not in (None, Rating.UNKNOWN)
        return rated and not self.computed and not self.evidence.strip()

    @property
    def value(self) -> float:
        return RATING_VALUES.get(self.rating or "", 0.0)


class CellMaker:
    """Makes the cells of a page: the ratings' labels translated once, not once a cell."""

    def __init__(self, today: datetime.date) -> None:
        self.today = today
        self.labels = {value: str(label) for value, label in Rating.choices}
        self.not_assessed = _("Not assessed")

    def assessed(self, criterion: SelectionCriterion, found: CountryAssessment | None) -> Cell:
        if found is None:
            return Cell(criterion, None, self.not_assessed, "", None)
        return Cell(
            criterion,
            found.rating,
            self.labels.get(found.rating, found.rating),
            found.note,
            found.assessed_on,
            stale=found.is_older_than_a_year(self.today),
        )

    def computed(self, criterion: SelectionCriterion, state: ComputedState | None) -> Cell:
        if state is None:
            return Cell(criterion, None, self.not_assessed, "", None, computed=True)
        label = self.labels.get(state.rating, state.rating)
        return Cell(criterion, state.rating, label, state.evidence, self.today, computed=True)


@dataclass
class CountryLine:
    """One country's row of the comparison: its cells in the criteria's order, its score."""

    country: Country
    cells: list[Cell] = field(default_factory=list)
    rank: int = 0

    @cached_property
    def score(self) -> float:
        """The weighted mean of the cells' values, 0 to 1 (read once the cells are in)."""
        total = sum(cell.criterion.weight for cell in self.cells)
        if not total:
            return 0.0
        return sum(cell.value * cell.criterion.weight for cell in self.cells) / total

    @property
    def percent(self) -> int:
        return round(100 * self.score)

    @property
    def met(self) -> int:
        return sum(1 for cell in self.cells if cell.rating == Rating.MET)

    @property
    def missing_evidence(self) -> int:
        return sum(1 for cell in self.cells if cell.evidence_missing)

    @property
    def stale(self) -> int:
        return sum(1 for cell in self.cells if cell.stale)


@dataclass(frozen=True)
class Filters:
    region: str = ""  # a Region value or "" for all
    language: str = ""  # a countries.languages code or "" for all
    sort: str = "score"  # "score" or "name"

    def apply(self, assessments: QuerySet[CountryAssessment]) -> QuerySet[CountryAssessment]:
        if self.region:
            assessments = assessments.filter(country__region=self.region)
        if self.language:
            assessments = assessments.filter(country__code__in=codes_speaking(self.language))
        return assessments


SORTS = ("score", "name")


def read_filters(params, languages: Iterable[str]) -> Filters:
    """The filters in a query string; an unknown value means no filter (or the default
    sort), as the matrix reads its own."""
    region = params.get("region", "")
    language = params.get("language", "")
    sort = params.get("sort", "score")
    return Filters(
        region=region if region in Region.values else "",
        language=language if language in languages else "",
        sort=sort if sort in SORTS else "score",
    )


def comparison(
    filters: Filters, criteria: list[SelectionCriterion], today: datetime.date
) -> list[CountryLine]:
    """The assessed countries (those with at least one assessment) that pass the filters,
    ranked by score (ties by name), or by name; computed criteria come from the matrix."""
    lines: dict[int, CountryLine] = {}
    found: dict[tuple[int, int], CountryAssessment] = {}
    # The criteria are at hand: only the countries are joined.
    for assessment in filters.apply(CountryAssessment.objects.select_related("country")):
        lines.setdefault(assessment.country_id, CountryLine(assessment.country))
        found[assessment.country_id, assessment.criterion_id] = assessment
    computed = {
        criterion.pk: computed_states(criterion.computed, lines)
        for criterion in criteria
        if criterion.computed
    }
    make = CellMaker(today)
    for country_id, line in lines.items():
        line.cells = [
            make.computed(criterion, computed[criterion.pk].get(country_id))
            if criterion.computed
            else make.assessed(criterion, found.get((country_id, criterion.pk)))
            for criterion in criteria
        ]
    by_name = sorted(lines.values(), key=lambda line: str(line.country))
    ranked = sorted(by_name, key=lambda line: -line.score)
    for rank, line in enumerate(ranked, start=1):
        line.rank = rank
    return ranked if filters.sort == "score" else by_name


def country_cells(
    country: Country, criteria: list[SelectionCriterion], today: datetime.date
) -> list[tuple[Cell, CountryAssessment | None]]:
    """The country's state against each criterion, with its stored assessment (None for a
    computed criterion or one not assessed yet)."""
    stored = {a.criterion_id: a for a in country.assessments.select_related("updated_by")}
    make = CellMaker(today)
    cells = []
    for criterion in criteria:
        if criterion.computed:
            state = computed_states(criterion.computed, [country.pk]).get(country.pk)
            cells.append((make.computed(criterion, state), None))
        else:
            assessment = stored.get(criterion.pk)
            cells.append((make.assessed(criterion, assessment), assessment))
    return cells
