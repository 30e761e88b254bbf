import pytest

from tests.factories import Role, make_activity, make_agency, make_country, make_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile():
    agency = make_agency("A&B", name="<b>Agency</b>")
    person = make_focal_point(agency, name="<img src=x onerror=alert(1)>", email="x@example.org")
    return make_activity(
        make_country("VN"),
        {agency: Role.LEAD},
        title="<script>alert('title')</script>",
        description='"><svg onload=alert(2)>',
        focal_point=person,
    )


def test_it_escapes_every_text_of_a_row(client, hostile):
    html = client.get("/matrix/").content.decode()
    assert "<script>alert(" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html


def test_it_escapes_names_in_links_and_contacts(viewer_client, hostile):
    html = viewer_client.get("/matrix/").content.decode()
    assert "<img src=x" not in html
    assert ">A&amp;B</a>" in html
