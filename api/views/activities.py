from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError

from activities.matrix import DEFAULT_SORT, SORTS, ordering
from activities.models import Activity
from api.filters import ApiActivityFilterSet
from api.pagination import ActivityPagination
from api.serializers import ActivitySerializer
from api.views.base import HubViewSet

SORT_PARAMETER = OpenApiParameter(
    "sort",
    enum=list(SORTS),
    default=DEFAULT_SORT,
    description="Order of the rows, as on the matrix page (a leading - reverses it).",
)


# The matrix form's labels ("Hold Ctrl to choose several") say nothing to a program.
COUNTRY_PARAMETER = OpenApiParameter(
    "country",
    type={"type": "array", "items": {"type": "string"}},
    description=(
        "ISO alpha-2 or alpha-3 codes, in any case, repeated or comma-separated: the activities "
        "happening there (each country's own, and the multi-country, regional and global ones "
        "that include it). A country the hub does not know is a 400."
    ),
)
AGENCY_PARAMETER = OpenApiParameter(
    "agency",
    str,
    description=(
        "Agency acronym, in any case (agency_role=lead: as lead only). An agency the hub does "
        "not know is a 400."
    ),
)


@extend_schema_view(
    list=extend_schema(parameters=[SORT_PARAMETER, COUNTRY_PARAMETER, AGENCY_PARAMETER])
)
class ActivityViewSet(HubViewSet):
    """The matrix: one SPF activity, where it happens (its scope, countries, main country,
    region, places inside the countries), its themes, agencies and roles.

    Filters are the matrix page's own (q, agency, agency_role, guarantee, type, status,
    year), with the same meaning, and the places': country (every activity happening in
    it), region, scope, subdivision, theme.
    """

    serializer_class = ActivitySerializer
    filterset_class = ApiActivityFilterSet
    pagination_class = ActivityPagination
    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z0-9_.\-]+"

    def get_queryset(self) -> QuerySet[Activity]:
        sort = self.request.query_params.get("sort", DEFAULT_SORT)
        if sort not in SORTS:
            message = _("Unknown sort %(sort)r: use one of %(sorts)s.") % {
                "sort": sort,
                "sorts": ", ".join(SORTS),
            }
            raise ValidationError({"sort": [message]})
        # Agencies and tools are fetched for the page by api.rows, not prefetched here.
        activities = Activity.objects.for_rows()
        if self.action == "list" and sort in ActivityPagination.COUNTRY_SORTS:
            # The pagination orders these pages itself, without ranking every row's country
            # (building that CASE of 250 countries alone cost a few ms a request).
            return activities
        return activities.order_by(*ordering(sort))
