from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

import activities.urls
import agencies.urls
import assessments.urls
import reminders.urls
import workplan.urls
from accounts.profile_views import switch_language
from spf_coalition.health import healthz

# The admin says whose it is, in the person's language (Django's says "Django administration").
admin.site.site_header = _("SPF Coalition Hub")
admin.site.site_title = _("SPF Coalition Hub")
admin.site.index_title = _("Administration")


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the static one."""
    return redirect(static("favicon.ico"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    # Probed by load balancers and Docker: database and broker status, no login.
    path("healthz", healthz, name="healthz"),
    # The header's language switch: Django's, also written on a logged-in person's profile.
    path("i18n/setlang/", switch_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Login, logout, password reset and invitations (URL names "login", "logout", ...).
    path("accounts/", include("accounts.urls")),
    # A country's and an agency's pages list activities, so the activities app draws them;
    # each namespace joins them to the other pages about them (assessments, focal points),
    # which come first: the pages' "<code>/" and "<acronym>/" would catch them.
    path(
        "countries/",
        include((assessments.urls.urlpatterns + activities.urls.country_pages, "countries")),
    ),
    path(
        "agencies/",
        include((agencies.urls.urlpatterns + activities.urls.agency_pages, "agencies")),
    ),
    path(
        "workplan/",
        include((workplan.urls.urlpatterns + reminders.urls.urlpatterns, "workplan")),
    ),
    path("results/", include("results.urls")),
    path("rounds/", include("rounds.urls")),
    path("import/", include("imports.urls")),
    path("follows/", include("follows.urls")),
    path("funding/", include("funding.urls")),
    path("catalogues/", include("catalogues.urls")),
    path("decisions/", include("decisions.urls")),
    path("results/data/", include("results.download_urls")),
    path("api/", include("api.urls")),
    path("", include("overview.urls")),
    path("", include("activities.urls")),
]

if settings.DEBUG:
    # Not as `static`: that name is the template helper favicon() calls above.
    from django.conf.urls.static import static as static_patterns

    urlpatterns += static_patterns(settings.STATIC_URL, document_root=settings.STATIC_ROOT)
