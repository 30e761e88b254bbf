import pytest

from tests.overview.test_map_data import populate, populate_places

pytestmark = pytest.mark.django_db

# Countries, agencies, running this year, deliverables due; for the map: country codes,
# agency acronyms, each country's own and listed activities (two tallies) and lead agencies;
# beyond one country (overview.map_places): activities per scope and region (a tally), the
# regional and global ones listed (none here: no query, nor for the countries they name);
# the results: the people newly covered indicator, its latest approved values, the
# countries with a new law this year.
FRONT_PAGE_QUERIES = 13


@pytest.mark.parametrize("size", [3, 60])
def test_it_costs_the_same_queries_for_3_or_60_activities(client, django_assert_num_queries, size):
    populate(size)
    with django_assert_num_queries(FRONT_PAGE_QUERIES):
        assert client.get("/").status_code == 200


# With regional and global activities: the first of each panel (one query, from an index),
# and the countries they name.
FRONT_PAGE_QUERIES_WITH_PLACES = FRONT_PAGE_QUERIES + 2


@pytest.mark.parametrize("size", [4, 40])
def test_the_work_beyond_one_country_costs_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    populate_places(size)
    with django_assert_num_queries(FRONT_PAGE_QUERIES_WITH_PLACES):
        assert client.get("/").status_code == 200
