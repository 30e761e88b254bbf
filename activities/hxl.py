"""The matrix as HXL: a CSV whose second row holds hashtags from the HXL core schema, so that
HXL tools (HXL Proxy, HDX, libhxl) and other organisations' 3W tools can filter, join and
map it, reading each column the way they read their own.

Tags chosen (hxlstandard.org core schema; +guarantee, +tool, +needed and +lead are our own
attributes, which HXL allows and tools ignore when they do not know them):
- #meta+id the activity's public reference; #activity+scope its scope (one country,
  several, regional, global: there is no HXL hashtag for it, so an attribute of the
  activity); #country+code (ISO 3166-1 alpha-3: every country the activity covers, the
  main one first), #country+code+main the main country, #country+name, #region+name (the
  region of a regional activity, else its countries' ILO regions: #region is HXL's
  cross-national region), #adm1+code (ISO 3166-2) and #adm1+name the places inside the
  countries (HXL's first administrative level, as every 3W file writes them).
- #activity+name the title; #description the description (HXL's hashtag for a record's
  long narrative text).
- #activity+type the kind of work (advocacy, costing...). NOT #sector: in HXL and in every
  3W tool #sector (and #subsector) is a humanitarian cluster (Health, Protection...), and a
  3W tool joining files by sector would file an SPF "costing" under a cluster that does
  not exist; +type is HXL's attribute for "a classification of something".
- #beneficiary+guarantee the guarantees of ILO Recommendation 202 the activity works on.
  #beneficiary is HXL's non-numeric description of the people an activity is meant to
  benefit, which is what R202's guarantees name (children, people of working age, older
  persons; health care for all). Not #indicator: 3W tools read #indicator as a figure and
  sum it.
- #activity+theme the coalition's themes (gender, care, financing...), by name in the
  reader's language: HXL has no hashtag for a theme; not #sector (clusters, above) nor
  #indicator (figures): an attribute of the activity, which HXL tools select and filter
  like any column (libhxl: `with_rows("#activity+theme~Gender")`).
- #status; #date+start, #date+end; #date+reported when the row was last changed.
- Agencies (WIDE file), one column per role, so that filtering by tag selects by role, as
  3W files do: #org+prog+lead+name the lead, #org+prog+name the co-leads (programming the
  activity with the lead), #org+impl+name the partners (implementing), #org+funder+name the
  funders. #org+lead selects the leads only; #org+name matches every agency column.
- Agencies (LONG file): one #org+name column (the agency) and one #meta+role column (its
  role: lead, co-lead, partner or funder). The role is not an #org attribute in that file
  (it differs from row to row) nor an #org column: a 3W tool listing every #org column
  would then count "lead" as an organisation.
- #item+name+tool+used and #item+name+tool+needed the SPF tools used and needed (#item:
  something provided, available or used; +used is HXL's attribute for it).
- #contact+name the focal point; #contact+email and #contact+phone for logged-in readers.
- #meta+version the activity's version: the import compares a stale row three ways.

Two shapes. WIDE: one row per activity, several countries, places, themes or agencies of
a role joined with "; ". LONG: one row per activity, country and agency (the places of
that country on its row), as 3W files count who works where; an activity without agencies
or countries keeps one row (those cells empty), so no activity disappears from the file.
The import reads both: a LONG file is regrouped into one activity per reference
(imports.longfile).
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

# (header, hashtag) of the agency column of each role (WIDE file).
ROLE_TAGS: dict[str, tuple[Any, str]] = {
    Role.LEAD: (_("Lead agency"), "#org+prog+lead+name"),
    Role.CO_LEAD: (_("Co-lead agencies"), "#org+prog+name"),
    Role.PARTNER: (_("Partner agencies"), "#org+impl+name"),
    Role.FUNDER: (_("Funding agencies"), "#org+funder+name"),
}
# The LONG file's agency and role columns.
AGENCY_TAG = "#org+name"
ROLE_TAG = "#meta+role"
LONG_TAGS = [(_("Agency"), AGENCY_TAG), (_("Role"), ROLE_TAG)]
TOOL_TAGS = [
    (_("Tools used"), "#item+name+tool+used"),
    (_("Tools needed"), "#item+name+tool+needed"),
]
CONTACT_TAGS = [
    (_("Focal point email"), "#contact+email"),
    (_("Focal point phone"), "#contact+phone"),
]


# The columns that say where, one country per row in the LONG file (imports.longfile
# regroups them): their hashtags.
COUNTRY_TAG, MAIN_COUNTRY_TAG = "#country+code", "#country+code+main"
PLACE_TAGS = [
    (_("Country code"), COUNTRY_TAG),
    (_("Main country"), MAIN_COUNTRY_TAG),
    (_("Country"), "#country+name"),
    (_("Region"), "#region+name"),
    (_("Subdivision codes"), "#adm1+code"),
    (_("Subdivisions"), "#adm1+name"),
]
SCOPE_TAG, THEME_TAG = "#activity+scope", "#activity+theme"


def columns(*, long: bool, include_contacts: bool) -> list[tuple[str, str]]:
    """(human header, hashtag) of every column, in order."""
    found = [
        (_("Reference"), "#meta+id"),
        (_("Scope"), SCOPE_TAG),
        *PLACE_TAGS,
        (_("Title"), "#activity+name"),
        (_("Description"), "#description"),
        (_("Type"), "#activity+type"),
        (_("Guarantees"), "#beneficiary+guarantee"),
        (_("Themes"), THEME_TAG),
        (_("Status"), "#status"),
        (_("Start date"), "#date+start"),
        (_("End date"), "#date+end"),
        *(LONG_TAGS if long else ROLE_TAGS.values()),
        *TOOL_TAGS,
        (_("Focal point"), "#contact+name"),
        *(CONTACT_TAGS if include_contacts else []),
        (_("Last updated"), "#date+reported"),
        (_("Version"), "#meta+version"),
    ]
    return [(str(header), tag) for header, tag in found]


def hxl_rows(
    queryset: QuerySet[Activity],
    *,
    long: bool,
    include_contacts: bool,
    resource: ActivityResource | None = None,
) -> Iterator[list[Any]]:
    """The header row, the hashtag row, then the activities (WIDE) or their countries and
    agencies (LONG).

    `resource` reads the rows: today's by default, or a past state's
    (activities.as_of.PastActivityResource), with the same columns."""
    layout = columns(long=long, include_contacts=include_contacts)
    yield [header for header, _tag in layout]
    yield [tag for _header, tag in layout]

    # The resource reads the activities, their agencies and tools in a few queries in all.
    resource = resource or ActivityResource(include_contacts=include_contacts)
    type_label = ChoiceWidget(ActivityType).exporter()
    status_label = ChoiceWidget(ActivityStatus).exporter()
    # The guarantees' labels, translated once for the whole file.
    guarantees = {field: str(Guarantee(value).label) for value, field in GUARANTEE_FIELDS.items()}
    for activity in resource.iter_objects(queryset):
        places = resource.place_cells(activity)
        person = activity.focal_point if activity.focal_point_id else None
        names = activity.export_names
        guaranteed = "; ".join(
            label for field, label in guarantees.items() if getattr(activity, field)
        )
        what = [
            activity.title,
            activity.description,
            type_label(activity.activity_type),
            guaranteed,
            places.themes,
            status_label(activity.status),
            activity.start_date,
            activity.end_date,
        ]
        tail = [names["tools_used"], names["tools_needed"], person.name if person else ""]
        if include_contacts:
            tail += [person.email if person else "", person.phone if person else ""]
        tail += [activity.updated_at, activity.version]
        if not long:
            where = [
                places.codes,
                places.main,
                places.names,
                places.region,
                places.subdivision_codes,
                places.subdivisions,
            ]
            head = [activity.reference, places.scope, *where, *what]
            yield [*head, *(names[role] for role in ROLE_TAGS), *tail]
            continue
        # The role as its code (lead, co-lead, partner, funder): the same in every language.
        links = [(a, str(role)) for role in ROLE_TAGS for a in split_list(names[role])]
        by_country = resource.place_writer.by_country(activity, activity.places, activity.countries)
        for code, name, region, subdivision_codes, subdivisions in by_country:
            where = [code, places.main, name, region, subdivision_codes, subdivisions]
            head = [activity.reference, places.scope, *where, *what]
            for acronym, role in links or [("", "")]:
                yield [*head, acronym, role, *tail]
