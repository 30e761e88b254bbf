"""The catalogues, with the catalogue pages' own filter sets; titles and descriptions in the
reader's language."""

from typing import Any

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError

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
from core.translations import reader_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANG_PARAMETER = OpenApiParameter(
    "lang",
    enum=LANGUAGE_CODES,
    description=(
        "Language of titles and descriptions (default: the Accept-Language header); an entry"
        " with no text in it is given in English."
    ),
)
with_lang = extend_schema_view(
    list=extend_schema(parameters=[LANG_PARAMETER]),
    retrieve=extend_schema(parameters=[LANG_PARAMETER]),
)


class CatalogueViewSet(HubViewSet):
    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["language"] = self.reader_language()
        return context

    def reader_language(self) -> str:
        """?lang=, or the language LocaleMiddleware took from Accept-Language."""
        asked = self.request.query_params.get("lang")
        if asked is None:
            return reader_language(get_language())
        if asked not in LANGUAGE_CODES:
            message = _("Unknown language %(lang)r: use one of %(codes)s.") % {
                "lang": asked,
                "codes": ", ".join(LANGUAGE_CODES),
            }
            raise ValidationError({"lang": [message]})
        return asked


@with_lang
class ToolViewSet(CatalogueViewSet):
    """SPF tools, with the countries where the matrix's activities use them."""

    serializer_class = ToolSerializer
    filterset_class = ToolFilterSet
    queryset = Tool.objects.select_related("owner").order_by("name")
    lookup_value_regex = "[0-9]+"


@with_lang
class DataSetViewSet(CatalogueViewSet):
    """Data sets and indicators: owner, definition, coverage, how to connect."""

    serializer_class = DataSetSerializer
    filterset_class = DataSetFilterSet
    queryset = DataSet.objects.select_related("owner").order_by("name")
    lookup_value_regex = "[0-9]+"


@with_lang
class GlobalProcessViewSet(CatalogueViewSet):
    """Global processes and events where the coalition can add its input."""

    serializer_class = GlobalProcessSerializer
    filterset_class = GlobalProcessFilterSet
    queryset = GlobalProcess.objects.prefetch_related("agencies").order_by("starts_on", "pk")
    lookup_value_regex = "[0-9]+"


@with_lang
class OutreachMaterialViewSet(CatalogueViewSet):
    """Outreach material for civil society and others, by audience, format and language."""

    serializer_class = OutreachMaterialSerializer
    filterset_class = OutreachFilterSet
    queryset = (
        OutreachMaterial.objects.select_related("owner")
        .prefetch_related("countries")
        .order_by("title", "pk")
    )
    lookup_value_regex = "[0-9]+"
