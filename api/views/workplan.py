"""The workplan's deliverables and their dated steps."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from agencies.models import Agency
from api.filters import DeliverableFilter, StepFilter
from api.serializers import DeliverableSerializer, StepSerializer
from api.views.base import HubViewSet
from workplan.models import Deliverable, Step
from workplan.status import with_status


class DeliverableViewSet(HubViewSet):
    """What each area of a year's workplan delivers, who answers for it, its steps and its
    status as of today. Filters are the workplan board's (agency, status), plus the year."""

    serializer_class = DeliverableSerializer
    filterset_class = DeliverableFilter
    lookup_value_regex = "[0-9]+"

    def filterset_extra_kwargs(self) -> dict[str, Any]:
        return {"agencies": list(Agency.objects.order_by(Lower("acronym")))}

    def get_queryset(self) -> QuerySet[Deliverable]:
        deliverables = with_status(Deliverable.objects.all(), timezone.localdate())
        return (
            deliverables.select_related("area__workplan")
            .prefetch_related(
                "responsible_agencies",
                "contacts",
                Prefetch("steps", queryset=Step.objects.order_by("due_date", "pk")),
            )
            .order_by("-area__workplan__year", "area__number", "pk")
        )


class StepViewSet(HubViewSet):
    """The dated steps of the deliverables."""

    serializer_class = StepSerializer
    filterset_class = StepFilter
    queryset = Step.objects.order_by("due_date", "pk")
    lookup_value_regex = "[0-9]+"
