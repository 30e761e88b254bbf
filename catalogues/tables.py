"""Each catalogue as a table: rows for the page and the downloads alike.

Downloads carry the titles and descriptions in the reader's language (English where an entry
has none in it), like their column headers: one file reads in one language."""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from activities.models import Activity, Tool
from catalogues.models import DataSet, GlobalProcess, OutreachMaterial
from core.languages import language_names
from core.names import sorted_by_name
from core.spreadsheets.cells import Row
from core.translations import translated
from countries.models import Country


def countries_using(tools: list[Tool]) -> dict[int, list[Country]]:
    """The countries where each tool is used, derived from the activities that use it (one
    query for all the tools listed)."""
    links = (
        Activity.tools_used.through.objects.filter(tool_id__in=[tool.pk for tool in tools])
        .values_list("tool_id", "activity__country_id")
        .distinct()
    )
    country_ids: dict[int, set[int]] = defaultdict(set)
    for tool_id, country_id in links:
        country_ids[tool_id].add(country_id)
    wanted = set().union(*country_ids.values()) if country_ids else set()
    countries = {country.pk: country for country in Country.objects.filter(pk__in=wanted)}
    return {
        tool_id: sorted_by_name(countries[pk] for pk in ids) for tool_id, ids in country_ids.items()
    }


def with_countries(tools: QuerySet[Tool]) -> list[Tool]:
    """The tools, each with `countries_used` set."""
    rows = list(tools)
    used = countries_using(rows)
    for tool in rows:
        tool.countries_used = used.get(tool.pk, [])
    return rows


class ToolTable:
    def __init__(self, tools: list[Tool]) -> None:
        self.tools = tools

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Tool"),
            _("Acronym"),
            _("Owner"),
            _("Purpose"),
            _("Languages"),
            _("Link"),
            _("Countries where used"),
        ]
        for tool in self.tools:
            yield [
                translated(tool, "name"),
                tool.acronym,
                tool.owner.acronym if tool.owner else "",
                tool.get_purpose_display(),
                language_names(tool.languages),
                tool.url,
                ", ".join(country.alpha3 for country in tool.countries_used),
            ]


class DataSetTable:
    def __init__(self, data_sets: QuerySet[DataSet]) -> None:
        self.data_sets = data_sets

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Data set or indicator"),
            _("Owner"),
            _("Definition"),
            _("Coverage"),
            _("Updated"),
            _("How to connect"),
            _("Languages"),
            _("Link"),
        ]
        for item in self.data_sets:
            yield [
                translated(item, "name"),
                item.owner.acronym if item.owner else "",
                translated(item, "definition"),
                item.coverage,
                item.get_update_frequency_display(),
                item.get_access_display(),
                language_names(item.languages),
                item.url,
            ]


class GlobalProcessTable:
    def __init__(self, processes: QuerySet[GlobalProcess]) -> None:
        self.processes = processes

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Process or event"),
            _("What"),
            _("From"),
            _("To"),
            _("Where"),
            _("Intervention points"),
            _("Agencies engaged"),
            _("The coalition's input"),
            _("Input deadline"),
        ]
        for item in self.processes:
            yield [
                translated(item, "name"),
                translated(item, "what"),
                item.starts_on,
                item.ends_on,
                item.place,
                item.intervention_points,
                ", ".join(agency.acronym for agency in item.agencies.all()),
                item.coalition_input,
                item.input_deadline,
            ]


class OutreachTable:
    def __init__(self, material: QuerySet[OutreachMaterial]) -> None:
        self.material = material

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Title"),
            _("Audience"),
            _("Format"),
            _("Languages"),
            _("Made by"),
            _("Countries"),
            _("Link"),
        ]
        for item in self.material:
            yield [
                translated(item, "title"),
                item.get_audience_display(),
                item.get_format_display(),
                language_names(item.languages),
                item.owner.acronym if item.owner else "",
                ", ".join(country.alpha3 for country in item.countries.all()),
                item.url,
            ]
