"""Schemathesis against the schema the app serves, through the WSGI app (no network):
every operation, with generated and hostile parameters, with and without a token. Every
default check runs: no 500, and every answer matches the schema (status code, content type,
body, headers, formats such as `uri` and `date`); schema-breaking input is refused with a
4xx, and schema-valid input is accepted.

One excuse, said here and in the parameters' descriptions: a filter value that names a
thing in the data (an agency's acronym, a country code) is a string in the schema, which
cannot list what the database holds; one that names nothing is a 400 naming the parameter.
Any other 400 to a schema-valid request fails the run."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.schema_filters import NAMES_DATA
from api.tokens import issue

# Loaded once at collection, from the app itself (the schema view reads no database).
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


def accepts_valid_data(ctx, response, case):
    """Schemathesis's positive_data_acceptance, but for a 400 whose every complaint is about
    a parameter naming data, which the request did send."""
    if response.status_code == 400 and case.query:
        complaints = set(response.json())
        if complaints and complaints <= NAMES_DATA & set(case.query):
            return None
    return positive_data_acceptance(ctx, response, case)


CHECKS = {"excluded_checks": [positive_data_acceptance], "additional_checks": [accepts_valid_data]}

HYPOTHESIS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@pytest.fixture
def served(coalition):
    """The coalition, with links as people type them (letters beyond ASCII), and the WSGI app
    kept from closing the test's connection (and its transaction) after each request, as
    Django's test client does."""
    coalition.data_set.url = "https://www.social-protection.org/gimi/Protección?país=Perú"
    coalition.data_set.save()
    coalition.material.url = "https://example.org/dépliant-SPF.pdf"
    coalition.material.save()
    coalition.a.website = "https://www.ilo.org/es/protección"
    coalition.a.save()
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
    case.call_and_validate(**CHECKS)


# With a token, the answers that change are those carrying contact fields.
@pytest.mark.django_db
@schema.include(path_regex="activities|focal-points").parametrize()
@settings(max_examples=5, **HYPOTHESIS)
def test_it_answers_a_token_holder_within_its_schema(case, served, viewer):
    key = issue(viewer)
    case.call_and_validate(headers={"Authorization": f"Token {key}"}, **CHECKS)
