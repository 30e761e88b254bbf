"""Activities in the order of their country's name as the visitor reads it.

Country names are translated by django-countries, not stored: in French "Allemagne" comes
before "Égypte", in English "Egypt" before "Germany". The order is worked out here, on the
name shown in the active language with accents and case folded (filters.country_keys).

The database cannot sort on a name it does not hold, and ranking every row with a CASE of
250 countries costs ~150 ms at 10,000 activities, where an ORDER BY on the stored name cost
~5 ms. So a page sorted by country does not rank every row: CountryOrderPaginator counts
the rows of each country (one GROUP BY, in place of the usual COUNT) and reads only the
countries the page spans. country_rank() ranks every row, for downloads and secondary keys.

The whole matrix (no filter) is not even grouped: its rows per country are read from the
tallies (rows_by_main_country), ~2 ms where the GROUP BY of 100,000 activities took ~30.
"""

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import translation
from django.utils.functional import cached_property

from activities import tallies
from activities.filters import country_keys
from activities.models import Activity, Scope
from activities.tally_models import OwnTally
from countries.models import Country


@functools.cache
def _codes_in_order(language: str) -> tuple[str, ...]:
    keys = country_keys()
    return tuple(sorted(keys, key=lambda code: (keys[code], code)))


def codes_in_order() -> tuple[str, ...]:
    """Every ISO code, ordered by the country's name in the active language."""
    return _codes_in_order(translation.get_language() or "")


def country_rank(field: str = "country__code") -> Case:
    """The place of each row's country in codes_in_order(), to order a queryset by."""
    return _country_rank(translation.get_language() or "", field)


@functools.lru_cache(maxsize=64)
def _country_rank(language: str, field: str) -> Case:
    # Built once per language: 250 WHENs cost a millisecond, on every matrix request. Sharing
    # the expression is safe: Django resolves a copy of it in each query it compiles.
    whens = [When(**{field: code}, then=Value(rank)) for rank, code in enumerate(codes_in_order())]
    return Case(*whens, default=Value(len(whens)), output_field=IntegerField())


def rows_by_main_country() -> list[tuple[int | None, int]]:
    """(main country id, None for none; activities) over every activity: the GROUP BY of
    CountryOrderPaginator for the whole matrix, without reading the activities. One query.

    The one-country activities, nine in ten, are the tallies' own counts (OwnTally,
    kept by the database on every write); the others (several countries, a region, the
    world: activity_shared_country_idx holds their main country) are counted directly.
    """
    if not tallies.kept():
        return list(Activity.objects.order_by().values_list("country_id").annotate(n=Count("pk")))
    own = OwnTally.objects.order_by().values_list("country_id", "activities")
    beyond = (
        Activity.objects.exclude(scope=Scope.COUNTRY)
        .order_by()
        .values("country_id")
        .annotate(n=Count("*"))
        .values_list("country_id", "n")
    )
    found: dict[int | None, int] = defaultdict(int)
    for country_id, n in own.union(beyond, all=True):
        found[country_id] += n
    return [(country_id, n) for country_id, n in found.items() if n]


class CountryOrderPaginator(Paginator):
    """Pages of activities ordered by country name (see the module), then title.

    `descending` reverses the countries, not the titles within one, like the matrix's
    "-country" sort. Costs the same number of queries as Django's Paginator: the GROUP BY
    takes the place of its COUNT. `country_codes` (id -> ISO code), when the caller has read
    them already (the matrix's filter form), spares the GROUP BY its join with the countries:
    at 10,000 rows that join made it 5 ms instead of 2. `whole_matrix`: the activities are
    every activity (no filter), so their rows per country are read from the tallies
    (rows_by_main_country) instead of grouped.
    """

    def __init__(
        self,
        activities: QuerySet[Activity],
        per_page: int,
        *,
        descending: bool = False,
        country_codes: Mapping[int, str] | None = None,
        whole_matrix: bool = False,
    ) -> None:
        # Ordered by pk only to keep Django's "unordered pages" check quiet: each page is
        # ordered by _rows_of.
        super().__init__(activities.order_by("pk"), per_page)
        self.descending = descending
        self.country_codes = country_codes
        self.whole_matrix = whole_matrix

    @cached_property
    def countries(self) -> list[tuple[int, int]]:
        """(country id, number of rows) of each country with rows, in page order."""
        rows = self.object_list.order_by()
        if self.whole_matrix:
            codes = self.country_codes
            if codes is None:
                codes = dict(Country.objects.values_list("pk", "code"))
            counts = [(pk, codes.get(pk, ""), n) for pk, n in rows_by_main_country()]
        elif self.country_codes is None:
            counts = rows.values_list("country_id", "country__code").annotate(n=Count("pk"))
        else:
            codes = self.country_codes
            counts = [
                (pk, codes.get(pk, ""), n)
                for pk, n in rows.values_list("country_id").annotate(n=Count("pk"))
            ]
        rank = {code: place for place, code in enumerate(codes_in_order())}
        ordered = sorted(counts, key=lambda row: rank.get(row[1], len(rank)))
        if self.descending:
            ordered.reverse()
        return [(country_id, n) for country_id, _code, n in ordered]

    @cached_property
    def count(self) -> int:
        return sum(n for _country_id, n in self.countries)

    def page(self, number: int | str) -> Page:
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        end = start + self.per_page
        spanned, before, seen = [], 0, 0
        for country_id, n in self.countries:
            if seen + n > start and seen < end:
                if not spanned:
                    before = seen  # rows of the countries before the first one shown
                spanned.append(country_id)
            seen += n
        rows = self._rows_of(spanned)[start - before : end - before] if spanned else []
        return self._get_page(rows, number, self)

    def _rows_of(self, countries: Sequence[int | None]) -> QuerySet[Activity]:
        # None: the rows without a main country (a region's, the world's, some of several
        # countries), after every country (before them, descending).
        if len(countries) == 1:
            # Most pages lie within one country: its rows are read in the order of
            # activity_country_title_idx, 50 of them, instead of all sorted by a CASE.
            (pk,) = countries
            return self.object_list.filter(country_id=pk).order_by("title", "pk")
        order = Case(
            *(
                When(country_id__isnull=True, then=Value(place))
                if pk is None
                else When(country_id=pk, then=Value(place))
                for place, pk in enumerate(countries)
            ),
            output_field=IntegerField(),
        )
        named = Q(country_id__in=[pk for pk in countries if pk is not None])
        if None in countries:
            named |= Q(country_id__isnull=True)
        return self.object_list.filter(named).order_by(order, "title", "pk")
