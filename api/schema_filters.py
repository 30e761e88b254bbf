"""The schema's filter parameters say their bounds (a year from 1990 to 2100), that an empty
value means no filter, and which values name things in the data, so that a client knows what
the API will refuse before sending it."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension

# Filters whose values name things in the data (an agency's acronym, a country code, a
# place's ISO 3166-2 code, a theme's or an indicator's code, a period): the schema cannot list
# what the database holds, and a value naming nothing is a 400 naming the parameter
# (tests/api/test_schema_conformance.py holds the API to exactly this).
NAMES_DATA = frozenset(
    {"agency", "partner", "owner", "country", "subdivision", "theme", "indicator", "period"}
)


class BoundedFilterExtension(DjangoFilterExtension):
    target_class = "api.filters.PageFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        # drf-spectacular reads `filter_field.field` of choice filters, which builds the form
        # field and keeps it on the filter. Given the filter set's class-level filter, that
        # form field would then be copied into every page's filter set, frozen: the pages'
        # own placeholder ("all"), widget and fresh choices set in FilterSet.__init__ would be
        # ignored until a restart. A copy keeps the shared class as it was declared.
        filter_field = copy.deepcopy(filter_field)
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        bounds = {"minimum": "min_value", "maximum": "max_value"}
        for parameter in parameters:
            if issubclass(filter_field.field_class, forms.IntegerField):
                # A year filter on a date field (?started=2012) reads a number, whatever the
                # model field it looks at (drf-spectacular would say "date").
                parameter["schema"] = {"type": "integer"}
            if parameter["name"] in NAMES_DATA:
                # Not every ISO code or acronym is in the hub: no list that would promise so.
                parameter["schema"].pop("enum", None)
                parameter["schema"].get("items", {}).pop("enum", None)
                described = str(parameter.get("description", "")).rstrip(".")
                unknown = str(_("A value the hub does not know is a 400."))
                parameter["description"] = f"{described}. {unknown}" if described else unknown
            # ?status= (empty) means "any status", as an empty select does on the pages.
            parameter["allowEmptyValue"] = True
            for key, extra in bounds.items():
                if extra in filter_field.extra:
                    parameter["schema"][key] = filter_field.extra[extra]
        return parameters
