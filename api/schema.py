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


# core.middleware answers 400 to a NUL character in any parameter (PostgreSQL refuses it in
# text): the schema says so, so that a client (and Schemathesis) knows a NUL is invalid input.
NO_NUL = "^[^\\x00]*$"


def refuse_nul_in_text_parameters(result, generator, request, public):
    """drf-spectacular post-processing hook: every free-text parameter (a string, or a list
    of strings, with no enum, format or pattern of its own) gets the pattern that excludes NUL."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                if schema.get("type") == "array":
                    schema = schema.get("items", {})
                if schema.get("type") == "string" and not (
                    {"enum", "format", "pattern"} & schema.keys()
                ):
                    schema["pattern"] = NO_NUL
    return result
