"""django-import-export plumbing shared by the hub's resources.

Every resource speaks in natural keys (acronyms, ISO codes, references), never database
ids, so a spreadsheet exported here can be edited by people and imported back. Export
rows are produced by one list of value getters per resource: django-import-export uses
them for the admin's downloads, and `HubResource.iter_table` feeds them straight to the
fast writers in core.spreadsheets for the front-end downloads. One definition of
the columns, two speeds.
"""

from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext, gettext_lazy
from import_export import resources, widgets
from import_export.fields import Field

from core.names import choice_keys, name_key
from core.spreadsheets.cells import native_cell, restore, text_cell

# Rows fetched per database round trip (with their prefetches) when exporting.
EXPORT_CHUNK = 2000
Getter = Callable[[models.Model], Any]


def split_list(value: Any) -> list[str]:
    """A cell holding several names: semicolons or line breaks separate them."""
    text = str(value or "").replace("\n", ";")
    return [part.strip() for part in text.split(";") if part.strip()]


def join_list(names: Iterable[str]) -> str:
    return "; ".join(names)


class ChoiceWidget(widgets.Widget):
    """A choice shown by its label; imports take the code or the label in any site language."""

    def __init__(self, choices: type[models.TextChoices]) -> None:
        super().__init__(coerce_to_string=True)
        self.choices = choices
        self.labels = dict(choices.choices)
        self._codes: dict[str, str] | None = None

    def export_value(self, value: str) -> str:
        label = self.labels.get(value)
        return str(label) if label is not None else (value or "")

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def exporter(self) -> Callable[[Any], str]:
        """export_value with the labels translated once, for a whole export."""
        labels = {code: str(label) for code, label in self.labels.items()}
        return lambda value: labels.get(value, value or "")

    def codes(self) -> dict[str, str]:
        if self._codes is None:
            self._codes = choice_keys(self.labels.items())
        return self._codes

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip()
        if not text:
            return ""
        code = self.codes().get(name_key(text))
        if code is None:
            choices = ", ".join(str(label) for label in self.labels.values())
            raise ValueError(
                gettext("“%(value)s” is not one of: %(choices)s.")
                % {"value": text, "choices": choices}
            )
        return code


# Words read as yes / no in imports (accents, case and spaces do not matter), besides
# "yes" and "no" in every site language.
YES_WORDS = {"yes", "y", "true", "1", "x", "oui", "si"}
NO_WORDS = {"no", "n", "false", "0", "non", ""}


def yes_no_words() -> tuple[set[str], set[str]]:
    """The name keys read as yes, and those read as no."""
    keys = choice_keys([("yes", gettext_lazy("yes")), ("no", gettext_lazy("no"))])
    yes = YES_WORDS | {key for key, value in keys.items() if value == "yes"}
    no = NO_WORDS | {key for key, value in keys.items() if value == "no"}
    return yes, no


class YesNoWidget(widgets.Widget):
    """A flag as "yes"/"no" in the reader's language."""

    def export_value(self, value: bool) -> str:
        return gettext("yes") if value else gettext("no")

    def exporter(self) -> Callable[[Any], str]:
        yes, no = gettext("yes"), gettext("no")
        return lambda value: yes if value else no

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool:
        if isinstance(value, bool):
            return value
        if getattr(self, "_words", None) is None:
            self._words = yes_no_words()
        yes, no = self._words
        key = name_key(str(value if value is not None else ""))
        if key in yes:
            return True
        if key in no:
            return False
        raise ValueError(gettext("“%(value)s” is neither yes nor no.") % {"value": value})


class LinesWidget(widgets.CharWidget):
    """Text kept one item per line in the database, shown as a semicolon list in a cell."""

    def export_value(self, value: str) -> str:
        return join_list(split_list(value))

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        return "\n".join(split_list(value))


def export_cell(export_kwargs: dict[str, Any]) -> Callable[[Any], Any]:
    """How a value goes into django-import-export's dataset, for the writer that will read it."""
    if export_kwargs.get("hub_writer"):
        return lambda value: value
    return native_cell if export_kwargs.get("force_native_type") else text_cell


class RowDiff(resources.Diff):
    """The import preview, read through the resource's own getters (agency roles included)."""

    def __init__(self, resource: "HubResource", instance: Any, new: bool) -> None:
        self.left = self.read(resource, instance)
        self.right: list = []
        self.new = new

    def compare_with(self, resource: "HubResource", instance: Any) -> None:
        self.right = self.read(resource, instance)

    @staticmethod
    def read(resource: "HubResource", instance: Any) -> list:
        return [resource.export_field(field, instance) for field in resource.get_import_fields()]


class HubResource(resources.ModelResource):
    """A ModelResource with natural keys, contact columns on request and fast rows."""

    #: Columns shown only to people allowed to see contact details.
    contact_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, include_contacts: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.include_contacts = include_contacts
        self._getters: dict[tuple[str, ...], list[Getter]] = {}

    @classmethod
    def get_diff_class(cls) -> type[RowDiff]:
        return RowDiff

    # Export -------------------------------------------------------------------------

    def get_export_fields(self, selected_fields: Any = None) -> list[Field]:
        fields = super().get_export_fields(selected_fields)
        if self.include_contacts:
            return fields
        hidden = [self.fields[name] for name in self.contact_fields]
        return [field for field in fields if not any(field is h for h in hidden)]

    def prepare_export_queryset(self, queryset: models.QuerySet) -> models.QuerySet:
        """Add what the columns read (select_related / prefetch_related); subclasses do."""
        return queryset

    def is_plain_attribute(self, attribute: str | None) -> bool:
        """A column of the model's own table (read directly, the fast way)."""
        if not attribute or "__" in attribute:
            return False
        try:
            return not self._meta.model._meta.get_field(attribute).is_relation
        except FieldDoesNotExist:
            return False

    def value_getter(self, field: Field) -> Getter:
        """A function from a record to the field's value as a plain Python value."""
        dehydrate = field.get_dehydrate_method(self.get_field_name(field))
        method = dehydrate if callable(dehydrate) else getattr(self, dehydrate, None)
        if method is not None:
            return method
        if self.is_plain_attribute(field.attribute):
            get: Getter = attrgetter(field.attribute)
        else:  # import-export's reader copes with missing related rows
            get = field.get_value
        # Our widgets know how to show a value (a label, "yes"); others pass it through.
        # Getters live as long as the resource (one request): translate their words once.
        exporter = getattr(field.widget, "exporter", None)
        show = exporter() if exporter else getattr(field.widget, "export_value", None)
        if show is None:
            return get
        return lambda obj: show(get(obj))

    def getters(self, selected_fields: Any = None) -> list[Getter]:
        key = tuple(selected_fields or ())
        if key not in self._getters:
            fields = self.get_export_fields(selected_fields)
            self._getters[key] = [self.value_getter(field) for field in fields]
        return self._getters[key]

    def export_row(self, obj: models.Model, selected_fields: Any = None) -> list[Any]:
        """The record's cells as plain values: dates stay dates, text is not escaped yet."""
        return [get(obj) for get in self.getters(selected_fields)]

    def iter_objects(self, queryset: models.QuerySet) -> Iterator[models.Model]:
        """The records to export, with what their columns read; a few queries per chunk."""
        return self.prepare_export_queryset(queryset).iterator(chunk_size=EXPORT_CHUNK)

    def iter_queryset(self, queryset: Any) -> Iterator[Any]:
        # import-export's export() reads its records here: same fetching as iter_table.
        if isinstance(queryset, models.QuerySet):
            return self.iter_objects(queryset)
        return iter(queryset)

    def iter_table(self, queryset: models.QuerySet) -> Iterator[list[Any]]:
        """The header row, then one row per record, for core.spreadsheets."""
        yield self.get_export_headers()
        getters = self.getters()
        for obj in self.iter_objects(queryset):
            yield [get(obj) for get in getters]

    # django-import-export's own export path (the admin's downloads) uses the same getters.
    # For the hub's own writers (`hub_writer`, core.import_formats.HubXLSX) the values go
    # as they are, typed by the writer; for django-import-export's writers they are made
    # formula-safe first: guarded text for CSV, guarded strings for its binary formats.
    def export_resource(self, instance: Any, selected_fields: Any = None, **kwargs: Any) -> list:
        cell = export_cell(kwargs)
        return [cell(value) for value in self.export_row(instance, selected_fields)]

    def export_field(self, field: Field, instance: Any, **kwargs: Any) -> Any:
        return export_cell(kwargs)(self.value_getter(field)(instance))

    # Import -------------------------------------------------------------------------

    def header_aliases(self) -> dict[str, str]:
        """Header spellings accepted on import: field names and headers in every language."""
        current = {name: str(field.column_name) for name, field in self.fields.items()}
        pairs = [(name, field.column_name) for name, field in self.fields.items()]
        return {key: current[name] for key, name in choice_keys(pairs).items()}

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        # A file exported in French can be imported by someone working in English.
        aliases = self.header_aliases()
        if dataset.headers:
            dataset.headers = [
                aliases.get(name_key(str(header or "")), header) for header in dataset.headers
            ]

    def before_import_row(self, row: dict, **kwargs: Any) -> None:
        # Cells from our own downloads carry a quote before = + - @: take it off again.
        for key, value in row.items():
            if isinstance(value, str):
                row[key] = restore(value)
