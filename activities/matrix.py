"""The matrix rows for a set of GET parameters, shared by the page, the grid and the export:
what you see is what you export."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from activities import tallies
from activities.country_order import CountryOrderPaginator, country_rank
from activities.filters import AGENCY_ROLES, ActivityFilterSet
from activities.models import Activity, ActivityStatus, ActivityType, Guarantee, Role, Scope

DEFAULT_SORT = "country"
# Parameters of the matrix's address that choose how it is shown, not which rows.
NON_FILTER_PARAMS = ("sort", "page", "format")

# Stands in SORTS for the country's name as the visitor reads it (activities.country_order).
COUNTRY_NAME = "country_name"

# Public sort keys -> ORDER BY. The primary key ends every ordering so that pages never
# overlap or skip rows when many activities share a country or a title.
SORTS: dict[str, tuple] = {
    "country": (COUNTRY_NAME, "title", "pk"),
    "-country": ("-" + COUNTRY_NAME, "title", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "pk"),
    "reference": ("reference",),
    "-reference": ("-reference",),
    "type": ("activity_type", COUNTRY_NAME, "title", "pk"),
    "-type": ("-activity_type", COUNTRY_NAME, "title", "pk"),
    "status": ("status", COUNTRY_NAME, "title", "pk"),
    "-status": ("-status", COUNTRY_NAME, "title", "pk"),
    "start": (F("start_date").asc(nulls_last=True), "pk"),
    "-start": (F("start_date").desc(nulls_last=True), "pk"),
    "updated": ("updated_at", "pk"),
    "-updated": ("-updated_at", "pk"),
}


def sort_key(params: QueryDict) -> str:
    """The requested sort if it is a known one, else the default (never an error)."""
    value = params.get("sort", "")
    return value if value in SORTS else DEFAULT_SORT


def ordering(sort: str) -> list:
    """The ORDER BY of a sort key, the country's name ranked in the active language."""
    terms = []
    for term in SORTS[sort]:
        if term == COUNTRY_NAME:
            term = country_rank().asc()
        elif term == "-" + COUNTRY_NAME:
            term = country_rank().desc()
        terms.append(term)
    return terms


def filtered_activities(params: QueryDict) -> tuple[ActivityFilterSet, QuerySet[Activity]]:
    """The filter set (for the form and its errors) and the matching activities, sorted.

    An unknown value (country ZZ, status "bogus") gives no rows rather than silently
    showing everything: the page then says which filter is wrong.
    """
    filterset = ActivityFilterSet(params, queryset=Activity.objects.all())
    if not filterset.is_valid():
        return filterset, Activity.objects.none()
    return filterset, filterset.qs.order_by(*ordering(sort_key(params)))


class WholeMatrixPaginator(Paginator):
    """Pages of every activity (no filter): their number is the tallies' (activities.tallies),
    not a COUNT of the whole table on every request."""

    @cached_property
    def count(self) -> int:
        return sum(n for _start, _end, n in tallies.year_counts())


def paginate(
    filterset: ActivityFilterSet,
    activities: QuerySet[Activity],
    sort: str,
    per_page: int,
    *,
    whole_matrix: bool = False,
) -> Paginator:
    """Pages of the sorted activities; by country, without ranking every row (see
    activities.country_order). `whole_matrix`: the activities are today's, all of them
    (filterset.selects_everything()): the counts are read from the tallies."""
    if sort in ("country", "-country"):
        return CountryOrderPaginator(
            activities,
            per_page,
            descending=sort == "-country",
            country_codes=filterset.country_codes,
            whole_matrix=whole_matrix,
        )
    if whole_matrix:
        return WholeMatrixPaginator(activities, per_page)
    return Paginator(activities, per_page)


def is_filtered(filterset: ActivityFilterSet) -> bool:
    return any(filterset.data.get(name) for name in filterset.filters if name != "agency_role")


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_query: str  # the current query string without this filter
    error: bool


def active_filters(filterset: ActivityFilterSet) -> list[ActiveFilter]:
    """One chip per filter in use, valid or not, each with a link that removes it."""
    form = filterset.form
    found = []
    for name, field in form.fields.items():
        values = [value for value in filterset.data.getlist(name) if value.strip()]
        if not values or name == "agency_role":
            continue
        labels = dict(_flat_choices(field))
        shown = ", ".join(
            str(labels.get(value, labels.get(value.upper(), value))) for value in values
        )
        role = filterset.data.get("agency_role", "any")
        if name == "agency" and role in AGENCY_ROLES and role != "any":
            shown = f"{shown} ({AGENCY_ROLES[role][0]})"
        remaining = filterset.data.copy()
        for key in (name, "page", *(("agency_role",) if name == "agency" else ())):
            remaining.pop(key, None)
        found.append(
            ActiveFilter(str(field.label), shown, remaining.urlencode(), name in form.errors)
        )
    return found


def _flat_choices(field) -> list[tuple[str, str]]:
    flat = []
    for value, label in getattr(field, "choices", []):
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat


def sort_links(current: str) -> dict[str, dict[str, str]]:
    """For each sortable column: the sort parameter its header links to, and its state."""
    links = {}
    for key in SORTS:
        if key.startswith("-"):
            continue
        if current == key:
            links[key] = {"param": "-" + key, "state": "ascending"}
        elif current == "-" + key:
            links[key] = {"param": key, "state": "descending"}
        else:
            links[key] = {"param": key, "state": ""}
    return links


@dataclass(frozen=True)
class RowLabels:
    """The words of a row's coded values, translated once per request.

    get_FOO_display() rebuilds a dict of lazy labels on every call (a gettext per choice);
    for a page of 50 rows with their agencies that is thousands of lookups.
    """

    types: dict[str, str]
    statuses: dict[str, str]
    roles: dict[str, str]  # lower case: "ILO lead"
    guarantees: dict[str, str]

    @classmethod
    def now(cls) -> "RowLabels":
        return cls(
            types={value: str(label) for value, label in ActivityType.choices},
            statuses={value: str(label) for value, label in ActivityStatus.choices},
            roles={value: str(label).lower() for value, label in Role.choices},
            guarantees={value: str(label) for value, label in Guarantee.choices},
        )


def short_place(activity: Activity) -> str:
    """Where an activity is, in a few words and no query (its country fetched with it):
    "Senegal", "Senegal (several countries)", "Africa: regional", "Global"."""
    if activity.scope == Scope.REGIONAL:
        return _("%(region)s: regional") % {"region": activity.get_region_display()}
    if activity.country is None:
        return str(Scope(activity.scope).label)
    name = str(activity.country.code.name)
    if activity.scope == Scope.MULTI_COUNTRY:
        return f"{name} ({str(Scope.MULTI_COUNTRY.label).lower()})"
    return name


def with_labels(activities: Iterable[Activity]) -> list[Activity]:
    """Attach translated type, status and role labels, and the place's words, to rows
    already fetched (with their country)."""
    labels = RowLabels.now()
    rows = list(activities)
    for activity in rows:
        activity.place_label = short_place(activity)
        activity.type_label = labels.types.get(activity.activity_type, activity.activity_type)
        activity.status_label = labels.statuses.get(activity.status, activity.status)
        for link in activity.participations.all():
            link.role_label = labels.roles.get(link.role, link.role)
    return rows
