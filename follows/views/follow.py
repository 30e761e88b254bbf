"""Following a country or an agency, from the person's profile page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.profile import ProfilePanel
from agencies.models import Agency
from countries.models import Country
from follows.models import Follow


def back_to_profile() -> HttpResponse:
    return redirect(f"{reverse('profile')}#follows")


def profile_panel(sender: object, *, request: HttpRequest, **kwargs: object) -> ProfilePanel:
    """The profile's section: what the person follows, and what they could follow (a
    receiver of accounts.profile.profile_panels_asked, connected by FollowsConfig.ready)."""
    follows = list(Follow.objects.filter(user=request.user).select_related("country", "agency"))
    countries = {f.country_id for f in follows if f.country_id}
    agencies = {f.agency_id for f in follows if f.agency_id}
    context = {
        "follows": follows,
        "countries": sorted(
            Country.objects.exclude(pk__in=countries), key=lambda country: str(country)
        ),
        "agencies": Agency.objects.exclude(pk__in=agencies).order_by(Lower("acronym")),
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
        return back_to_profile()
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
    return back_to_profile()


@login_required
@require_POST
def unfollow(request: HttpRequest, follow_id: int) -> HttpResponse:
    """Stop following; someone else's follow is not found."""
    found = get_object_or_404(Follow, pk=follow_id, user=request.user)
    name = found.country or found.agency
    found.delete()
    messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
    return back_to_profile()
