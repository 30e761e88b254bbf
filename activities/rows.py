"""The matrix's table rows, drawn in Python.

The matrix is the hub's busiest page. Drawn by the template language, its 50 rows cost about
fifty template nodes each (labels, links, badges, dates), most of the page's time; here a
row is a few string formats over values fetched in plain queries (no model instance per
agency or tool). The markup is the one templates/activities/_activity_table.html's header
describes; keep the two in step.
"""

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from activities.models import Activity, ActivityAgency, ActivityStatus, ActivityType, Role
from activities.models import role_order as role_order_expression

DESCRIPTION_CHARS = 220
# Order of the R202 badges, with the activity flag, CSS modifier and labels (short, long).
BADGES = (
    ("covers_health", "health", gettext_noop("Health"), gettext_noop("Essential health care")),
    (
        "covers_children",
        "children",
        gettext_noop("Children"),
        gettext_noop("Income security for children"),
    ),
    (
        "covers_working_age",
        "working-age",
        gettext_noop("Working age"),
        gettext_noop("Income security in working age"),
    ),
    (
        "covers_older_persons",
        "older-persons",
        gettext_noop("Older persons"),
        gettext_noop("Income security for older persons"),
    ),
)


@dataclass(frozen=True)
class _Words:
    """Everything translated, once per page."""

    country: str
    activity: str
    agencies: str
    type: str
    guarantees: str
    tools: str
    status: str
    dates: str
    focal: str
    reference: str
    none_listed: str
    used: str
    needed: str
    types: dict[str, str]
    statuses: dict[str, str]
    roles: dict[str, str]
    badges: tuple[tuple[str, SafeString], ...]

    @classmethod
    def now(cls) -> "_Words":
        return cls(
            country=_("Country"),
            activity=_("Activity"),
            agencies=_("Agencies"),
            type=_("Type"),
            guarantees=_("R202 guarantees"),
            tools=_("Tools"),
            status=_("Status"),
            dates=_("Dates"),
            focal=_("Focal point"),
            reference=_("Reference"),
            none_listed=_("none listed"),
            used=_("used:"),
            needed=_("needed:"),
            types={value: str(label) for value, label in ActivityType.choices},
            statuses={value: str(label) for value, label in ActivityStatus.choices},
            roles={value: str(label).lower() for value, label in Role.choices},
            badges=tuple(
                (
                    flag,
                    format_html(
                        '<span class="badge badge--{}" title="{}">{}</span>',
                        css,
                        _(long),
                        _(short),
                    ),
                )
                for flag, css, short, long in BADGES
            ),
        )


def _agencies_by_activity(ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """(role, acronym) pairs of each activity, lead first: one query."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = (
        ActivityAgency.objects.filter(activity_id__in=ids)
        .order_by("activity_id", role_order_expression(), "agency__acronym")
        .values_list("activity_id", "role", "agency__acronym")
    )
    for activity_id, role, acronym in rows:
        found[activity_id].append((role, acronym))
    return found


def _tools_by_activity(ids: Sequence[int], relation: str) -> dict[int, list[str]]:
    """Names of the tools used (or needed) by each activity: one query."""
    through = getattr(Activity, relation).through
    found: dict[int, list[str]] = defaultdict(list)
    rows = (
        through.objects.filter(activity_id__in=ids)
        .order_by("activity_id", "tool__name")
        .values_list("activity_id", "tool__acronym", "tool__name")
    )
    for activity_id, acronym, name in rows:
        found[activity_id].append(acronym or name)
    return found


def esc(value: object) -> str:
    """HTML-escape a plain value (what Django's escape does, minus its lazy-string wrapper,
    which is a third of the rows' cost)."""
    return html.escape(str(value), quote=True)


def _month(value) -> str:
    return format_date(value, "M Y") if value else "…"


def render_rows(
    activities: Sequence[Activity], *, show_contacts: bool, hide_country: bool = False
) -> list[Activity]:
    """Attach `row_html` to each activity (fetched with country and focal point joined).

    Costs three queries whatever the number of rows: agencies, tools used, tools needed.
    """
    rows = list(activities)
    ids = [activity.pk for activity in rows]
    agencies = _agencies_by_activity(ids)
    used = _tools_by_activity(ids, "tools_used")
    needed = _tools_by_activity(ids, "tools_needed")
    words = _Words.now()
    # Reverse once, then fill in: reverse() per link would be most of a row's cost.
    country_url = reverse("countries:detail", args=["CODE"]).replace("CODE", "{}")
    agency_url = reverse("agencies:detail", args=["ACRONYM"]).replace("ACRONYM", "{}")
    for activity in rows:
        activity.row_html = _row(
            activity,
            words,
            agencies=agencies.get(activity.pk, []),
            used=used.get(activity.pk, []),
            needed=needed.get(activity.pk, []),
            country_url=country_url,
            agency_url=agency_url,
            show_contacts=show_contacts,
            hide_country=hide_country,
        )
    return rows


def _row(
    activity: Activity,
    words: _Words,
    *,
    agencies: list[tuple[str, str]],
    used: list[str],
    needed: list[str],
    country_url: str,
    agency_url: str,
    show_contacts: bool,
    hide_country: bool,
) -> SafeString:
    cells: list[str] = []

    if not hide_country:
        country = activity.country
        cells.append(
            format_html(
                '<td class="col-country" data-label="{}"><a href="{}">{}</a></td>',
                words.country,
                country_url.format(country.code),
                country.code.name,
            )
        )

    description = ""
    if activity.description:
        description = format_html(
            '<p class="activity-description">{}</p>',
            Truncator(activity.description).chars(DESCRIPTION_CHARS),
        )
    cells.append(
        format_html(
            '<td class="col-title" data-label="{}"><strong class="activity-title">{}</strong>{}'
            "</td>",
            words.activity,
            activity.title,
            description,
        )
    )

    if agencies:
        items = "".join(
            f'<li class="role role--{esc(role)}"><a href="'
            f'{esc(agency_url.format(quote(acronym, safe="/")))}">{esc(acronym)}</a> '
            f'<span class="role-label">{esc(words.roles.get(role, role))}</span></li>'
            for role, acronym in agencies
        )
    else:
        items = f'<li class="muted">{esc(words.none_listed)}</li>'
    cells.append(
        f'<td class="col-agencies" data-label="{esc(words.agencies)}">'
        f'<ul class="agency-list">{items}</ul></td>'
    )

    type_label = words.types.get(activity.activity_type, activity.activity_type)
    cells.append(f'<td data-label="{esc(words.type)}">{esc(type_label)}</td>')

    badges = "".join(html for flag, html in words.badges if getattr(activity, flag))
    cells.append(
        f'<td data-label="{esc(words.guarantees)}"><span class="badges">{badges}</span></td>'
    )

    tools = ""
    if used:
        tools += f'<div><span class="muted">{esc(words.used)}</span> {esc(", ".join(used))}</div>'
    if needed:
        tools += (
            f'<div class="tools-needed"><span class="muted">{esc(words.needed)}</span> '
            f"{esc(', '.join(needed))}</div>"
        )
    cells.append(f'<td data-label="{esc(words.tools)}">{tools}</td>')

    status_label = words.statuses.get(activity.status, activity.status)
    cells.append(
        f'<td data-label="{esc(words.status)}"><span class="status status--'
        f'{esc(activity.status)}">{esc(status_label)}</span></td>'
    )

    dates = ""
    if activity.start_date or activity.end_date:
        dates = (
            f'<span class="date">{esc(_month(activity.start_date))} \u2013</span> '
            f'<span class="date">{esc(_month(activity.end_date))}</span>'
        )
    cells.append(f'<td class="col-dates" data-label="{esc(words.dates)}">{dates}</td>')

    person = activity.focal_point
    contact = ""
    if person is not None:
        contact = f'{esc(person.name)} <span class="muted">({esc(person.agency.acronym)})</span>'
        if show_contacts and person.email:
            contact += f'<br><a href="mailto:{esc(person.email)}">{esc(person.email)}</a>'
        if show_contacts and person.phone:
            dial = person.phone.replace(" ", "")
            contact += f'<br><a href="tel:{esc(dial)}">{esc(person.phone)}</a>'
    cells.append(f'<td data-label="{esc(words.focal)}">{contact}</td>')

    cells.append(
        f'<td class="col-reference" data-label="{esc(words.reference)}">'
        f"<code>{esc(activity.reference)}</code></td>"
    )
    # Every value above went through esc() or format_html.
    return mark_safe("<tr>" + "".join(cells) + "</tr>")
