"""Downloads of an agency page's list: the activities it leads, as CSV, XLSX, ODS or HXL.

Every activity an agency takes part in (any role) is the matrix filtered on the agency,
whose own export the page links to.
"""

from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse

from activities.exports import activity_download
from activities.models import Activity, Role
from agencies.models import Agency


def agency_export(request: HttpRequest, acronym: str) -> HttpResponse:
    """The activities the agency page lists under "What it leads", in the page's order."""
    agency = Agency.objects.alias(key=Lower("acronym")).filter(key=acronym.lower()).first()
    if agency is None:
        raise Http404("Unknown agency")
    leads = Activity.objects.with_agency(agency.pk, Role.LEAD).order_by(
        "country__name", "title", "pk"
    )
    slug = "".join(char if char.isalnum() else "-" for char in agency.acronym.lower())
    return activity_download(request, leads, f"spf-{slug}-leads")
