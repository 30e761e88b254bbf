"""A "long" file back to one row per activity: the hub's HXL long download (and any HXL file
written like it) has one row per activity, country and agency, the agency under #org+name
and its role under #meta+role, the country under #country+code (activities.hxl).

Its rows are regrouped before anything else reads them: the rows of one reference become
one activity, each agency going to the column of its role and the countries, their names,
regions and places joined into lists, so the rest of the import sees the WIDE shape it
knows. Rows without a reference (new activities) are grouped when they
follow each other with the same cells. A group whose rows disagree on anything but the
agency and its role is refused, naming the rows and the column: which of the two cells
was meant cannot be guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from activities.hxl import ROLE_TAGS
from activities.models import Role
from activities.resources import ROLE_COLUMNS, ActivityResource
from core.names import choice_keys, name_key
from core.resources import split_list
from imports.columns import SAMPLE_ROWS, tag_parts
from imports.parsing import ImportFileError, Row, Sheet

# The agency columns of one role each: their #org attributes.
ROLE_ATTRIBUTES = {"lead", "prog", "impl", "funder"}


def long_columns(tags: list[str]) -> tuple[int, int] | None:
    """(agency column, role column) of a long file, None for any other file."""
    agency = role = None
    for index, tag in enumerate(tags):
        hashtag, attributes = tag_parts(tag) if tag else ("", set())
        if hashtag == "meta" and "role" in attributes and role is None:
            role = index
        elif hashtag == "org" and not attributes & ROLE_ATTRIBUTES and agency is None:
            agency = index
    return (agency, role) if agency is not None and role is not None else None


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def place_columns(tags: list[str]) -> list[int]:
    """The columns of a long file that change from one country's row to the next: the
    country (not the main one), its name, its region and its places."""
    found = []
    for index, tag in enumerate(tags):
        hashtag, attributes = tag_parts(tag) if tag else ("", set())
        if (hashtag == "country" and "main" not in attributes) or hashtag in ("region", "adm1"):
            found.append(index)
    return found


@dataclass
class Group:
    """The rows of one activity."""

    number: int  # its first row
    cells: list[Any]  # every cell but the agency, the role and the places
    agencies: dict[str, dict[str, None]] = field(
        default_factory=lambda: {role: {} for role in Role.values}
    )
    places: list[dict[str, None]] = field(default_factory=list)  # each place column's values

    def wide(self) -> Row:
        agencies = ("; ".join(self.agencies[r]) for r in Role.values)
        return self.number, [*self.cells, *agencies, *("; ".join(p) for p in self.places)]

    def add_places(self, values: list[Any]) -> None:
        if not self.places:
            self.places = [{} for _value in values]
        for seen, value in zip(self.places, values, strict=True):
            seen.update(dict.fromkeys(split_list(value)))


# Roles as 3W files write them (HXL's #org attributes and their words), besides the hub's.
ROLE_SYNONYMS = {
    "lead agency": Role.LEAD,
    "prog": Role.CO_LEAD,
    "programming": Role.CO_LEAD,
    "impl": Role.PARTNER,
    "implementing": Role.PARTNER,
    "implementing partner": Role.PARTNER,
    "donor": Role.FUNDER,
}


def role_words() -> dict[str, str]:
    """name key of each role (its code, its label in every site language, the words 3W
    files use) -> role."""
    words = {name_key(word): str(role) for word, role in ROLE_SYNONYMS.items()}
    return {**words, **choice_keys(Role.choices)}


def regroup_long(sheet: Sheet) -> Sheet:
    """The sheet itself, or, for a long file, its rows regrouped one per activity."""
    found = long_columns(sheet.tags)
    if found is None:
        return sheet
    agency_at, role_at = found
    places = place_columns(sheet.tags)
    kept = [i for i in range(len(sheet.headers)) if i not in found and i not in places]
    reference_at = next(
        (i for i in kept if tag_parts(sheet.tags[i]) == ("meta", {"id"})),
        None,
    )
    roles = role_words()
    groups: dict[tuple[str, Any], Group] = {}
    previous: tuple[tuple[str, Any], list[Any]] | None = None
    for number, cells in sheet.rows():
        reference = text(cells[reference_at]) if reference_at is not None else ""
        others = [cells[index] for index in kept]
        if reference:
            key: tuple[str, Any] = ("ref", reference)
        elif previous and previous[0][0] == "new" and previous[1] == others:
            key = previous[0]  # a new activity written over several rows, one per agency
        else:
            key = ("new", number)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(number, others)
        elif group.cells != others:
            refuse_disagreement(sheet, kept, group, number, others, reference)
        add_agency(group, number, text(cells[agency_at]), text(cells[role_at]), roles)
        group.add_places([cells[index] for index in places])
        previous = (key, others)
    resource_headers = {
        name: str(field.column_name) for name, field in ActivityResource().fields.items()
    }
    headers = [sheet.headers[i] for i in kept] + [resource_headers[c] for c in ROLE_COLUMNS]
    headers += [sheet.headers[i] for i in places]
    tags = [sheet.tags[i] for i in kept] + [tag for _header, tag in ROLE_TAGS.values()]
    tags += [sheet.tags[i] for i in places]
    rows = iter([group.wide() for group in groups.values()])
    head = [row for _index, row in zip(range(SAMPLE_ROWS), rows, strict=False)]
    return Sheet(headers, tags, head, rows, len(groups), sheet.name, sheet.sheets)


def add_agency(group: Group, number: int, agency: str, written: str, roles: dict) -> None:
    if not agency:
        return
    role = roles.get(name_key(written))
    if role is None:
        raise ImportFileError(
            _(
                "Row %(row)s: “%(role)s” is not a role. In a file with one row per agency, "
                "the Role column says lead, co-lead, partner or funder."
            )
            % {"row": number, "role": written}
        )
    group.agencies[role][agency] = None


def refuse_disagreement(
    sheet: Sheet, kept: list[int], group: Group, number: int, others: list[Any], reference: str
) -> None:
    column = next(
        (
            sheet.headers[kept[i]] or sheet.tags[kept[i]]
            for i, (a, b) in enumerate(zip(group.cells, others, strict=True))
            if a != b
        ),
        "",
    )
    raise ImportFileError(
        _(
            "Rows %(first)s and %(row)s are both %(reference)s but differ in “%(column)s”. "
            "In a file with one row per agency, each activity's other cells must be the same "
            "on all its rows: correct one of them and upload the file again."
        )
        % {"first": group.number, "row": number, "reference": reference, "column": column}
    )
