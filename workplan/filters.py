"""The board's filters (agency, status): in the URL, so a filtered board can be shared."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from workplan.models import Deliverable
from workplan.status import STATUS_CHOICES


class BoardFilter(django_filters.FilterSet):
    agency = django_filters.ChoiceFilter(
        label=_("Responsible agency"), method="filter_agency", empty_label=_("any agency")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("any status")
    )

    class Meta:
        model = Deliverable
        fields: list[str] = []

    def __init__(self, *args, agencies: list[Agency], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Choices read once by the view (one query), not per field render.
        self.filters["agency"].extra["choices"] = [(a.acronym, a.acronym) for a in agencies]
        self._agency_ids = {agency.acronym: agency.pk for agency in agencies}

    def filter_agency(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A subquery, not a join: a join would multiply the step counts of the status.
        links = Deliverable.responsible_agencies.through.objects.filter(
            agency_id=self._agency_ids.get(value)
        )
        return queryset.filter(pk__in=links.values("deliverable_id"))
