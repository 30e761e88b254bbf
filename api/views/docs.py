"""The API's interactive docs (Swagger UI from drf-spectacular-sidecar, served by the app):
a page of our own whose styles and start-up script are static files, so that the
Content-Security-Policy holds without 'unsafe-inline' (drf-spectacular's page writes a
<style> element, which the policy refuses)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

SWAGGER = "drf_spectacular_sidecar/swagger-ui-dist/"


def docs(request: HttpRequest) -> HttpResponse:
    context = {
        "schema_url": reverse("api:schema"),
        "swagger_css": static(f"{SWAGGER}swagger-ui.css"),
        "swagger_bundle": static(f"{SWAGGER}swagger-ui-bundle.js"),
        "swagger_standalone": static(f"{SWAGGER}swagger-ui-standalone-preset.js"),
        "favicon": static(f"{SWAGGER}favicon-32x32.png"),
    }
    return render(request, "api/docs.html", context)
