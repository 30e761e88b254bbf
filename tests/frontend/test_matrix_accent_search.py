"""Search ignores accents and case, in the data and in what is typed (PostgreSQL's unaccent)."""

import pytest

from activities.models import Role
from tests.factories import make_activity, make_agency, make_country
from tests.frontend.conftest import shown

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def spanish(db):
    oit = make_agency("OIT", name="Organización Internacional del Trabajo")
    return make_activity(
        make_country("PE", region="americas"),
        {oit: Role.LEAD},
        title="Pensión universal",
        description="Sécurité sociale des travailleurs",
    )


@pytest.mark.parametrize(
    "q",
    [
        "pension",  # accent in the title, none typed
        "PENSIÓN",  # accent typed, another case
        "securite",  # accents in the description
        "organizacion",  # accent in the agency's name
    ],
)
def test_it_finds_a_word_whatever_its_accents_and_case(client, spanish, q):
    assert shown(client.get("/matrix/", {"q": q})) == {spanish.reference}


def test_it_still_needs_every_word(client, spanish):
    assert shown(client.get("/matrix/", {"q": "pension inexistant"})) == set()
