from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {"SPF_PRIVATE_SITE": settings.SPF_PRIVATE_SITE}
