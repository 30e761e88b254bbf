"""The matrix's table (the matrix page, a country's page): what each row shows, as plain values.

The matrix is the hub's busiest page. A row is filled here from plain queries (no model
instance per agency or tool) and drawn by the Jinja2 template
templates/jinja2/activities/matrix_table.html (see core/jinja.py for why Jinja2): both
together cost about half of what Django's template language took to draw the same rows from
model instances.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from activities.filters import country_names
from activities.matrix import RowLabels
from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivitySubdivision,
    ActivityTheme,
    Scope,
    role_order,
)
from activities.rules import may_edit_row
from core.jinja import render_partial
from core.translations import translated
from countries.models import Region

DESCRIPTION_CHARS = 220
# Stands for a country code or an acronym in a reversed URL, filled in per row.
SLOT = "SLOT"


@dataclass(frozen=True, slots=True)
class AgencyInRow:
    acronym: str
    url: str
    role: str
    role_label: str


@dataclass(frozen=True, slots=True)
class CountryInRow:
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    country_name: str  # the main country ("" for a regional or global activity)
    country_url: str
    title: str
    description: str  # shortened to DESCRIPTION_CHARS
    agencies: list[AgencyInRow]  # the lead first
    type_label: str
    guarantees: list[str]  # Guarantee values, in their order
    tools_used: str
    tools_needed: str
    status: str
    status_label: str
    start: str  # month and year, or "" with no dates at all
    end: str
    focal_point: str
    focal_point_agency: str
    email: str  # "" unless contacts are shown
    phone: str
    reference: str
    edit_url: str  # "" unless the reader may edit the row
    # Where, beyond the main country (issue 20): "" for one country, else "Several
    # countries", "Africa: regional", "Global"; the countries it covers (main first), the
    # places inside them, its themes.
    scope: str = Scope.COUNTRY
    scope_label: str = ""
    countries: tuple[CountryInRow, ...] = ()
    subdivisions: str = ""
    themes: tuple[str, ...] = ()
    shared: bool = False  # on a country's page: several countries', a region's, the world's


@dataclass(frozen=True, slots=True)
class RowPlaces:
    """What the rows show of their places, fetched for a page of rows in three queries."""

    countries: dict[int, list[str]]  # activity id -> codes of the countries it covers
    subdivisions: dict[int, str]  # activity id -> "Dakar, Thiès"
    themes: dict[int, tuple[str, ...]]  # activity id -> theme names in the reader's language

    @classmethod
    def of(cls, activities: Sequence[Activity]) -> "RowPlaces":
        ids = [activity.id for activity in activities]
        countries: dict[int, list[str]] = defaultdict(list)
        # Those of the rows beyond one country (a one-country row shows its country).
        links = (
            ActivityCountry.objects.filter(activity_id__in=ids)
            .exclude(activity__scope=Scope.COUNTRY)
            .order_by("activity_id", "country__name")
            .values_list("activity_id", "country__code")
        )
        for activity_id, code in links:
            countries[activity_id].append(str(code))
        subdivisions: dict[int, list[str]] = defaultdict(list)
        for activity_id, name in (
            ActivitySubdivision.objects.filter(activity_id__in=ids)
            .order_by("activity_id", "subdivision__name")
            .values_list("activity_id", "subdivision__name")
        ):
            subdivisions[activity_id].append(name)
        themes: dict[int, list[str]] = defaultdict(list)
        for link in (
            ActivityTheme.objects.filter(activity_id__in=ids)
            .select_related("theme")
            .order_by("activity_id", "theme__position", "theme__name")
        ):
            themes[link.activity_id].append(translated(link.theme, "name"))
        return cls(
            countries,
            {pk: ", ".join(names) for pk, names in subdivisions.items()},
            {pk: tuple(names) for pk, names in themes.items()},
        )


NO_PLACES = RowPlaces({}, {}, {})


def scope_label(activity: Activity, regions: dict[str, str]) -> str:
    """The row's words for a place beyond one country ("" for one country)."""
    scope = getattr(activity, "scope", Scope.COUNTRY)  # a record from before places: one country
    if scope == Scope.REGIONAL:
        region = regions.get(activity.region, activity.region)
        return _("%(region)s: regional") % {"region": region}
    if scope == Scope.GLOBAL:
        return str(Scope.GLOBAL.label)
    if scope == Scope.MULTI_COUNTRY:
        return str(Scope.MULTI_COUNTRY.label)
    return ""


def _agencies_by_activity(ids: Sequence[int]) -> dict[int, list[tuple[str, str, int]]]:
    """(role, acronym, agency id) of each activity's agencies, lead first: one query."""
    found: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    rows = (
        ActivityAgency.objects.filter(activity_id__in=ids)
        .order_by("activity_id", role_order(), "agency__acronym")
        .values_list("activity_id", "role", "agency__acronym", "agency_id")
    )
    for activity_id, role, acronym, agency_id in rows:
        found[activity_id].append((role, acronym, agency_id))
    return found


def _tools_by_activity(ids: Sequence[int], relation: str) -> dict[int, str]:
    """Names of the tools used (or needed) by each activity, comma-separated: one query."""
    through = getattr(Activity, relation).through
    found: dict[int, list[str]] = defaultdict(list)
    rows = (
        through.objects.filter(activity_id__in=ids)
        .order_by("activity_id", "tool__name")
        .values_list("activity_id", "tool__acronym", "tool__name")
    )
    for activity_id, acronym, name in rows:
        found[activity_id].append(acronym or name)
    return {activity_id: ", ".join(names) for activity_id, names in found.items()}


def _month(value: datetime.date | None, months: dict[tuple[int, int], str]) -> str:
    """Month and year in the language's own format ("janvier 2012", "enero de 2012").

    `months` keeps those already formatted for this table: a page of rows names a few
    months many times, and each date_format() looks up the language's formats anew."""
    if not value:
        return "…"
    key = (value.year, value.month)
    if key not in months:
        months[key] = date_format(value, "YEAR_MONTH_FORMAT")
    return months[key]


def matrix_rows(
    activities: Sequence[Activity],
    labels: RowLabels,
    *,
    show_contacts: bool,
    may_edit: Callable[[set[int]], bool] = lambda agencies: False,
    agencies: dict[int, list[tuple[str, str]]] | None = None,
    home_country: int | None = None,
) -> list[MatrixRow]:
    """The rows of activities fetched with for_rows() (country and focal point joined).

    Costs three queries whatever the number of rows: agencies, tools used, tools needed.
    `may_edit` says from a row's agency ids whether the reader may edit it (an Edit link).
    `agencies` given ((role, acronym) pairs by activity id), for past records
    (activities.as_of), saves the first; rows are keyed by `id`, which past records share,
    and carry no Edit link (a past version is read, not edited); their places are their
    scope and main country only (the links are today's). `home_country` (a country's page)
    marks the rows that are not the country's own, in it alone (`shared`).

    Three more queries for the places: the countries of the rows beyond one country, the
    subdivisions and the themes.
    """
    activities = list(activities)
    ids = [activity.id for activity in activities]
    past = agencies is not None
    if not past:
        agencies = _agencies_by_activity(ids)
    used = _tools_by_activity(ids, "tools_used")
    needed = _tools_by_activity(ids, "tools_needed")
    places = NO_PLACES if past else RowPlaces.of(activities)
    regions = {value: str(label) for value, label in Region.choices}
    names = country_names()
    # Reverse once, then fill in: reverse() per link would be most of a row's cost.
    country_url = reverse("countries:detail", args=[SLOT])
    agency_url = reverse("agencies:detail", args=[SLOT])
    edit_url = reverse("activities:activity_edit", args=[0])
    months: dict[tuple[int, int], str] = {}
    rows = []
    for activity in activities:
        country = activity.country
        code = country.code.code if country is not None else ""
        covered = places.countries.get(activity.id) or []
        person = activity.focal_point
        dated = activity.start_date or activity.end_date
        rows.append(
            MatrixRow(
                country_name=names.get(code, code) if code else "",
                country_url=country_url.replace(SLOT, code) if code else "",
                title=activity.title,
                description=Truncator(activity.description).chars(DESCRIPTION_CHARS),
                agencies=[
                    AgencyInRow(
                        acronym,
                        agency_url.replace(SLOT, quote(acronym, safe="/")),
                        role,
                        labels.roles.get(role, role),
                    )
                    for role, acronym, *_id in agencies.get(activity.id, [])
                ],
                type_label=labels.types.get(activity.activity_type, activity.activity_type),
                guarantees=[
                    guarantee
                    for guarantee, flag in GUARANTEE_FIELDS.items()
                    if getattr(activity, flag)
                ],
                tools_used=used.get(activity.id, ""),
                tools_needed=needed.get(activity.id, ""),
                status=activity.status,
                status_label=labels.statuses.get(activity.status, activity.status),
                start=_month(activity.start_date, months) if dated else "",
                end=_month(activity.end_date, months) if dated else "",
                focal_point=person.name if person else "",
                focal_point_agency=person.agency.acronym if person else "",
                email=person.email if person and show_contacts else "",
                phone=person.phone if person and show_contacts else "",
                reference=activity.reference,
                edit_url=(
                    edit_url.replace("/0/", f"/{activity.pk}/")
                    if not past
                    and may_edit({agency_id for _r, _a, agency_id in agencies.get(activity.id, [])})
                    else ""
                ),
                scope=getattr(activity, "scope", Scope.COUNTRY),
                scope_label=scope_label(activity, regions),
                countries=tuple(
                    CountryInRow(names.get(other, other), country_url.replace(SLOT, other))
                    for other in sorted(covered, key=lambda other: other != code)
                ),
                subdivisions=places.subdivisions.get(activity.id, ""),
                themes=places.themes.get(activity.id, ()),
                shared=home_country is not None
                and not (
                    getattr(activity, "scope", Scope.COUNTRY) == Scope.COUNTRY
                    and activity.country_id == home_country
                ),
            )
        )
    return rows


def render_matrix_table(
    request: HttpRequest,
    activities: Sequence[Activity],
    *,
    sorts: dict[str, dict[str, str]] | None = None,
    hide_country: bool = False,
    agencies: dict[int, list[tuple[str, str]]] | None = None,
    home_country: int | None = None,
) -> SafeString:
    """The matrix table (headers and rows) of these activities, fetched with for_rows().

    `sorts` (activities.matrix.sort_links) makes the headers sort links; `hide_country` drops
    the country column (a country's own page). Contacts are shown to logged-in people only.
    """
    labels = RowLabels.now()
    user = request.user
    rows = matrix_rows(
        activities,
        labels,
        show_contacts=user.is_authenticated,
        may_edit=(lambda agencies: may_edit_row(user, agencies))
        if user.is_authenticated
        else (lambda agencies: False),
        agencies=agencies,
        home_country=home_country,
    )
    context = {
        "rows": rows,
        "sorts": sorts,
        "hide_country": hide_country,
        "guarantee_labels": labels.guarantees,
    }
    return render_partial("activities/matrix_table.html", context, request)
