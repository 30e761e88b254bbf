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

from django.db.models import CharField, F, IntegerField, Value
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
from core.names import sort_key
from core.translations import reader_language
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
class MatrixRow:
    country_name: str  # the country, the countries, "Africa: regional" or "Global"
    country_url: str  # "" when the row is not one country's
    # How a shared row includes the country the reader looks at ("Regional: Africa",
    # "Global", "Also in Mali"); "" for the country's own rows, or when none is looked at.
    shared_note: str
    places: str  # the places inside the countries, comma-separated
    themes: str
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


def _links_by_activity(ids: Sequence[int]) -> tuple[dict, dict, dict]:
    """Each activity's covered country codes, place names and theme names (in the reader's
    language): one query (a UNION of the three links) whatever the number of rows."""
    language = reader_language()
    local = "theme__name" if language == "en" else f"theme__name_{language}"

    def text(value: object) -> Value:
        return Value(value, output_field=CharField())

    def picked(model, kind: str, name: str, other: object, rank: object):
        return (
            model.objects.filter(activity_id__in=ids)
            .order_by()
            .annotate(k=text(kind), n=F(name), o=other, r=rank)
            .values_list("activity_id", "k", "n", "o", "r")
        )

    no_rank = Value(0, output_field=IntegerField())
    rows = picked(ActivityCountry, "c", "country__code", text(""), no_rank).union(
        picked(ActivitySubdivision, "s", "subdivision__name", text(""), no_rank),
        picked(ActivityTheme, "t", "theme__name", F(local), F("theme__position")),
        all=True,
    )
    found: dict[str, dict[int, list]] = {"c": defaultdict(list), "s": defaultdict(list), "t": {}}
    themes: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for activity_id, kind, name, other, rank in rows:
        if kind == "t":
            themes[activity_id].append((rank, other or name))
        else:
            found[kind][activity_id].append(name)
    named = {pk: [name for _rank, name in sorted(items)] for pk, items in themes.items()}
    return found["c"], found["s"], named


def place_words(
    scope: str,
    region: str,
    main_code: str | None,
    codes: list[str],
    names: dict[str, str],
    focus: str | None,
) -> tuple[str, str]:
    """(what the country column says, the note of a shared row seen from `focus`)."""
    regions = dict(Region.choices)
    region_name = str(regions.get(region, region))
    ordered = sorted(codes, key=lambda code: sort_key(names.get(code, code)))
    if main_code:
        ordered = [main_code, *(code for code in ordered if code != main_code)]
    listed = ", ".join(names.get(code, code) for code in ordered)
    if scope == Scope.GLOBAL:
        return _("Global"), _("Global") if focus else ""
    if scope == Scope.REGIONAL:
        column = _("%(region)s: regional") % {"region": region_name}
        if listed:
            column = f"{column} ({listed})"
        return column, _("Regional: %(region)s") % {"region": region_name} if focus else ""
    if scope == Scope.MULTI_COUNTRY:
        others = [names.get(code, code) for code in ordered if code != focus]
        note = _("Also in %(countries)s") % {"countries": ", ".join(others)} if focus else ""
        return listed, note
    return listed, ""


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
    focus: str | None = None,
) -> list[MatrixRow]:
    """The rows of activities fetched with for_rows() (country and focal point joined).

    Costs three queries whatever the number of rows: agencies, tools used, tools needed.
    `may_edit` says from a row's agency ids whether the reader may edit it (an Edit link).
    `agencies` given ((role, acronym) pairs by activity id), for past records
    (activities.as_of), saves the first; rows are keyed by `id`, which past records share,
    and carry no Edit link (a past version is read, not edited), and name their main
    country only. Three more queries read the countries, places and themes. `focus`: the
    ISO code of the country the reader looks at (a shared row says how it includes it).
    """
    activities = list(activities)
    ids = [activity.id for activity in activities]
    past = agencies is not None
    if not past:
        agencies = _agencies_by_activity(ids)
    used = _tools_by_activity(ids, "tools_used")
    needed = _tools_by_activity(ids, "tools_needed")
    covered, places, themes = _links_by_activity(ids) if not past else ({}, {}, {})
    names = country_names()
    # Reverse once, then fill in: reverse() per link would be most of a row's cost.
    country_url = reverse("countries:detail", args=[SLOT])
    agency_url = reverse("agencies:detail", args=[SLOT])
    edit_url = reverse("activities:activity_edit", args=[0])
    months: dict[tuple[int, int], str] = {}
    rows = []
    for activity in activities:
        code = activity.country.code.code if activity.country_id else None
        scope = getattr(activity, "scope", Scope.COUNTRY)
        codes = covered.get(activity.id) or ([code] if code else [])
        column, note = place_words(
            scope, getattr(activity, "region", ""), code, codes, names, focus
        )
        person = activity.focal_point
        dated = activity.start_date or activity.end_date
        rows.append(
            MatrixRow(
                country_name=column,
                country_url=country_url.replace(SLOT, code)
                if code and scope == Scope.COUNTRY
                else "",
                shared_note=note,
                places=", ".join(sorted(places.get(activity.id, []), key=sort_key)),
                themes=", ".join(themes.get(activity.id, [])),
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
    focus: str | None = None,
) -> SafeString:
    """The matrix table (headers and rows) of these activities, fetched with for_rows().

    `sorts` (activities.matrix.sort_links) makes the headers sort links; `hide_country` drops
    the country column (a country's own page). Contacts are shown to logged-in people only.
    `focus`: the ISO code of the country looked at (a country's page, the matrix filtered
    on one country): the rows shared with other countries say so.
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
        focus=focus,
    )
    context = {
        "rows": rows,
        "sorts": sorts,
        "hide_country": hide_country,
        "guarantee_labels": labels.guarantees,
    }
    return render_partial("activities/matrix_table.html", context, request)
