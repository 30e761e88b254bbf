"""The matrix as HXL: a CSV whose second row holds hashtags from the HXL core schema, so that
HXL tools (HXL Proxy, HDX, libhxl) can filter, join and map it.

Tags chosen (hxlstandard.org core schema):
- #meta+id the activity's public reference; #country+code (ISO 3166-1 alpha-3) and
  #country+name; #activity+name and #activity+description.
- #sector the activity type (advocacy, costing...); #subsector the guarantees of ILO
  Recommendation 202 it touches (the social protection "sub-sectors" it works in).
- #status; #date+start, #date+end; #date+reported when the row was last changed.
- Agencies, one column per role, so that filtering by tag selects by role:
  #org+prog+lead+name the lead, #org+prog+name the co-leads (programming the activity
  with the lead), #org+impl+name the partners, #org+funder+name the funders. The
  pattern #org+lead selects leads only; #org+name matches every agency column.
- #contact+name the focal point; #contact+email and #contact+phone for logged-in readers.
- #meta+version the activity's version: the import compares a stale row three ways.

Two shapes. WIDE: one row per activity, several agencies of a role joined with "; ".
LONG: one row per activity and agency, the agency in the column of its role (the others
empty) and its role in words under #meta+role; an activity without agencies keeps one
row, so no activity disappears from the file.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Role,
)
from activities.resources import ActivityResource
from core.resources import ChoiceWidget, split_list

# (header, hashtag) of the agency column of each role.
ROLE_TAGS: dict[str, tuple[Any, str]] = {
    Role.LEAD: (_("Lead agency"), "#org+prog+lead+name"),
    Role.CO_LEAD: (_("Co-lead agencies"), "#org+prog+name"),
    Role.PARTNER: (_("Partner agencies"), "#org+impl+name"),
    Role.FUNDER: (_("Funding agencies"), "#org+funder+name"),
}
CONTACT_TAGS = [
    (_("Focal point email"), "#contact+email"),
    (_("Focal point phone"), "#contact+phone"),
]


def columns(*, long: bool, include_contacts: bool) -> list[tuple[str, str]]:
    """(human header, hashtag) of every column, in order."""
    found = [
        (_("Reference"), "#meta+id"),
        (_("Country code"), "#country+code"),
        (_("Country"), "#country+name"),
        (_("Title"), "#activity+name"),
        (_("Description"), "#activity+description"),
        (_("Type"), "#sector"),
        (_("Guarantees"), "#subsector"),
        (_("Status"), "#status"),
        (_("Start date"), "#date+start"),
        (_("End date"), "#date+end"),
        *ROLE_TAGS.values(),
        *([(_("Role"), "#meta+role")] if long else []),
        (_("Focal point"), "#contact+name"),
        *(CONTACT_TAGS if include_contacts else []),
        (_("Last updated"), "#date+reported"),
        (_("Version"), "#meta+version"),
    ]
    return [(str(header), tag) for header, tag in found]


def hxl_rows(
    queryset: QuerySet[Activity], *, long: bool, include_contacts: bool
) -> Iterator[list[Any]]:
    """The header row, the hashtag row, then the activities (WIDE) or their agencies (LONG)."""
    layout = columns(long=long, include_contacts=include_contacts)
    yield [header for header, _tag in layout]
    yield [tag for _header, tag in layout]

    # The resource fetches rows and agency names in a few queries per chunk of activities.
    resource = ActivityResource(include_contacts=include_contacts)
    type_label = ChoiceWidget(ActivityType).exporter()
    status_label = ChoiceWidget(ActivityStatus).exporter()
    # The guarantees' labels, translated once for the whole file.
    guarantees = {field: str(Guarantee(value).label) for value, field in GUARANTEE_FIELDS.items()}
    roles = {role: str(label).lower() for role, label in Role.choices}
    for activity in resource.iter_objects(queryset):
        code, name = resource.country_cells(activity)
        person = activity.focal_point if activity.focal_point_id else None
        head = [
            activity.reference,
            code,
            name,
            activity.title,
            activity.description,
            type_label(activity.activity_type),
            "; ".join(label for field, label in guarantees.items() if getattr(activity, field)),
            status_label(activity.status),
            activity.start_date,
            activity.end_date,
        ]
        tail = [person.name if person else ""]
        if include_contacts:
            tail += [person.email if person else "", person.phone if person else ""]
        tail += [activity.updated_at, activity.version]
        names = activity.export_names
        if not long:
            yield [*head, *(names[role] for role in ROLE_TAGS), *tail]
            continue
        links = [(role, acronym) for role in ROLE_TAGS for acronym in split_list(names[role])]
        if not links:
            yield [*head, *([""] * len(ROLE_TAGS)), "", *tail]
        for role, acronym in links:
            agencies = [acronym if other == role else "" for other in ROLE_TAGS]
            yield [*head, *agencies, roles[role], *tail]
