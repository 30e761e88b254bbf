"""The matrix rows for a set of GET parameters, shared by the page, the grid and the export:
what you see is what you export."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.http import QueryDict

from activities.filters import AGENCY_ROLE_CHOICES, ActivityFilterSet
from activities.models import Activity, ActivityStatus, ActivityType, Role

DEFAULT_SORT = "country"
LEAD_ONLY = dict(AGENCY_ROLE_CHOICES)["lead"]

# Public sort keys -> ORDER BY. The primary key ends every ordering so that pages never
# overlap or skip rows when many activities share a country or a title.
SORTS: dict[str, tuple] = {
    "country": ("country__name", "title", "pk"),
    "-country": ("-country__name", "title", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "pk"),
    "reference": ("reference",),
    "-reference": ("-reference",),
    "type": ("activity_type", "country__name", "title", "pk"),
    "-type": ("-activity_type", "country__name", "title", "pk"),
    "status": ("status", "country__name", "title", "pk"),
    "-status": ("-status", "country__name", "title", "pk"),
    "start": (F("start_date").asc(nulls_last=True), "pk"),
    "-start": (F("start_date").desc(nulls_last=True), "pk"),
    "updated": ("updated_at", "pk"),
    "-updated": ("-updated_at", "pk"),
}

# Parameters that are not filters but must survive in links.
NON_FILTER_PARAMS = ("sort", "page", "format")


def sort_key(params: QueryDict) -> str:
    """The requested sort if it is a known one, else the default (never an error)."""
    value = params.get("sort", "")
    return value if value in SORTS else DEFAULT_SORT


def filtered_activities(params: QueryDict) -> tuple[ActivityFilterSet, QuerySet[Activity]]:
    """The filter set (for the form and its errors) and the matching activities, sorted.

    An unknown value (country ZZ, status "bogus") gives no rows rather than silently
    showing everything: the page then says which filter is wrong.
    """
    filterset = ActivityFilterSet(params, queryset=Activity.objects.all())
    if not filterset.is_valid():
        return filterset, Activity.objects.none()
    return filterset, filterset.qs.order_by(*SORTS[sort_key(params)])


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
        if name == "agency" and filterset.data.get("agency_role") == "lead":
            shown = f"{shown} ({LEAD_ONLY})"
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


def with_labels(activities: Iterable[Activity]) -> list[Activity]:
    """Attach translated type, status and role labels to rows already fetched.

    get_FOO_display() rebuilds a dict of lazy labels on every call (a gettext per choice);
    for a page of 50 rows with their agencies that is thousands of lookups. Here each label
    is translated once per request.
    """
    types = {value: str(label) for value, label in ActivityType.choices}
    statuses = {value: str(label) for value, label in ActivityStatus.choices}
    roles = {value: str(label).lower() for value, label in Role.choices}
    rows = list(activities)
    for activity in rows:
        activity.type_label = types.get(activity.activity_type, activity.activity_type)
        activity.status_label = statuses.get(activity.status, activity.status)
        for link in activity.participations.all():
            link.role_label = roles.get(link.role, link.role)
    return rows
