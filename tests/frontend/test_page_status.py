"""Every page for every persona, on the public site."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERSONAS = {"anonymous": "client", "viewer": "viewer_client", "superuser": "superuser_client"}

PAGES = [
    ("activities:matrix", []),
    ("activities:grid", []),
    ("countries:index", []),
    ("countries:detail", ["VN"]),
    ("agencies:index", []),
    ("agencies:detail", ["ILO"]),
    ("login", []),
]

TABLE = [(persona, name, args, 200) for persona in PERSONAS for name, args in PAGES] + [
    (persona, name, args, 404)
    for persona in PERSONAS
    for name, args in [("countries:detail", ["ZZ"]), ("agencies:detail", ["NOPE"])]
]


@pytest.mark.parametrize(("persona", "name", "args", "status"), TABLE)
def test_it_answers_each_persona_on_each_page(request, world, persona, name, args, status):
    client = request.getfixturevalue(PERSONAS[persona])
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    assert b"<html lang=" in response.content
