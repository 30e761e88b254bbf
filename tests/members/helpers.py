"""Helpers for the member tests: read a page's form the way a browser would submit it."""

import lxml.html
from django.http import HttpResponse
from django.test import Client


def form_data(response: HttpResponse, xpath: str = '//form[contains(@class, "edit-form")]'):
    """The values the browser would send for the form found by `xpath`, as client.post data."""
    doc = lxml.html.fromstring(response.content.decode())
    form = doc.xpath(xpath)[0]
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def logged_in(user) -> Client:
    """Another browser session, for tests with two people at once."""
    client = Client()
    client.force_login(user)
    return client
