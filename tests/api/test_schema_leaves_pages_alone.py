"""Generating the API's schema reads the pages' own filter sets: it must leave their shared
classes as declared, or every visitor's filter menus change until the server restarts
("---------" instead of "all", Django's slow widget, choices frozen)."""

import django_filters
import pytest
from django.urls import reverse

from tests.factories import make_agency

pytestmark = pytest.mark.django_db


def every_filter_set() -> list[type]:
    found, todo = [], [django_filters.FilterSet]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_the_matrix_filters_read_all_after_the_schema_is_read(client):
    client.get("/map/")
    assert client.get(reverse("api:schema")).status_code == 200
    page = client.get("/matrix/").content.decode()
    # QuickSelect writes its attributes in order; Django's widget writes name first.
    assert '<select id="id_status" name="status">' in page
    assert "---------" not in page
    assert ">all</option>" in page


def test_the_filter_choices_follow_the_database_after_the_schema_is_read(client):
    client.get(reverse("api:schema"))
    make_agency("NEWAG")
    assert 'value="NEWAG"' in client.get("/matrix/").content.decode()


def test_no_shared_filter_keeps_a_form_field_after_the_schema_and_docs(client):
    client.get(reverse("api:schema"))
    client.get(reverse("api:docs"))
    for path in ("/matrix/", "/map/", "/grid/", "/funding/", "/catalogues/tools/"):
        client.get(path)
    kept = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in every_filter_set()
        for name, item in getattr(cls, "base_filters", {}).items()
        if "_field" in vars(item)
    ]
    assert kept == []
