from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from activities.matrix import filtered_activities
from api.iati import iati_activities, iter_iati_xml

# Activities fetched this many at a time while the file streams.
FETCH_CHUNK = 1000


def iati_export(request: HttpRequest) -> HttpResponse:
    """The matrix rows of the same query string as IATI activity XML 2.03 (public, like the
    matrix: contacts only of the people who agreed to publish them)."""
    filterset, activities = filtered_activities(request.GET)
    if filterset.errors:
        problems = "\n".join(
            f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors
        )
        message = _("Some filters could not be used, so nothing was exported:") + "\n" + problems
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    rows = iati_activities(activities, chunk_size=FETCH_CHUNK)
    response = StreamingHttpResponse(iter_iati_xml(rows), content_type="application/xml")
    filename = f"spf-matrix-{timezone.localdate():%Y-%m-%d}.iati.xml"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
