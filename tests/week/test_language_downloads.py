"""Downloads' headers come in the logged-in person's language."""

import pytest

from tests.factories import Role, make_activity
from tests.week.conftest import log_in

pytestmark = pytest.mark.django_db


def test_it_writes_a_french_member_s_csv_headers_in_french(client, french_member, agency_a):
    make_activity(agencies={agency_a: Role.LEAD}, title="Pension study")
    log_in(client, french_member)
    response = client.get("/export/?format=csv", HTTP_ACCEPT_LANGUAGE="en")
    header = b"".join(response.streaming_content if response.streaming else [response.content])
    first_line = header.decode("utf-8-sig").splitlines()[0]
    assert "Pays" in first_line
    assert "Country" not in first_line
