import pytest

from tests.overview.test_map_data import populate

pytestmark = pytest.mark.django_db

# Countries, agencies, running this year, deliverables due; for the map: country codes,
# agency acronyms, each country's own and listed activities (two tallies) and lead agencies;
# beyond one country (overview.map_places): activities per scope and region, the regional
# and global ones listed (none here, so not the countries they name); the results: the
# people newly covered indicator, its latest approved values, the countries with a new law
# this year.
FRONT_PAGE_QUERIES = 14


@pytest.mark.parametrize("size", [3, 60])
def test_it_costs_the_same_queries_for_3_or_60_activities(client, django_assert_num_queries, size):
    populate(size)
    with django_assert_num_queries(FRONT_PAGE_QUERIES):
        assert client.get("/").status_code == 200
