"""The catalogues, with the catalogue pages' own filter sets."""

from activities.models import Tool
from api.serializers import (
    DataSetSerializer,
    GlobalProcessSerializer,
    OutreachMaterialSerializer,
    ToolSerializer,
)
from api.views.base import HubViewSet
from catalogues.filters import (
    DataSetFilterSet,
    GlobalProcessFilterSet,
    OutreachFilterSet,
    ToolFilterSet,
)
from catalogues.models import DataSet, GlobalProcess, OutreachMaterial


class ToolViewSet(HubViewSet):
    """SPF tools, with the countries where the matrix's activities use them."""

    serializer_class = ToolSerializer
    filterset_class = ToolFilterSet
    queryset = Tool.objects.select_related("owner").order_by("name")
    lookup_value_regex = "[0-9]+"


class DataSetViewSet(HubViewSet):
    """Data sets and indicators: owner, definition, coverage, how to connect."""

    serializer_class = DataSetSerializer
    filterset_class = DataSetFilterSet
    queryset = DataSet.objects.select_related("owner").order_by("name")
    lookup_value_regex = "[0-9]+"


class GlobalProcessViewSet(HubViewSet):
    """Global processes and events where the coalition can add its input."""

    serializer_class = GlobalProcessSerializer
    filterset_class = GlobalProcessFilterSet
    queryset = GlobalProcess.objects.prefetch_related("agencies").order_by("starts_on", "pk")
    lookup_value_regex = "[0-9]+"


class OutreachMaterialViewSet(HubViewSet):
    """Outreach material for civil society and others, by audience, format and language."""

    serializer_class = OutreachMaterialSerializer
    filterset_class = OutreachFilterSet
    queryset = (
        OutreachMaterial.objects.select_related("owner")
        .prefetch_related("countries")
        .order_by("title", "pk")
    )
    lookup_value_regex = "[0-9]+"
