"""Countries assessed against the selection criteria: the comparison that ranks them, its
download, and each country's page where members assess it and read its history.

Members and the secretariat only (assessments/rules.py: countries.see_assessments); a member
assesses the countries their agencies work in, the secretariat any (countries.assess_country).
Nothing here is reachable without login. How the score is computed: assessments/scoring.py.
"""

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.roles import is_secretariat
from assessments.forms import AssessmentForm
from assessments.rules import assessable_country_ids
from assessments.scoring import CountryLine, Filters, comparison, country_cells, read_filters
from core.spreadsheets.cells import ColumnNote
from core.spreadsheets.responses import FORMATS, format_error, table_response
from countries.assessing import AssessmentConflict, country_history, save_assessment
from countries.languages import LANGUAGE_NAMES, languages_of
from countries.models import Country, Rating, Region, SelectionCriterion, iso_alpha2
from countries.statuses import statuses_of
from countries.views import country_or_404


def _check_can_see(request: HttpRequest) -> None:
    if not request.user.has_perm("countries.see_assessments"):
        raise PermissionDenied(
            _("Country assessments are shown to coalition members and the secretariat only.")
        )


def _filters(request: HttpRequest) -> Filters:
    return read_filters(request.GET, LANGUAGE_NAMES)


def _assessable(request: HttpRequest) -> list[Country]:
    """The countries the user may assess (countries.assess_country, asked of them all at
    once): every country for the secretariat, else those their agencies work in."""
    countries = Country.objects.order_by("name")
    if is_secretariat(request.user):
        return list(countries)
    return list(countries.filter(pk__in=assessable_country_ids(request.user)))


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """The assessed countries ranked by weighted score, each criterion's state beside."""
    _check_can_see(request)
    filters = _filters(request)
    criteria = list(SelectionCriterion.objects.all())
    lines = comparison(filters, criteria, timezone.localdate())
    # Where each ranked country stands in the coalition's work (decisions keeps it).
    statuses = statuses_of(request.user, [line.country.pk for line in lines])
    for line in lines:
        line.status = statuses.get(line.country.pk, "")
    ctx = {
        "criteria": criteria,
        "lines": lines,
        "filters": filters,
        "regions": Region.choices,
        "language_choices": list(LANGUAGE_NAMES.items()),
        "assessable": _assessable(request),
    }
    return render(request, "countries/assessments.html", ctx)


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """The "assess a country" picker of the comparison: on to that country's page."""
    _check_can_see(request)
    code = iso_alpha2(request.GET.get("country", "").strip())
    if not code:
        messages.error(request, gettext("Choose a country to assess."))
        return redirect("countries:assessments")
    return redirect("countries:assessment", code=code)


def _form(
    criterion: SelectionCriterion, initial: dict[str, Any], assessed: dict[int, SelectionCriterion]
) -> AssessmentForm:
    """An unbound form for one criterion (one per criterion on the page: ids kept apart)."""
    return AssessmentForm(
        initial={**initial, "criterion": criterion.pk},
        criteria=assessed,
        auto_id=f"c{criterion.pk}_%s",
    )


@login_required
@require_http_methods(["GET", "POST"])
def country_assessment(request: HttpRequest, code: str) -> HttpResponse:
    """A country's state against every criterion, its history, and (for those who may
    assess it) a form per criterion that members assess.

    A save made on an old version of the assessment is refused (409): the page shows what it
    now reads, with the person's own text kept in the form, to review and save again.
    """
    _check_can_see(request)
    country = country_or_404(code)
    may_assess = request.user.has_perm("countries.assess_country", country)
    criteria = list(SelectionCriterion.objects.all())
    assessed = {c.pk: c for c in criteria if not c.computed}
    kept: dict[int, AssessmentForm] = {}  # criterion id -> the form as the person left it
    status = 200
    if request.method == "POST":
        if not may_assess:
            raise PermissionDenied(
                _(
                    "Your agencies have no activity in this country: the countries a member "
                    "assesses are those their agencies work in (the secretariat assesses any)."
                )
            )
        posted_id = request.POST.get("criterion", "")
        posted = AssessmentForm(
            request.POST,
            criteria=assessed,
            auto_id=f"c{posted_id if posted_id.isdigit() else 'x'}_%s",
        )
        if not posted.is_valid():
            status = 400
            if posted_id.isdigit() and int(posted_id) in assessed:
                kept[int(posted_id)] = posted
            else:
                for errors in posted.errors.values():
                    messages.error(request, " ".join(errors))
        else:
            data = posted.cleaned_data
            try:
                save_assessment(
                    country,
                    data["criterion"],
                    rating=data["rating"],
                    note=data["note"].strip(),
                    assessed_on=data["assessed_on"],
                    based_on_version=data["version"],
                    user=request.user,
                )
            except AssessmentConflict as conflict:
                messages.error(request, conflict.message())
                status = 409
                current = conflict.current.version if conflict.current else 0
                mine = {k: data[k] for k in ("rating", "note", "assessed_on")}
                kept[data["criterion"].pk] = _form(
                    data["criterion"], {**mine, "version": current}, assessed
                )
            else:
                messages.success(
                    request,
                    gettext("Saved: %(criterion)s.") % {"criterion": data["criterion"].shown_title},
                )
                return redirect("countries:assessment", code=country.code)
    today = timezone.localdate()
    rows = []
    for cell, assessment in country_cells(country, criteria, today):
        form = None
        if may_assess and not cell.criterion.computed:
            form = kept.get(cell.criterion.pk) or _form(
                cell.criterion,
                {
                    "version": assessment.version if assessment else 0,
                    "rating": assessment.rating if assessment else Rating.UNKNOWN,
                    "note": assessment.note if assessment else "",
                    "assessed_on": today,
                },
                assessed,
            )
        rows.append(
            {
                "cell": cell,
                "assessment": assessment,
                "form": form,
                "kept": cell.criterion.pk in kept,
            }
        )
    ctx = {
        "country": country,
        "country_languages": [LANGUAGE_NAMES[code] for code in languages_of(country.code)],
        "rows": rows,
        "may_assess": may_assess,
        "history": country_history(country),
    }
    return render(request, "countries/assessment.html", ctx, status=status)


# (header, meaning, the choices whose labels are its allowed values, or None)
COLUMNS: list[tuple[Any, Any, Any]] = [
    (_("Country code"), _("The country, as its ISO 3166-1 alpha-3 code."), None),
    (_("Country"), _("The country's name."), None),
    (_("ILO region"), _("The ILO region the country belongs to."), Region),
    (_("Criterion number"), _("The criterion's number in the list."), None),
    (_("Criterion"), _("The selection criterion."), None),
    (_("Rating"), _("How the country stands against it (empty: not assessed)."), Rating),
    (_("Evidence or comment"), _("What the rating rests on."), None),
    (_("Assessed on"), _("When it was last assessed."), None),
    (_("Weight"), _("How much the criterion counts in the score."), None),
    (
        _("Evidence check"),
        _("“missing”: a rating without evidence; “older than a year”: assess it again."),
        None,
    ),
    (
        _("Score (%)"),
        _(
            "The country's weighted mean over every criterion: met 1, partly met 0.5, not "
            "met, not known yet or not assessed 0, times the criterion's weight."
        ),
        None,
    ),
    (_("Rank"), _("The country's place by score among the countries listed."), None),
    (_("Languages"), _("Its official or working languages among the UN's."), None),
]


class AssessmentTable:
    """The header, then one row per country and criterion, countries in the order of the
    comparison (long format, so a spreadsheet filters by criterion or rating)."""

    def __init__(self, lines: list[CountryLine]) -> None:
        self.lines = lines

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
        # Translated once, not once a row.
        missing, old = gettext("missing"), gettext("older than a year")
        regions = {value: str(label) for value, label in Region.choices}
        language_names = {code: str(name) for code, name in LANGUAGE_NAMES.items()}
        for line in self.lines:
            country = line.country
            languages = ", ".join(language_names[c] for c in languages_of(country.code))
            for cell in line.cells:
                check = missing if cell.evidence_missing else old if cell.stale else ""
                yield [
                    country.alpha3,
                    str(country),
                    regions.get(country.region, country.region),
                    cell.criterion.number,
                    cell.criterion.shown_title,
                    cell.rating_label if cell.rating else "",
                    cell.evidence,
                    cell.assessed_on,
                    cell.criterion.weight,
                    check,
                    line.percent,
                    line.rank,
                    languages,
                ]


@login_required
def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The comparison as a spreadsheet, its filters and order applied; ?format=csv|xlsx|ods."""
    _check_can_see(request)
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    criteria = list(SelectionCriterion.objects.all())
    lines = comparison(_filters(request), criteria, timezone.localdate())
    return table_response(
        AssessmentTable(lines),
        fmt,
        filename=f"spf-country-assessments-{timezone.localdate():%Y-%m-%d}",
        sheet_title=gettext("Country assessments"),
    )
