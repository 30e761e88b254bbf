"""Countries, agencies and their focal points."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from agencies.models import Agency, FocalPoint
from api.filters import AgencyFilter, CountryFilter, FocalPointFilter
from api.serializers import AgencySerializer, CountrySerializer, FocalPointSerializer
from api.views.base import HubViewSet
from countries.models import Country


class CountryViewSet(HubViewSet):
    """Countries and territories where the coalition works (ISO 3166-1), with their ILO
    region. Look one up by its alpha-2 code."""

    serializer_class = CountrySerializer
    filterset_class = CountryFilter
    queryset = Country.objects.order_by("name")
    lookup_field = "code"
    lookup_value_regex = "[A-Z]{2}"


class AgencyViewSet(HubViewSet):
    """Coalition members and partners. Look one up by its acronym (any case)."""

    serializer_class = AgencySerializer
    filterset_class = AgencyFilter
    queryset = Agency.objects.order_by("acronym")
    lookup_field = "acronym"
    lookup_value_regex = r"[^/\x00]+"

    def get_object(self) -> Agency:
        queryset = self.filter_queryset(self.get_queryset())
        agency = get_object_or_404(queryset, acronym__iexact=self.kwargs["acronym"])
        self.check_object_permissions(self.request, agency)
        return agency


class FocalPointViewSet(HubViewSet):
    """Named contacts at an agency, for a country, a region or the global level. Email and
    phone come only with a token whose owner may see contacts."""

    serializer_class = FocalPointSerializer
    filterset_class = FocalPointFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[FocalPoint]:
        return FocalPoint.objects.select_related("agency", "country").order_by("name", "pk")
