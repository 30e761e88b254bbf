from typing import Any

from api.serializers import ContributionSerializer
from api.views.base import HubViewSet
from funding.filters import ContributionFilterSet
from funding.models import Contribution


class ContributionViewSet(HubViewSet):
    """Partners' contributions, with the funding page's filters. Amounts and currencies come
    only with a token whose owner may see them (coalition members and the secretariat)."""

    serializer_class = ContributionSerializer
    filterset_class = ContributionFilterSet
    queryset = (
        Contribution.objects.select_related("partner")
        .prefetch_related("countries")
        .order_by("-start_year", "partner__acronym", "pk")
    )
    lookup_value_regex = "[0-9]+"

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["show_amounts"] = self.request.user.has_perm("funding.see_amounts")
        return context
