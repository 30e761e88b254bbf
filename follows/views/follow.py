"""Following a country or an agency, from the person's profile page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.profile import ProfilePanel
from agencies.models import Agency
from core.names import sorted_by_name
from core.page_actions import PageAction
from countries.models import Country
from follows.models import Follow


def back(request: HttpRequest) -> HttpResponse:
    """To the page the button was on (a country's, an agency's), else the profile."""
    page = request.POST.get("next", "")
    if page and url_has_allowed_host_and_scheme(
        page, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(page)  # never redirect(): it reads a name as a view's
    return redirect(f"{reverse('profile')}#follows")


def page_button(
    sender: object, *, slot: str, obj: object, request: HttpRequest, **kwargs: object
) -> PageAction | None:
    """The Follow button of a country's or an agency's page: whether the person follows it
    already (one query; none for a visitor, who is asked to log in). A receiver of
    core.page_actions.page_actions_asked, connected by FollowsConfig.ready."""
    if slot not in ("country", "agency"):
        return None
    following = None
    if request.user.is_authenticated:
        following = Follow.objects.filter(user=request.user, **{slot: obj}).first()
    return PageAction("follows/_follow_button.html", {"field": slot, "following": following})


def profile_panel(sender: object, *, request: HttpRequest, **kwargs: object) -> ProfilePanel:
    """The profile's section: what the person follows, and what they could follow (a
    receiver of accounts.profile.profile_panels_asked, connected by FollowsConfig.ready)."""
    follows = sorted_by_name(
        Follow.objects.filter(user=request.user).select_related("country", "agency"),
        lambda follow: follow.country or follow.agency,
    )
    countries = {f.country_id for f in follows if f.country_id}
    agencies = {f.agency_id for f in follows if f.agency_id}
    context = {
        "follows": follows,
        "countries": sorted_by_name(Country.objects.exclude(pk__in=countries)),
        "agencies": sorted_by_name(Agency.objects.exclude(pk__in=agencies)),
    }
    return ProfilePanel("follows/_profile_follows.html", context, order=60)


@login_required
@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    """Follow the country (`country`: its id) or the agency (`agency`: its id) posted."""
    country_id, agency_id = request.POST.get("country", ""), request.POST.get("agency", "")
    if country_id.isdigit():
        target = {"country": get_object_or_404(Country, pk=int(country_id))}
    elif agency_id.isdigit():
        target = {"agency": get_object_or_404(Agency, pk=int(agency_id))}
    else:
        messages.error(request, _("Pick a country or an agency to follow."))
        return back(request)
    try:
        with transaction.atomic():
            Follow.objects.create(user=request.user, **target)
    except IntegrityError:
        messages.info(request, _("You already follow it."))
    else:
        name = next(iter(target.values()))
        messages.success(
            request,
            _("You follow %(name)s: a weekly email tells you what changed in its rows.")
            % {"name": name},
        )
    return back(request)


@login_required
@require_POST
def unfollow(request: HttpRequest, follow_id: int) -> HttpResponse:
    """Stop following; someone else's follow is not found."""
    found = get_object_or_404(Follow, pk=follow_id, user=request.user)
    name = found.country or found.agency
    found.delete()
    messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
    return back(request)
