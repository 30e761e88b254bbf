from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _


def not_found(request: HttpRequest) -> JsonResponse:
    """A URL under the API that names nothing: said in JSON, like the API's other 404s."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
