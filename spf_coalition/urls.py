from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from spf_coalition.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    # Probed by load balancers and Docker: database and broker status, no login.
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Login, logout, password reset and invitations (URL names "login", "logout", ...).
    path("accounts/", include("accounts.urls")),
    path("countries/", include("countries.urls")),
    path("agencies/", include("agencies.urls")),
    path("workplan/", include("workplan.urls")),
    path("rounds/", include("rounds.urls")),
    path("import/", include("imports.urls")),
    path("", include("overview.urls")),
    path("", include("activities.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.STATIC_URL, document_root=settings.STATIC_ROOT)
