"""A small coalition for the API tests, and clients that carry a persona's token."""

from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from api.tokens import issue
from tests.api.coalition import build_coalition


@pytest.fixture
def coalition(agency_a, agency_b) -> SimpleNamespace:
    return build_coalition(agency_a, agency_b)


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue(user)}")
    return client


@pytest.fixture
def api_client() -> APIClient:
    """A program without a token: reads what an anonymous visitor reads."""
    return APIClient()


@pytest.fixture
def viewer_api(viewer) -> APIClient:
    return token_client(viewer)


# Token personas for the permission matrix: "bad_token" is a key that matches nobody.
TOKEN_PERSONAS = ("anonymous", "bad_token", "viewer", "member_a", "secretariat", "superuser")


@pytest.fixture
def persona_api(request) -> APIClient:
    name = request.param
    client = APIClient()
    if name == "bad_token":
        client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    elif name != "anonymous":
        client = token_client(request.getfixturevalue(name))
    return client
