"""The schema's filter parameters say their bounds (a year from 1990 to 2100) and that an
empty value means no filter, so that a client knows what the API will refuse before sending
it."""

import copy

from drf_spectacular.contrib.django_filters import DjangoFilterExtension


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
            # ?status= (empty) means "any status", as an empty select does on the pages.
            parameter["allowEmptyValue"] = True
            for key, extra in bounds.items():
                if extra in filter_field.extra:
                    parameter["schema"][key] = filter_field.extra[extra]
        return parameters
