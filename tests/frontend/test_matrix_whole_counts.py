"""The unfiltered matrix reads its counts from the tallies (activities.country_order,
activities.matrix.paginate), not from a COUNT or a GROUP BY of every activity: the same
rows, the same pages, the same numbers as counting them, whatever wrote the activities."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.models import Count
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities import tallies
from activities.country_order import rows_by_main_country
from activities.filters import ActivityFilterSet
from activities.grid import build_grid
from activities.matrix import SORTS, filtered_activities, paginate
from activities.models import Activity, Role, Scope
from activities.places import set_places
from countries.models import Region
from tests.factories import make_activity, make_agency, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def grouped() -> list[tuple[int | None, int]]:
    """What the paginator counted before the tallies: every activity by its main country."""
    rows = Activity.objects.order_by().values_list("country_id").annotate(n=Count("pk"))
    return sorted(rows, key=str)


def assert_same() -> None:
    assert sorted(rows_by_main_country(), key=str) == grouped()


@pytest.fixture
def places():
    """Rows of every scope: one country, several (with and without a main one), a region
    (listed or whole) and the world."""
    ilo = make_agency("ILO")
    sn, ml = make_country("SN", Region.AFRICA), make_country("ML", Region.AFRICA)
    vn = make_country("VN", Region.ASIA_PACIFIC)
    made = {
        name: make_activity(country, {ilo: Role.LEAD}, title=name)
        for name, country in [
            ("own sn", sn),
            ("own sn 2", sn),
            ("own vn", vn),
            ("pair", sn),
            ("pair without main", sn),
            ("africa", sn),
            ("west africa", sn),
            ("world", vn),
        ]
    }
    set_places(made["pair"], scope=Scope.MULTI_COUNTRY, region="", main=ml, countries=[sn, ml])
    set_places(
        made["pair without main"],
        scope=Scope.MULTI_COUNTRY,
        region="",
        main=None,
        countries=[sn, ml],
    )
    set_places(made["africa"], scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    set_places(
        made["west africa"], scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[ml]
    )
    set_places(made["world"], scope=Scope.GLOBAL, region="", main=None, countries=[])
    return made, (sn, ml, vn)


def test_rows_by_main_country_are_the_group_by_whatever_wrote_them(places):
    made, (sn, ml, vn) = places
    assert tallies.kept()
    assert_same()
    assert dict(rows_by_main_country())[None] == 4  # a pair without main, 2 regional, 1 global

    # Moves between countries and scopes, bulk writes, plain SQL, deletes.
    set_places(made["pair"], scope=Scope.COUNTRY, region="", main=vn, countries=[])
    set_places(made["own sn"], scope=Scope.MULTI_COUNTRY, region="", main=sn, countries=[sn, ml])
    set_places(made["world"], scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    assert_same()
    Activity.objects.bulk_create(
        Activity(country=country, title=f"Bulk {n}", activity_type="advocacy")
        for n, country in enumerate([sn, ml, vn] * 3)
    )
    Activity.objects.filter(country=ml, scope=Scope.COUNTRY).update(country=vn)
    assert_same()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE activities_activity SET country_id = %s WHERE id = %s",
            [ml.pk, made["own sn"].pk],
        )
        cursor.execute(
            "DELETE FROM activities_activitycountry WHERE activity_id = %s", [made["own vn"].pk]
        )
        cursor.execute(
            "DELETE FROM activities_activityagency WHERE activity_id = %s", [made["own vn"].pk]
        )
        cursor.execute("DELETE FROM activities_activity WHERE id = %s", [made["own vn"].pk])
    assert_same()
    made["africa"].delete()
    Activity.objects.filter(country=sn).delete()
    assert_same()
    Activity.objects.all().delete()
    assert rows_by_main_country() == []


def _pages(whole_matrix: bool, sort: str, per_page: int) -> tuple[int, int, list[list[int]]]:
    filterset, activities = filtered_activities(QueryDict(f"sort={sort}"))
    paginator = paginate(filterset, activities, sort, per_page, whole_matrix=whole_matrix)
    pages = [
        [activity.pk for activity in paginator.page(number).object_list]
        for number in paginator.page_range
    ]
    return paginator.count, paginator.num_pages, pages


@pytest.mark.parametrize("sort", list(SORTS))
def test_the_whole_matrix_pages_as_when_counted(places, sort):
    _made, (sn, _ml, _vn) = places
    make_activity(sn, title="Undated", start_date=None)
    for per_page in (2, 3, 50):
        tallied = _pages(True, sort, per_page)
        assert tallied == _pages(False, sort, per_page)
        count, _num_pages, pages = tallied
        assert count == Activity.objects.count() == 9
        # Page after page, the rows in the order of the whole sorted list (country_rank()
        # ranking every row: what the paginators avoid).
        _filterset, activities = filtered_activities(QueryDict(f"sort={sort}"))
        assert [pk for page in pages for pk in page] == list(
            activities.values_list("pk", flat=True)
        )


@pytest.mark.parametrize(
    ("query", "everything"),
    [
        ("", True),
        ("sort=title&page=3", True),
        ("agency_role=lead", True),  # qualifies the agency filter, filters nothing alone
        ("q=&country=&status=&year=", True),
        ("q=+++", True),  # blank words: no search
        ("status=ongoing", False),
        ("q=costing", False),
        ("country=SN", False),
        ("country=SN&country=", False),  # the last value blank, the first one filters
        ("scope=global", False),
        ("year=2012", False),
        ("country=ZZ", False),  # not valid: no rows at all
        ("year=abc", False),
    ],
)
def test_it_knows_when_the_rows_are_every_activity(places, query, everything):
    filterset = ActivityFilterSet(QueryDict(query), queryset=Activity.objects.all())
    assert filterset.selects_everything() is everything
    if everything:
        assert filterset.qs.count() == Activity.objects.count()


def test_the_unfiltered_matrix_counts_no_activity(client, places):
    """The page's counts come from the tallies: no COUNT or GROUP BY over all the rows."""
    with CaptureQueriesContext(connection) as captured:
        for sort in ("country", "title"):
            response = client.get("/matrix/", {"sort": sort})
            assert response.status_code == 200
            assert response.context["page"].paginator.count == 8
    for query in captured.captured_queries:
        sql = query["sql"]
        reads_activities = 'FROM "activities_activity"' in sql
        assert not (reads_activities and ("COUNT(" in sql or "GROUP BY" in sql)) or (
            'NOT ("activities_activity"."scope" = ' in sql  # the few beyond one country
        ), sql
    # Filtered, it counts its rows as before.
    response = client.get("/matrix/", {"country": "SN"})
    assert (
        response.context["page"].paginator.count
        == Activity.objects.covering_any([places[1][0].pk], {Region.AFRICA}).count()
    )


def test_a_past_matrix_is_counted_from_its_records(client, places):
    """?as_of= pages past records: the tallies (today's) are not read for them."""
    _made, (sn, _ml, _vn) = places
    yesterday = timezone.now() - datetime.timedelta(days=1)
    with time_machine.travel(yesterday, tick=False):
        make_activity(sn, title="Older")
    response = client.get("/matrix/", {"as_of": yesterday.date().isoformat()})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1
    assert Activity.objects.count() == 9


@pytest.mark.usefixtures("places")
def test_the_unfiltered_grid_totals_as_when_counted():
    """The grid of every activity takes its rows per country from the tallies too."""
    filterset = ActivityFilterSet(QueryDict(""), queryset=Activity.objects.all())
    codes, acronyms = filterset.country_codes, filterset.agency_acronyms

    def totals(activities) -> list[tuple[str, int, list]]:
        grid = build_grid(activities, QueryDict(""), codes, acronyms)
        return [(row.code, row.total, row.cells) for row in grid.rows]

    tallied = totals(Activity.objects.all())
    # The same rows counted: a filter that keeps every row takes the counting path.
    assert tallied == totals(Activity.objects.filter(pk__isnull=False))
    assert [(code, total) for code, total, _cells in tallied[:3]] == [
        ("ML", 1),  # the pair's main country
        ("SN", 2),
        ("VN", 1),
    ]
