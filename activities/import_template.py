"""The import template: an XLSX that a member fills in Excel and uploads to the import.

The first sheet has the import's columns (the export's headers, reference first) and no
rows: an example row would be imported as a real activity the day someone forgets to
delete it. Cells offer drop-down lists (Excel data validation) of statuses, types,
yes/no, agency acronyms, country codes and tools. Lists longer than Excel's 255-character
limit for inline lists are read from ranges of a hidden "Lists" sheet, so all of them
are. An "Instructions" sheet explains each column.

Data validation needs openpyxl's normal (not write-only) mode: fine for a small file.
"""

import io
from typing import Any

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from activities.exports import resource_notes
from activities.models import ActivityStatus, ActivityType, Tool
from activities.resources import ActivityResource
from agencies.models import Agency
from countries.models import Country

# The import's columns: the export's, in its order, less those the import does not read
# (the country's name, the phone, the last-updated stamp). The focal point's email is not
# imported either, but it tells two people of the same name apart.
NOT_IMPORTED = ("country", "focal_point_phone", "updated_at", "version")
TEMPLATE_FIELDS = tuple(
    field for field in ActivityResource._meta.fields if field not in NOT_IMPORTED
)
# Rows of the data sheet that offer the drop-down lists.
TEMPLATE_ROWS = 5000
LISTS_SHEET = "Lists"
# Columns whose cell holds several names ("ILO; WHO"): the list helps, but other text is
# allowed after a warning.
SEVERAL_NAMES = {"co_lead_agencies", "partner_agencies", "funder_agencies"}
SEVERAL_NAMES |= {"tools_used", "tools_needed"}
YES_NO_FIELDS = ("covers_health", "covers_children", "covers_working_age", "covers_older_persons")


def template_lists() -> dict[str, list[str]]:
    """The values of each drop-down list, by name (the current language's labels)."""
    countries = sorted(country.alpha3 for country in Country.objects.all())
    return {
        "type": [str(label) for label in ActivityType.labels],
        "status": [str(label) for label in ActivityStatus.labels],
        "yes_no": [gettext("yes"), gettext("no")],
        "agency": list(Agency.objects.order_by("acronym").values_list("acronym", flat=True)),
        "country": countries,
        "tool": list(Tool.objects.order_by("name").values_list("name", flat=True)),
    }


# The list each column offers.
FIELD_LISTS = {
    "country_code": "country",
    "activity_type": "type",
    "status": "status",
    **dict.fromkeys(YES_NO_FIELDS, "yes_no"),
    "lead_agency": "agency",
    "co_lead_agencies": "agency",
    "partner_agencies": "agency",
    "funder_agencies": "agency",
    "tools_used": "tool",
    "tools_needed": "tool",
}


def write_lists(sheet: Worksheet, lists: dict[str, list[str]]) -> dict[str, str]:
    """One column per list on the hidden sheet; returns each list's absolute range."""
    ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
        if values:
            last = len(values) + 1
            ranges[name] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${last}"
    sheet.sheet_state = "hidden"
    return ranges


def validation(field: str, source: str, header: str) -> DataValidation:
    several = field in SEVERAL_NAMES
    check = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        # "warning" lets a person keep "ILO; WHO" in a column of several names.
        errorStyle="warning" if several else "stop",
        errorTitle=header,
        error=gettext("Pick a value from the list.")
        if not several
        else gettext("Not in the list: separate several names with semicolons."),
    )
    return check


def write_data_sheet(sheet: Worksheet, headers: list[str], ranges: dict[str, str]) -> None:
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column, value=header)
        cell.font = bold
        sheet.column_dimensions[get_column_letter(column)].width = max(12, min(len(header) + 4, 40))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"
    for column, field in enumerate(TEMPLATE_FIELDS, start=1):
        name = FIELD_LISTS.get(field)
        if name is None or name not in ranges:
            continue
        check = validation(field, ranges[name], headers[column - 1])
        letter = get_column_letter(column)
        check.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
        sheet.add_data_validation(check)


def write_instructions(sheet: Worksheet, notes: list[Any]) -> None:
    intro = [
        gettext("How to fill in this template"),
        gettext(
            "One row per activity on the first sheet. Leave Reference empty for a new "
            "activity; keep it to update one (download the matrix to get the references)."
        ),
        gettext(
            "Cells with a list offer the hub's values. Several agencies or tools go in one "
            "cell, separated by semicolons. Dates as dates (or YYYY-MM-DD)."
        ),
        "",
    ]
    for row, text in enumerate(intro, start=1):
        sheet.cell(row=row, column=1, value=text)
    sheet["A1"].font = Font(bold=True, size=13)
    first = len(intro) + 1
    bold, top = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    titles = [gettext("Column"), gettext("What it holds"), gettext("Allowed values")]
    for column, title in enumerate(titles, start=1):
        sheet.cell(row=first, column=column, value=title).font = bold
    for row, note in enumerate(notes, start=first + 1):
        for column, text in enumerate((note.header, note.meaning, note.allowed), start=1):
            sheet.cell(row=row, column=column, value=text).alignment = top
    for letter, width in zip("ABC", (28, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width


def import_template_xlsx() -> bytes:
    """The import template as XLSX bytes, in the current language."""
    resource = ActivityResource(include_contacts=True)
    notes = resource_notes(resource)
    headers = [str(resource.fields[field].column_name) for field in TEMPLATE_FIELDS]
    workbook = Workbook()
    data = workbook.active
    data.title = gettext("SPF activities")[:31]
    instructions = workbook.create_sheet(gettext("Instructions")[:31])
    ranges = write_lists(workbook.create_sheet(LISTS_SHEET), template_lists())
    write_data_sheet(data, headers, ranges)
    write_instructions(instructions, [notes[field] for field in TEMPLATE_FIELDS])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
