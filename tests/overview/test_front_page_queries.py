import pytest

from tests.overview.test_map_data import populate

pytestmark = pytest.mark.django_db

# Countries, agencies, running this year, deliverables due; for the map: country codes,
# agency acronyms, counts and lead agencies per country; the results: the people newly
# covered indicator, its latest approved values, the countries with a new law this year.
FRONT_PAGE_QUERIES = 11


@pytest.mark.parametrize("size", [3, 60])
def test_it_costs_the_same_queries_for_3_or_60_activities(client, django_assert_num_queries, size):
    populate(size)
    with django_assert_num_queries(FRONT_PAGE_QUERIES):
        assert client.get("/").status_code == 200
