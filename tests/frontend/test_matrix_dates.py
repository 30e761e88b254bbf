"""Dates in the matrix follow the language's own format (Django's localized formats)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [
        ("en", "January 2012", "June 2013"),
        ("fr", "janvier 2012", "juin 2013"),
        ("es", "enero de 2012", "junio de 2013"),
    ],
)
def test_it_writes_months_as_the_language_does(client, world, language, start, end):
    html = client.get("/matrix/", {"country": "VN"}, headers={"accept-language": language}).content
    dash = "\N{EN DASH}"
    assert (
        f'<span class="date">{start} {dash}</span> <span class="date">{end}</span>' in html.decode()
    )
