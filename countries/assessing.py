"""Assessing countries against the selection criteria: saving an assessment without losing
anyone's change, each country's history, and the comparison that ranks countries.

The score of a country is the weighted mean of its criteria: each criterion's rating is
worth RATING_VALUES (met 1, partly 0.5, not met, not known yet or not assessed 0), times the
criterion's weight, over the sum of the weights; computed criteria (the matrix's "member
agencies willing to lead") count like the others. 100 % means every criterion met.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from core.names import sorted_by_name
from countries.languages import codes_speaking
from countries.matrix_facts import ComputedState, computed_states
from countries.models import (
    RATING_VALUES,
    Country,
    CountryAssessment,
    Rating,
    Region,
    SelectionCriterion,
)


class AssessmentConflict(Exception):
    """Someone saved the assessment after the version the form showed."""

    def __init__(self, current: CountryAssessment | None) -> None:
        super().__init__("assessment changed since the form was shown")
        self.current = current

    def message(self) -> str:
        current = self.current
        if current is None:
            return _(
                "Someone else deleted this assessment while you were editing it. Your change "
                "was not saved: review the page and assess again."
            )
        who = current.updated_by
        return _(
            "Someone else (%(who)s) saved this criterion while you were editing it: it now "
            "reads “%(rating)s”, assessed on %(date)s. Your change was not saved: review "
            "it and save again."
        ) % {
            "who": (who.get_full_name() or who.get_username()) if who else _("someone"),
            "rating": current.get_rating_display(),
            "date": formats.date_format(current.assessed_on, "DATE_FORMAT"),
        }


def save_assessment(
    country: Country,
    criterion: SelectionCriterion,
    *,
    rating: str,
    note: str,
    assessed_on: datetime.date,
    based_on_version: int,
    user: AbstractBaseUser,
) -> CountryAssessment:
    """Record the assessment unless it moved on since `based_on_version` (0: the form showed
    none). Raises AssessmentConflict, with nothing written, when it did."""
    with transaction.atomic():
        assessment = (
            CountryAssessment.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(country=country, criterion=criterion)
            .first()
        )
        if assessment is None and based_on_version:
            raise AssessmentConflict(None)
        if assessment is not None and assessment.version != based_on_version:
            raise AssessmentConflict(assessment)
        if assessment is None:
            assessment = CountryAssessment(country=country, criterion=criterion)
        assessment.rating, assessment.note, assessment.assessed_on = rating, note, assessed_on
        assessment.updated_by = user
        assessment._history_user = user
        try:
            # A savepoint: two first assessments at once meet the unique constraint.
            with transaction.atomic():
                assessment.save()
        except IntegrityError:
            raise AssessmentConflict(
                CountryAssessment.objects.select_related("updated_by")
                .filter(country=country, criterion=criterion)
                .first()
            ) from None
    return assessment


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    who: str
    criterion: str
    kind: str  # created, changed, deleted
    changes: list[tuple[str, str, str]]  # (field, old, new)


def _shown(record, attname: str) -> str:
    value = getattr(record, attname)
    if attname == "rating":
        return str(Rating(value).label) if value in Rating.values else str(value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value) if value not in (None, "") else "—"


HISTORY_FIELDS = ("rating", "note", "assessed_on")


def country_history(country: Country, limit: int = 100) -> list[HistoryEntry]:
    """Every saved change of the country's assessments, latest first: who, when, which
    criterion, each field's old and new value. One query."""
    records = list(
        CountryAssessment.history.filter(country_id=country.pk)
        .select_related("history_user", "criterion")
        .order_by("history_date", "history_id")
    )
    labels = {
        name: str(CountryAssessment._meta.get_field(name).verbose_name) for name in HISTORY_FIELDS
    }
    previous: dict[int, object] = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user else _("someone")
        if record.history_type == "+" or before is None:
            kind = _("assessed")
            changes = [(labels[name], "", _shown(record, name)) for name in HISTORY_FIELDS]
        elif record.history_type == "-":
            kind, changes = _("deleted"), []
        else:
            kind = _("changed")
            changes = [
                (labels[name], _shown(before, name), _shown(record, name))
                for name in HISTORY_FIELDS
                if getattr(before, name) != getattr(record, name)
            ]
        title = record.criterion.shown_title if record.criterion else _("a deleted criterion")
        entries.append(HistoryEntry(record.history_date, who, title, kind, changes))
    entries.reverse()
    return entries[:limit]


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
    by_name = sorted_by_name(lines.values(), lambda line: line.country)
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
