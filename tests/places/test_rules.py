"""The rules of places (activities.places) and the queries that find activities by place."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from activities.models import Activity, ActivityCountry, Scope, Theme
from activities.places import check_places, country_shares, place_label, set_places, set_themes
from countries.models import Region, Subdivision
from tests.factories import make_activity, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return {
        "sn": make_country("SN", Region.AFRICA),
        "ml": make_country("ML", Region.AFRICA),
        "gh": make_country("GH", Region.AFRICA),
        "vn": make_country("VN", Region.ASIA_PACIFIC),
        "br": make_country("BR", Region.AMERICAS),
    }


def test_a_new_country_comes_with_its_first_level_subdivisions_and_their_spellings(world):
    senegal = Subdivision.objects.filter(country=world["sn"])
    assert senegal.count() == 14
    thies = senegal.get(code="SN-TH")
    assert thies.name == "Thiès"
    assert "Thies" in thies.name_variants.splitlines()
    index = Subdivision.objects.filter(country=world["sn"]).name_index()
    assert index.get("thies") == thies.pk
    assert index.get("SN-TH") == thies.pk


def test_every_rule_says_what_is_wrong_and_where(world):
    sn, ml = world["sn"], world["ml"]
    dakar = Subdivision.objects.get(code="SN-DK")
    hanoi = Subdivision.objects.get(code="VN-HN")

    def errors(**given):
        given.setdefault("region", "")
        given.setdefault("main", None)
        given.setdefault("countries", [])
        return check_places(**given).errors

    assert errors(scope=Scope.COUNTRY, main=sn, subdivisions=[dakar]) == {}
    assert set(errors(scope=Scope.COUNTRY)) == {"country"}
    assert "Mali" in errors(scope=Scope.COUNTRY, main=sn, countries=[ml])["countries"]
    # Several countries with one is no multi-country activity, the main one counted.
    assert set(errors(scope=Scope.MULTI_COUNTRY, countries=[sn])) == {"countries"}
    assert set(errors(scope=Scope.MULTI_COUNTRY, main=sn, countries=[sn])) == {"countries"}
    assert errors(scope=Scope.MULTI_COUNTRY, main=sn, countries=[ml]) == {}
    assert set(errors(scope=Scope.REGIONAL)) == {"region"}
    assert set(errors(scope=Scope.REGIONAL, region=Region.AFRICA, main=sn)) == {"country"}
    assert set(errors(scope=Scope.GLOBAL, countries=[sn])) == {"countries"}
    assert set(errors(scope=Scope.GLOBAL, region=Region.AFRICA)) == {"region"}
    assert set(errors(scope="everywhere")) == {"scope"}
    # A place in a country the activity does not cover, named with its country.
    stray = errors(scope=Scope.MULTI_COUNTRY, countries=[sn, ml], subdivisions=[dakar, hanoi])
    assert set(stray) == {"subdivisions"}
    assert "Hà Nội" in stray["subdivisions"] and "Dakar" not in stray["subdivisions"]


def test_countries_outside_the_region_are_a_warning_and_the_save_goes_through(world):
    check = check_places(
        scope=Scope.REGIONAL,
        region=Region.AFRICA,
        main=None,
        countries=[world["sn"], world["vn"]],
    )
    assert check.errors == {}
    assert len(check.warnings) == 1 and "Viet Nam" in check.warnings[0]
    assert "Senegal" not in check.warnings[0]
    activity = make_activity(world["sn"])
    check = set_places(
        activity,
        scope=Scope.REGIONAL,
        region=Region.AFRICA,
        main=None,
        countries=[world["sn"], world["vn"]],
    )
    activity.refresh_from_db()
    assert (activity.scope, activity.region, activity.country_id) == ("regional", "africa", None)
    assert set(activity.countries.all()) == {world["sn"], world["vn"]}
    assert check.warnings


def test_a_refused_place_changes_nothing(world):
    activity = make_activity(world["sn"])
    version = Activity.objects.get(pk=activity.pk).version
    with pytest.raises(ValidationError) as refused:
        set_places(activity, scope=Scope.MULTI_COUNTRY, region="", main=world["sn"], countries=[])
    assert "countries" in refused.value.message_dict
    activity = Activity.objects.get(pk=activity.pk)
    assert (activity.scope, activity.version) == ("country", version)
    assert list(activity.countries.all()) == [world["sn"]]


def test_the_links_keep_their_history(world):
    activity = make_activity(world["sn"])
    dakar = Subdivision.objects.get(code="SN-DK")
    set_places(
        activity,
        scope=Scope.MULTI_COUNTRY,
        region="",
        main=world["sn"],
        countries=[world["ml"]],
        subdivisions=[dakar],
    )
    set_places(activity, scope=Scope.COUNTRY, region="", main=world["ml"], countries=[])
    history = ActivityCountry.history.filter(activity_id=activity.pk).order_by("history_id")
    assert [(h.history_type, h.country_id) for h in history] == [
        ("+", world["sn"].pk),
        ("+", world["ml"].pk),
        ("-", world["sn"].pk),
    ]
    assert list(activity.countries.all()) == [world["ml"]]
    assert not activity.subdivisions.exists()


def test_themes_are_set_exactly(world):
    activity = make_activity(world["sn"])
    care, gender, financing = (Theme.objects.get(code=c) for c in ("care", "gender", "financing"))
    set_themes(activity, [care, gender])
    set_themes(activity, [gender, financing])
    assert set(activity.themes.all()) == {gender, financing}
    assert list(Activity.objects.with_theme(care)) == []
    assert list(Activity.objects.with_theme(gender)) == [activity]


def test_labels_and_shares(world):
    sn, ml, gh = world["sn"], world["ml"], world["gh"]
    alone = make_activity(sn)
    assert place_label(alone) == "Senegal"
    assert country_shares(alone) == [(sn, Decimal("100.00"))]
    three = make_activity(sn)
    set_places(three, scope=Scope.MULTI_COUNTRY, region="", main=ml, countries=[sn, gh])
    assert place_label(three) == "Mali, Ghana, Senegal"
    shares = country_shares(three)
    assert [c for c, _share in shares] == [ml, gh, sn]
    assert [s for _c, s in shares] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert sum(s for _c, s in shares) == Decimal(100)
    regional = make_activity(sn)
    set_places(regional, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    assert place_label(regional) == "Africa: regional"
    assert country_shares(regional) == []
    everywhere = make_activity(sn)
    set_places(everywhere, scope=Scope.GLOBAL, region="", main=None, countries=[])
    assert place_label(everywhere) == "Global"
    for n in range(1, 12):
        assert sum(s for _c, s in country_shares_of(n)) == Decimal(100)


def country_shares_of(n):
    from activities.places import split_hundred

    return split_hundred(list(range(n)))


def test_finding_activities_by_place(world):
    sn, ml, vn = world["sn"], world["ml"], world["vn"]
    own = make_activity(sn)
    in_mali = make_activity(ml)
    pair = make_activity(sn)
    set_places(pair, scope=Scope.MULTI_COUNTRY, region="", main=None, countries=[sn, ml])
    africa = make_activity(sn)
    set_places(africa, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    west = make_activity(sn)
    set_places(west, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[ml])
    world_wide = make_activity(sn)
    set_places(world_wide, scope=Scope.GLOBAL, region="", main=None, countries=[])
    in_vn = make_activity(vn)

    def found(queryset):
        return set(queryset)

    objects = Activity.objects
    assert found(objects.own_in(sn)) == {own}
    assert found(objects.shared_with(sn)) == {pair, africa, world_wide}
    assert found(objects.covering(sn)) == {own, pair, africa, world_wide}
    assert found(objects.covering(ml)) == {in_mali, pair, africa, west, world_wide}
    assert found(objects.covering(vn)) == {in_vn, world_wide}
    assert found(objects.of_scope(Scope.REGIONAL)) == {africa, west}
    assert found(objects.in_region(Region.AFRICA)) == {own, in_mali, pair, africa, west}
    dakar = Subdivision.objects.get(code="SN-DK")
    set_places(own, scope=Scope.COUNTRY, region="", main=sn, countries=[], subdivisions=[dakar])
    assert found(objects.in_subdivision(dakar)) == {own}


def covering_as_stated(country_ids, regions):
    """The rule of covering_any written as it reads (one OR of four cases), to check that
    the index-friendly union it is asked as answers the same."""
    from django.db.models import Exists, OuterRef, Q

    listed = ActivityCountry.objects.filter(activity=OuterRef("pk"), country__in=country_ids)
    any_listed = ActivityCountry.objects.filter(activity=OuterRef("pk"))
    return Activity.objects.filter(
        Q(scope=Scope.COUNTRY, country__in=country_ids)
        | ~Q(scope=Scope.COUNTRY) & Exists(listed)
        | Q(scope=Scope.REGIONAL, region__in=regions) & ~Exists(any_listed)
        | Q(scope=Scope.GLOBAL)
    )


def test_covering_answers_as_the_rule_reads_even_for_odd_rows(world, django_assert_num_queries):
    sn, ml, gh, vn, br = (world[code] for code in ("sn", "ml", "gh", "vn", "br"))
    make_activity(sn)
    make_activity(ml)
    pair = make_activity(sn)
    set_places(pair, scope=Scope.MULTI_COUNTRY, region="", main=ml, countries=[sn, ml])
    africa = make_activity(sn)
    set_places(africa, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    west = make_activity(sn)
    set_places(west, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[gh])
    asia = make_activity(vn)
    set_places(asia, scope=Scope.REGIONAL, region=Region.ASIA_PACIFIC, main=None, countries=[])
    world_wide = make_activity(sn)
    set_places(world_wide, scope=Scope.GLOBAL, region="", main=None, countries=[])
    # Rows no form writes, which the rule still places: a one-country activity with another
    # country's coverage row (found by its main country only), a global one with a listed
    # country (found once), a one-country activity written in bulk without its row.
    odd = make_activity(br)
    ActivityCountry.objects.create(activity=odd, country=vn)
    listed_global = make_activity(sn)
    set_places(listed_global, scope=Scope.GLOBAL, region="", main=None, countries=[])
    ActivityCountry.objects.create(activity=listed_global, country=sn)
    bare = make_activity(gh)
    ActivityCountry.objects.filter(activity=bare).delete()
    for ids, regions in (
        ([sn.pk], {Region.AFRICA}),
        ([ml.pk], {Region.AFRICA}),
        ([gh.pk], {Region.AFRICA}),
        ([vn.pk], {Region.ASIA_PACIFIC}),
        ([br.pk], {Region.AMERICAS}),
        ([sn.pk, vn.pk], {Region.AFRICA, Region.ASIA_PACIFIC}),
        ([], set()),
    ):
        expected = sorted(covering_as_stated(ids, regions).values_list("pk", flat=True))
        found = list(Activity.objects.covering_any(ids, regions).values_list("pk", flat=True))
        assert sorted(found) == expected
        assert len(found) == len(set(found))  # each activity once
    assert Activity.objects.covering(sn).count() == covering_as_stated([sn.pk], [sn.region]).count()
    # Still a filter like any other: combined, counted and paged in one query each.
    narrowed = Activity.objects.covering(gh).filter(scope=Scope.REGIONAL).order_by("pk")
    assert list(narrowed) == [africa, west]
    with django_assert_num_queries(1):
        assert Activity.objects.covering(vn).exclude(pk=asia.pk).count() == 2
    assert set(Activity.objects.covering(vn)) == {asia, world_wide, listed_global}


def test_the_country_page_lists_the_covering_activities_page_by_page(client, world, settings):
    """The page pages the rule's parts, ids first (covering_ids): the same activities,
    in the same order and count, as the covering() filter; filtered, the filter itself."""
    sn, ml = world["sn"], world["ml"]
    for n in range(3):
        make_activity(sn, title=f"Own {n}")
    make_activity(ml, title="Elsewhere")
    pair = make_activity(sn, title="B pair")
    set_places(pair, scope=Scope.MULTI_COUNTRY, region="", main=None, countries=[sn, ml])
    africa = make_activity(sn, title="A africa")
    set_places(africa, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    west = make_activity(sn, title="C west")
    set_places(west, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[sn])
    everywhere = make_activity(sn, title="B pair")  # the same title: the pk breaks the tie
    set_places(everywhere, scope=Scope.GLOBAL, region="", main=None, countries=[])
    ActivityCountry.objects.create(activity=everywhere, country=sn)  # listed, and global
    settings.SPF_MATRIX_PAGE_SIZE = 3
    expected = list(Activity.objects.covering(sn).order_by("title", "pk"))
    assert len(expected) == 7
    shown = []
    for number in (1, 2, 3):
        response = client.get("/countries/SN/", {"page": number})
        page = response.context["page"]
        assert page.paginator.count == 7
        shown += list(page.object_list)
    assert shown == expected
    shared = client.get("/countries/SN/", {"place": "shared"}).context["page"]
    assert list(shared.object_list) == list(
        Activity.objects.shared_with(sn).order_by("title", "pk")[:3]
    )
    assert shared.paginator.count == Activity.objects.shared_with(sn).count() == 4


def test_rows_written_in_bulk_get_their_country(world):
    from activities.places import cover_main_countries

    made = Activity.objects.bulk_create(
        Activity(country=world["sn"], title=f"Bulk {n}", activity_type="advocacy") for n in range(3)
    )
    assert not ActivityCountry.objects.filter(activity__in=made).exists()
    assert cover_main_countries([a.pk for a in made]) == 3
    assert cover_main_countries([a.pk for a in made]) == 0
    assert {a.countries.get() for a in made} == {world["sn"]}
    assert ActivityCountry.history.filter(activity_id__in=[a.pk for a in made]).count() == 3
