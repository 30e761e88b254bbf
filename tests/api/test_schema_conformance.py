"""Schemathesis against the schema the app serves, through the WSGI app (no network):
every operation, with generated and hostile parameters, with and without a token. Its
default checks run: no 500, and every answer matches the schema (status code, content type,
body, headers); schema-breaking input is refused with a 4xx."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.config import SchemathesisConfig

# Filter values that name things (a country code, an agency acronym) are checked against
# the data, which a static schema cannot list: "ZZ" is a string as the schema says, and a
# documented 400 naming the parameter. Every other check keeps Schemathesis's defaults.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {"expected-statuses": ["2xx", "400", "401", "404"]},
        }
    }
)
# Loaded once at collection, from the app itself (the schema view reads no database).
schema = schemathesis.openapi.from_wsgi(
    "/api/schema/?format=json", get_wsgi_application(), config=CONFIG
)

HYPOTHESIS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@pytest.fixture
def served(coalition):
    """The coalition, and the WSGI app kept from closing the test's connection (and its
    transaction) after each request, as Django's test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield coalition
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=10, **HYPOTHESIS)
def test_it_answers_every_operation_within_its_schema(case, served):
    case.call_and_validate()


# With a token, the answers that change are those carrying contact fields.
@pytest.mark.django_db
@schema.include(path_regex="activities|focal-points").parametrize()
@settings(max_examples=5, **HYPOTHESIS)
def test_it_answers_a_token_holder_within_its_schema(case, served, viewer):
    key = Token.objects.get_or_create(user=viewer)[0].key
    case.call_and_validate(headers={"Authorization": f"Token {key}"})
