from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from rounds.services import banner_parts_for


def round_banner(request: HttpRequest) -> dict[str, object]:
    """The open rounds asking the user's agencies, for the banner on every page.

    Lazy: the query runs only when a template shows the banner (one query for a logged-in
    user, none for anonymous visitors or for responses that never render base.html).
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"round_parts": ()}
    return {"round_parts": SimpleLazyObject(lambda: banner_parts_for(user))}
