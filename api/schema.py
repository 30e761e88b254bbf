"""The OpenAPI schema says every answer a client can get, errors included, so that a client
(and Schemathesis in the test suite) can rely on it."""

from django.conf import settings
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes

from api.serializers import ErrorDetailSerializer


class HubSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        if self.method != "GET":
            return bodies
        # 401: a wrong or expired token (never a silent anonymous answer).
        bodies.setdefault("401", self._get_response_for_code(ErrorDetailSerializer, "401"))
        # 404: an unknown object, or a page past the end of a list.
        bodies.setdefault("404", self._get_response_for_code(ErrorDetailSerializer, "404"))
        if self._is_list_view() or self.get_override_parameters():
            # 400: {"parameter": ["what is wrong with it"], ...}, for every operation that
            # takes query parameters (lists; the catalogues' details take ?lang).
            bodies.setdefault("400", self._get_response_for_code(OpenApiTypes.OBJECT, "400"))
        return bodies

    def get_auth(self):
        auths = super().get_auth()
        # Tokens are optional on a public site: without one the API answers as to a visitor
        # (no contact fields).
        if not settings.SPF_PRIVATE_SITE and {} not in auths:
            auths.append({})
        return auths
