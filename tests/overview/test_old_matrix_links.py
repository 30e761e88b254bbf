import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "country=VN&status=ongoing",
        "agency=ILO&agency_role=lead",
        "q=pensions",
        "page=2",
        "sort=title",
    ],
)
def test_it_sends_an_old_matrix_link_to_the_matrix_with_its_query(client, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 301
    assert response["Location"] == f"/matrix/?{query}"


def test_it_keeps_the_front_page_for_other_parameters(client):
    response = client.get("/", {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert "figures" in response.context
