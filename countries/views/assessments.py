"""Countries assessed against the selection criteria: the comparison page and its download.

Members and the secretariat only (countries/rules.py: countries.see_assessments); the
secretariat records assessments in the admin. Nothing here is reachable without login.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.spreadsheets.cells import ColumnNote
from core.spreadsheets.responses import FORMATS, format_error, table_response
from countries.models import Country, CountryAssessment, Rating, Region, SelectionCriterion

SORTS = ("name", "met")


def _check_can_see(request: HttpRequest) -> None:
    if not request.user.has_perm("countries.see_assessments"):
        raise PermissionDenied(
            _("Country assessments are shown to coalition members and the secretariat only.")
        )


@dataclass
class CountryLine:
    """One country's row of the comparison: its rating for each criterion, in order."""

    country: Country
    cells: list[CountryAssessment | None] = field(default_factory=list)

    @property
    def met(self) -> int:
        return sum(1 for cell in self.cells if cell is not None and cell.rating == Rating.MET)

    @property
    def partly(self) -> int:
        return sum(1 for cell in self.cells if cell is not None and cell.rating == Rating.PARTLY)


def comparison(
    assessments: QuerySet[CountryAssessment], criteria: list[SelectionCriterion]
) -> list[CountryLine]:
    """The assessed countries, each with one cell per criterion (None where not assessed)."""
    position = {criterion.pk: index for index, criterion in enumerate(criteria)}
    lines: dict[int, CountryLine] = {}
    for assessment in assessments.for_table():
        line = lines.get(assessment.country_id)
        if line is None:
            line = lines[assessment.country_id] = CountryLine(
                assessment.country, [None] * len(criteria)
            )
        line.cells[position[assessment.criterion_id]] = assessment
    return list(lines.values())


def sorted_lines(lines: list[CountryLine], sort: str) -> list[CountryLine]:
    by_name = sorted(lines, key=lambda line: str(line.country))
    if sort == "met":
        return sorted(by_name, key=lambda line: (-line.met, -line.partly))
    return by_name


def _filtered(request: HttpRequest) -> tuple[QuerySet[CountryAssessment], str]:
    """Assessments of the region asked for (all regions for an unknown or empty one)."""
    region = request.GET.get("region", "")
    assessments = CountryAssessment.objects.all()
    if region in Region.values:
        return assessments.filter(country__region=region), region
    return assessments, ""


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """Every assessed country against every criterion, side by side."""
    _check_can_see(request)
    assessments, region = _filtered(request)
    sort = request.GET.get("sort", "name")
    if sort not in SORTS:
        sort = "name"
    criteria = list(SelectionCriterion.objects.all())
    ctx = {
        "criteria": criteria,
        "lines": sorted_lines(comparison(assessments, criteria), sort),
        "regions": Region.choices,
        "region": region,
        "sort": sort,
        "ratings": Rating,
    }
    return render(request, "countries/assessments.html", ctx)


# (header, meaning, the choices whose labels are its allowed values, or None)
COLUMNS: list[tuple[Any, Any, Any]] = [
    (_("Country code"), _("The country, as its ISO 3166-1 alpha-3 code."), None),
    (_("Country"), _("The country's name."), None),
    (_("ILO region"), _("The ILO region the country belongs to."), Region),
    (_("Criterion number"), _("The criterion's number in the list."), None),
    (_("Criterion"), _("The selection criterion."), None),
    (_("Rating"), _("How the country stands against it."), Rating),
    (_("Evidence or comment"), _("What the rating rests on."), None),
    (_("Assessed on"), _("When it was last assessed."), None),
]


class AssessmentTable:
    """The header, then one row per assessment: country, criterion, rating (long format,
    so a spreadsheet filters by criterion or rating)."""

    def __init__(self, assessments: QuerySet[CountryAssessment]) -> None:
        self.assessments = assessments

    def column_notes(self) -> list[ColumnNote]:
        return [
            ColumnNote(
                str(header),
                str(meaning),
                "; ".join(str(label) for label in choices.labels) if choices else "",
            )
            for header, meaning, choices in COLUMNS
        ]

    def iter_table(self) -> Iterator[list[Any]]:
        yield [str(header) for header, _meaning, _allowed in COLUMNS]
        for assessment in self.assessments.for_table():
            country = assessment.country
            yield [
                country.alpha3,
                str(country),
                country.get_region_display(),
                assessment.criterion.number,
                assessment.criterion.title,
                assessment.get_rating_display(),
                assessment.note,
                assessment.assessed_on,
            ]


@login_required
def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The comparison's assessments (its region filter applied); ?format=csv|xlsx|ods."""
    _check_can_see(request)
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    assessments, _region = _filtered(request)
    return table_response(
        AssessmentTable(assessments),
        fmt,
        filename=f"spf-country-assessments-{timezone.localdate():%Y-%m-%d}",
        sheet_title=gettext("Country assessments"),
    )
