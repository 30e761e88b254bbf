"""Where an activity happens, as IATI says it (the rules: api.iati's docstring), and its
themes: read for a whole file in two queries (plain rows, no model objects: model objects
for 10,000 activities would cost more than the file)."""

from collections import defaultdict

from django.db.models import QuerySet

from activities.models import Activity, ActivityCountry, ActivityTheme, Scope
from activities.places import split_hundred
from core.names import sort_key
from countries.models import Country, Region

# ActivityScope codes.
ACTIVITY_SCOPE = {
    Scope.GLOBAL: "1",
    Scope.REGIONAL: "2",
    Scope.MULTI_COUNTRY: "3",
    Scope.COUNTRY: "4",
}
DAC_REGIONS, OWN_REGIONS = "1", "99"  # RegionVocabulary
# The OECD DAC region that is the same place as an ILO region (see api.iati's docstring).
DAC_REGION = {Region.AFRICA: "298", Region.AMERICAS: "498"}
DAC_UNSPECIFIED = "998"  # Developing countries, unspecified: a global activity


def countries_by_activity(activities: QuerySet[Activity]) -> dict[int, tuple[tuple[str, str], ...]]:
    """Every activity's countries with their shares (the main country first): two queries. A
    regional or global activity has none here (it has a recipient region)."""
    # Each country's code and sort key made once (a few hundred countries): the links are
    # read as ids, a hundred thousand rows of them.
    countries = {
        pk: (sort_key(name), str(code))
        for pk, code, name in Country.objects.values_list("pk", "code", "name")
    }
    found: dict[int, list] = defaultdict(list)
    links = (
        ActivityCountry.objects.filter(activity__in=activities.order_by().values("pk"))
        .exclude(activity__scope__in=[Scope.REGIONAL, Scope.GLOBAL])
        .values_list("activity_id", "activity__country_id", "country_id")
    )
    for activity_id, main_id, country_id in links:
        found[activity_id].append((country_id != main_id, *countries[country_id]))
    # The shares of activities.places.country_shares (split_hundred over the countries, the
    # main one first, then by name), from plain rows: model objects for 10,000 activities
    # would cost more than the file. The shares of n countries are the same for every
    # activity with n countries: worked out once per n.
    shares: dict[int, list[str]] = {}
    covered = {}
    for pk, items in found.items():
        items.sort()
        split = shares.get(len(items))
        if split is None:
            split = shares[len(items)] = [str(share) for _, share in split_hundred(items)]
        covered[pk] = tuple(zip([code for _other, _key, code in items], split, strict=True))
    return covered


def themes_by_activity(activities: QuerySet[Activity]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    links = (
        ActivityTheme.objects.filter(activity__in=activities.order_by().values("pk"))
        .order_by("theme__position", "theme__name")
        .values_list("activity_id", "theme__code")
    )
    for activity_id, code in links:
        found[activity_id].append(code)
    return {pk: tuple(codes) for pk, codes in found.items()}


def recipients(
    scope: str, region: str, countries: tuple[tuple[str, str], ...], region_name: str, uri: str
) -> list[tuple[str, dict[str, str], str]]:
    """(element, attributes, narrative or "") of the recipient-country or recipient-region
    elements (see api.iati's docstring), in the schema's order: countries first."""
    if scope in (Scope.COUNTRY, Scope.MULTI_COUNTRY):
        return [
            ("recipient-country", {"code": c, "percentage": share}, "") for c, share in countries
        ]
    if scope == Scope.GLOBAL:
        attrib = {"code": DAC_UNSPECIFIED, "vocabulary": DAC_REGIONS, "percentage": "100"}
        return [("recipient-region", attrib, "Developing countries, unspecified")]
    found = []
    dac = DAC_REGION.get(region)
    if dac:
        found.append(
            ("recipient-region", {"code": dac, "vocabulary": DAC_REGIONS, "percentage": "100"}, "")
        )
    own = {"code": region, "vocabulary": OWN_REGIONS, "vocabulary-uri": uri, "percentage": "100"}
    found.append(("recipient-region", own, region_name))
    return found
