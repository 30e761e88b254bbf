"""A synthetic coalition of any size (a few countries and agencies at least), for the benchmark
and the query-count tests at scale.

Everything is written with bulk_create in batches, so 10,000 activities take seconds, not
minutes. The same seed always gives the same coalition (one random.Random drives every
choice), so two bench runs measure the same data. bulk_create skips save() and signals:
no history rows are written, which is fine for measuring pages.

Places as the matrix has them since activities could be more than one country's (issue 20):
PLACES_SHARE of the activities are multi-country, regional or global, SUBDIVISION_SHARE name
provinces or regions inside their countries, THEME_SHARE carry themes.

Expects a database without countries or agencies (a fresh or test database).
"""

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar

from django.db import transaction
from django.utils import translation
from django_countries import countries as iso_countries

from activities.models import (
    GUARANTEE_FIELDS,
    REFERENCE_ALPHABET,
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivityStatus,
    ActivityType,
    Role,
    Scope,
    Theme,
    Tool,
)
from agencies.models import Agency, AgencyKind, FocalLevel, FocalPoint
from countries.models import Country, Region, Subdivision, english_name
from countries.regions import ILO_REGIONS
from countries.subdivisions import load_subdivisions
from workplan.models import Area, Deliverable, Step, Workplan

BATCH_SIZE = 2000
T = TypeVar("T")

# Real members first: they get the heaviest weights, so "ILO" is a busy agency as in life.
KNOWN_AGENCIES: list[tuple[str, str, str]] = [
    ("ILO", "International Labour Organization", AgencyKind.UN_AGENCY),
    ("UNICEF", "United Nations Children's Fund", AgencyKind.UN_AGENCY),
    ("UNDP", "United Nations Development Programme", AgencyKind.UN_AGENCY),
    ("WHO", "World Health Organization", AgencyKind.UN_AGENCY),
    ("World Bank", "The World Bank", AgencyKind.IFI),
    ("UN Women", "UN Entity for Gender Equality and Empowerment of Women", AgencyKind.UN_AGENCY),
    ("WFP", "World Food Programme", AgencyKind.UN_AGENCY),
    ("UNFPA", "United Nations Population Fund", AgencyKind.UN_AGENCY),
    ("UN-Habitat", "United Nations Human Settlements Programme", AgencyKind.UN_AGENCY),
    ("IMF", "International Monetary Fund", AgencyKind.IFI),
    ("HelpAge", "HelpAge International", AgencyKind.NGO),
    ("FES", "Friedrich-Ebert-Stiftung", AgencyKind.NGO),
    ("AFD", "Agence française de développement", AgencyKind.DONOR),
    ("UN MPTF", "UN Multi-Partner Trust Fund Office", AgencyKind.DONOR),
    ("ESN", "European Social Network", AgencyKind.NGO),
]

TOOLS: list[tuple[str, str]] = [
    ("Rapid Assessment Protocol (SPF costing tool)", "RAP"),
    ("ISPA Core Diagnostic Instrument", "CODI"),
    ("ISPA Social Protection Payments tool", "ISPA-PAY"),
    ("ISPA Identification Systems tool", "ISPA-ID"),
    ("Fiscal space analysis", "FSA"),
    ("Assessment-based national dialogue", "ABND"),
    ("Social Protection Inventory", ""),
    ("Social Security Inquiry", "SSI"),
    ("ILO/RAP costing model", "ILO/RAP"),
    ("Social Budget model", "SOCBUD"),
    ("Public Expenditure Review", "PER"),
    ("Management Information System toolkit", "MIS"),
]

TOPICS = [
    "child benefit",
    "social pension",
    "health insurance for informal workers",
    "maternity cash transfer",
    "unemployment protection",
    "disability allowance",
    "social registry",
    "national social protection strategy",
    "school feeding",
    "public works programme",
    "universal health coverage",
    "social protection floor costing",
    "extension to rural workers",
    "shock-responsive cash transfers",
]

SENTENCES = [
    "Support to the ministry of labour in designing the scheme.",
    "Joint work of the UN country team under the One-UN process.",
    "Costing of the options and dialogue with the ministry of finance.",
    "Training of national officials and social partners.",
    "Pilot in two provinces before national roll-out.",
    "Draft law submitted to parliament for discussion.",
    "Study of coverage gaps by age group and sex.",
    "South-South exchange with a neighbouring country.",
]

WORKPLAN_AREAS = [
    "Country operations",
    "Response to global requests",
    "Coordination and mobilization",
    "Funding strategy",
    "Planned coordination activities",
]

# Most rows are under way; about one in five is planned or done.
STATUS_WEIGHTS = {
    ActivityStatus.ONGOING: 55,
    ActivityStatus.PLANNED: 20,
    ActivityStatus.COMPLETED: 20,
    ActivityStatus.SUSPENDED: 5,
}
OTHER_ROLES = [Role.CO_LEAD, Role.PARTNER, Role.PARTNER, Role.PARTNER, Role.FUNDER]

# Activities beyond one country (the bench's `multi_country_share`), and among them how
# many of each scope: South-South exchanges between two or three countries are the most
# common, then regional events, then global advocacy.
PLACES_SHARE = 0.10
SCOPE_WEIGHTS = {Scope.MULTI_COUNTRY: 50, Scope.REGIONAL: 35, Scope.GLOBAL: 15}
# Activities that say where inside their countries (one or two provinces or regions each).
SUBDIVISION_SHARE = 0.30
# Activities with one or two of the coalition's themes.
THEME_SHARE = 0.40


def build_coalition(
    *,
    countries: int = 200,
    agencies: int = 60,
    focal_points: int = 500,
    activities: int = 10_000,
    deliverables: int = 2_000,
    seed: int = 1,
) -> dict[str, int]:
    """Create a coalition of the given size; return how many rows of each kind were made."""
    rng = random.Random(seed)
    with transaction.atomic():
        country_rows = _countries(countries)
        agency_rows = _agencies(rng, agencies)
        tool_rows = _tools(rng, agency_rows)
        focal_rows = _focal_points(rng, focal_points, agency_rows, country_rows)
        activity_counts = _activities(
            rng, activities, country_rows, agency_rows, tool_rows, focal_rows
        )
        workplan_counts = _workplans(rng, deliverables, agency_rows, focal_rows)
    return {
        "countries": len(country_rows),
        "agencies": len(agency_rows),
        "tools": len(tool_rows),
        "focal_points": len(focal_rows),
        **activity_counts,
        **workplan_counts,
    }


def add_activities(count: int, *, seed: int = 2) -> dict[str, int]:
    """Add `count` activities to the coalition already built (same countries, agencies,
    tools and focal points, new references), in batches: how the bench grows to 100,000."""
    rng = random.Random(seed)
    taken = set(Activity.objects.values_list("reference", flat=True))
    with transaction.atomic():
        return _activities(
            rng,
            count,
            list(Country.objects.order_by("code")),
            list(Agency.objects.order_by("pk")),
            list(Tool.objects.order_by("pk")),
            list(FocalPoint.objects.order_by("pk")),
            taken=taken,
        )


def _countries(count: int) -> list[Country]:
    # Sorted by code, not by name: names (hence the order) depend on the language.
    codes = sorted(code for code, _name in iso_countries)[:count]
    rows = [Country(code=code, name=english_name(code), region=ILO_REGIONS[code]) for code in codes]
    rows = Country.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    # bulk_create skips Country.save(), which loads a new country's subdivisions.
    load_subdivisions(rows, model=Subdivision)
    return rows


def _agencies(rng: random.Random, count: int) -> list[Agency]:
    rows = []
    for i in range(count):
        if i < len(KNOWN_AGENCIES):
            acronym, name, kind = KNOWN_AGENCIES[i]
        else:
            acronym, name = f"AG{i:03d}", f"Synthetic agency {i}"
            kind = rng.choice(AgencyKind.values)
        rows.append(Agency(acronym=acronym, name=name, kind=kind, is_member=rng.random() < 0.8))
    return Agency.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _tools(rng: random.Random, agencies: list[Agency]) -> list[Tool]:
    rows = [Tool(name=name, acronym=acronym, owner=rng.choice(agencies)) for name, acronym in TOOLS]
    return Tool.objects.bulk_create(rows)


def _focal_points(
    rng: random.Random, count: int, agencies: list[Agency], countries: list[Country]
) -> list[FocalPoint]:
    weights = _zipf(len(agencies))
    rows = []
    for i in range(count):
        draw = rng.random()
        if draw < 0.7:
            scope = {"level": FocalLevel.COUNTRY, "country": rng.choice(countries)}
        elif draw < 0.9:
            scope = {"level": FocalLevel.REGIONAL, "region": rng.choice(Region.values)}
        else:
            scope = {"level": FocalLevel.GLOBAL}
        rows.append(
            FocalPoint(
                agency=rng.choices(agencies, weights)[0],
                name=f"Focal Person {i:04d}",
                position=rng.choice(["Programme officer", "Social protection specialist", ""]),
                email=f"focal{i:04d}@example.org",
                phone=f"+41 22 799 {i:04d}",
                **scope,
            )
        )
    return FocalPoint.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _activities(
    rng: random.Random,
    count: int,
    countries: list[Country],
    agencies: list[Agency],
    tools: list[Tool],
    focal_points: list[FocalPoint],
    taken: set[str] | None = None,
) -> dict[str, int]:
    # A few countries and agencies carry much of the work, as in the real matrix.
    country_weights = list(accumulate(_zipf(len(countries), rng)))
    agency_weights = list(accumulate(_zipf(len(agencies))))
    points_by_agency: dict[int, list[FocalPoint]] = {}
    for point in focal_points:
        points_by_agency.setdefault(point.agency_id, []).append(point)
    statuses, status_weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    with translation.override("en"):
        type_labels = {value: str(label) for value, label in ActivityType.choices}

    references = _references(rng, count, taken or set())
    places = Places(rng, countries)
    rows, agency_picks, place_picks = [], [], []
    for i in range(count):
        activity_type = rng.choice(ActivityType.values)
        picked = _distinct(rng, agencies, agency_weights, rng.randint(1, 4))
        has_lead = rng.random() < 0.9
        agency_picks.append((picked, has_lead))
        candidates = points_by_agency.get(picked[0].pk, [])
        start, end = _dates(rng)
        place = places.pick(rng.choices(countries, cum_weights=country_weights)[0])
        place_picks.append(place)
        row = Activity(
            reference=references[i],
            scope=place.scope,
            region=place.region,
            country=place.main,
            title=f"{type_labels[activity_type]}: {rng.choice(TOPICS)} ({i})",
            description=" ".join(rng.sample(SENTENCES, rng.randint(1, 3))),
            activity_type=activity_type,
            status=rng.choices(statuses, status_weights)[0],
            start_date=start,
            end_date=end,
            focal_point=rng.choice(candidates) if candidates and rng.random() < 0.8 else None,
            funding=rng.choice(["", "", "UN MPTF", "Regular budget", "EU contribution"]),
        )
        for field in GUARANTEE_FIELDS.values():
            setattr(row, field, rng.random() < 0.4)
        rows.append(row)
    rows = Activity.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    links = []
    for activity, (picked, has_lead) in zip(rows, agency_picks, strict=True):
        for position, agency in enumerate(picked):
            role = Role.LEAD if position == 0 and has_lead else rng.choice(OTHER_ROLES)
            links.append(ActivityAgency(activity=activity, agency=agency, role=role))
    ActivityAgency.objects.bulk_create(links, batch_size=BATCH_SIZE)

    place_counts = places.write(rows, place_picks)

    used, needed = Activity.tools_used.through, Activity.tools_needed.through
    used_rows, needed_rows = [], []
    for activity in rows:
        for tool in rng.sample(tools, rng.randint(0, 2)):
            used_rows.append(used(activity_id=activity.pk, tool_id=tool.pk))
        for tool in rng.sample(tools, rng.choice([0, 0, 1])):
            needed_rows.append(needed(activity_id=activity.pk, tool_id=tool.pk))
    used.objects.bulk_create(used_rows, batch_size=BATCH_SIZE)
    needed.objects.bulk_create(needed_rows, batch_size=BATCH_SIZE)
    return {
        "activities": len(rows),
        "participations": len(links),
        "tool_links": len(used_rows) + len(needed_rows),
        **place_counts,
    }


@dataclass(frozen=True)
class Place:
    """Where one synthetic activity is: its scope, region, main country, the countries it
    covers (the main one included), its subdivisions and themes (ids)."""

    scope: str
    region: str
    main: Country | None
    covered: list[Country]
    subdivisions: list[int]
    themes: list[int]


class Places:
    """Draws each activity's place as activities.places would accept it: one country (most),
    two or three countries (the main one first, mostly neighbours in its region), a region
    (the main country's; half of them naming a few of its countries) or the whole world."""

    def __init__(self, rng: random.Random, countries: list[Country]) -> None:
        self.rng = rng
        self.by_region: dict[str, list[Country]] = {}
        for country in countries:
            self.by_region.setdefault(country.region, []).append(country)
        self.subdivisions: dict[int, list[int]] = {}
        for pk, country_id in Subdivision.objects.filter(
            country__in=[country.pk for country in countries]
        ).values_list("pk", "country_id"):
            self.subdivisions.setdefault(country_id, []).append(pk)
        self.themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
        self.countries = countries
        self.scopes, self.scope_weights = list(SCOPE_WEIGHTS), list(SCOPE_WEIGHTS.values())

    def pick(self, country: Country) -> Place:
        rng = self.rng
        scope = Scope.COUNTRY
        if rng.random() < PLACES_SHARE:
            scope = rng.choices(self.scopes, self.scope_weights)[0]
        region, main, covered = "", country, [country]
        if scope == Scope.MULTI_COUNTRY:
            near = self.by_region.get(country.region, [])
            pool = near if len(near) > 3 and rng.random() < 0.7 else self.countries
            others = [other for other in rng.sample(pool, min(3, len(pool))) if other != country]
            covered = [country, *others[: rng.randint(1, 2)]]
            if len(covered) < 2:  # a coalition of one country and no neighbour
                scope, covered = Scope.COUNTRY, [country]
        elif scope == Scope.REGIONAL:
            region, main = country.region, None
            near = self.by_region.get(region, [])
            named = rng.random() < 0.5 and len(near) > 3
            covered = rng.sample(near, rng.randint(2, 4)) if named else []
        elif scope == Scope.GLOBAL:
            main, covered = None, []
        subdivisions: list[int] = []
        if covered and rng.random() < SUBDIVISION_SHARE:
            for place in rng.sample(covered, min(len(covered), rng.randint(1, 2))):
                known = self.subdivisions.get(place.pk)
                if known:
                    subdivisions.append(rng.choice(known))
        themes: list[int] = []
        if self.themes and rng.random() < THEME_SHARE:
            themes = rng.sample(self.themes, min(len(self.themes), rng.randint(1, 2)))
        return Place(scope, region, main, covered, sorted(set(subdivisions)), themes)

    def write(self, activities: list[Activity], places: list[Place]) -> dict[str, int]:
        """The activities' countries, subdivisions and themes, in bulk."""
        in_subdivisions, with_themes = Activity.subdivisions.through, Activity.themes.through
        coverage, subdivision_rows, theme_rows = [], [], []
        for activity, place in zip(activities, places, strict=True):
            for country in place.covered:
                coverage.append(ActivityCountry(activity_id=activity.pk, country_id=country.pk))
            for pk in place.subdivisions:
                subdivision_rows.append(in_subdivisions(activity_id=activity.pk, subdivision_id=pk))
            for pk in place.themes:
                theme_rows.append(with_themes(activity_id=activity.pk, theme_id=pk))
        ActivityCountry.objects.bulk_create(coverage, batch_size=BATCH_SIZE)
        in_subdivisions.objects.bulk_create(subdivision_rows, batch_size=BATCH_SIZE)
        with_themes.objects.bulk_create(theme_rows, batch_size=BATCH_SIZE)
        return {
            "beyond_one_country": sum(place.scope != Scope.COUNTRY for place in places),
            "subdivision_links": len(subdivision_rows),
            "theme_links": len(theme_rows),
        }


def _workplans(
    rng: random.Random, count: int, agencies: list[Agency], focal_points: list[FocalPoint]
) -> dict[str, int]:
    # About 200 deliverables a year, from 2012 on.
    years = max(1, count // 200)
    plans = Workplan.objects.bulk_create(
        [Workplan(year=2012 + n, title=f"SPF coalition workplan {2012 + n}") for n in range(years)]
    )
    areas = Area.objects.bulk_create(
        [
            Area(workplan=plan, number=number, title=title)
            for plan in plans
            for number, title in enumerate(WORKPLAN_AREAS, start=1)
        ]
    )
    rows = []
    for i in range(count):
        rows.append(
            Deliverable(
                area=areas[i % len(areas)],
                title=f"Deliverable {i}: {rng.choice(TOPICS)}",
                objective=rng.choice(SENTENCES),
                how=rng.choice(SENTENCES),
                responsible_note=rng.choice(["", "", "", "Coalition members"]),
            )
        )
    rows = Deliverable.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    steps, agency_links, contact_links = [], [], []
    agencies_through = Deliverable.responsible_agencies.through
    contacts_through = Deliverable.contacts.through
    for deliverable in rows:
        year = deliverable.area.workplan.year
        for n in range(rng.randint(1, 5)):
            due = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
            done = rng.random() < 0.5
            steps.append(
                Step(
                    deliverable=deliverable,
                    title=f"Step {n + 1}",
                    due_date=due,
                    completed_on=due if done else None,
                )
            )
        for agency in rng.sample(agencies, min(len(agencies), rng.randint(1, 3))):
            agency_links.append(
                agencies_through(deliverable_id=deliverable.pk, agency_id=agency.pk)
            )
        for point in rng.sample(focal_points, min(len(focal_points), rng.randint(0, 2))):
            contact_links.append(
                contacts_through(deliverable_id=deliverable.pk, focalpoint_id=point.pk)
            )
    Step.objects.bulk_create(steps, batch_size=BATCH_SIZE)
    agencies_through.objects.bulk_create(agency_links, batch_size=BATCH_SIZE)
    contacts_through.objects.bulk_create(contact_links, batch_size=BATCH_SIZE)
    return {
        "workplans": len(plans),
        "areas": len(areas),
        "deliverables": len(rows),
        "steps": len(steps),
    }


def _references(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Unique references in the real format (SPF- and six Crockford characters), none of
    them `taken` already."""
    seen: set[str] = set()
    while len(seen) < count:
        reference = "SPF-" + "".join(rng.choices(REFERENCE_ALPHABET, k=6))
        if reference not in taken:
            seen.add(reference)
    # A set's order is not stable across runs: sort, then shuffle with the seeded generator.
    found = sorted(seen)
    rng.shuffle(found)
    return found


def _dates(rng: random.Random) -> tuple[datetime.date | None, datetime.date | None]:
    if rng.random() < 0.05:
        return None, None
    start = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 16 * 365))
    if rng.random() < 0.2:
        return start, None
    return start, start + datetime.timedelta(days=rng.randint(30, 4 * 365))


def _zipf(count: int, rng: random.Random | None = None) -> list[float]:
    """Weights 1, 1/2^0.8, 1/3^0.8...: a few heavy items and a long tail (shuffled if rng)."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(count)]
    if rng is not None:
        rng.shuffle(weights)
    return weights


def _distinct(
    rng: random.Random, items: Sequence[T], cum_weights: list[float], count: int
) -> list[T]:
    """Up to `count` different items drawn by (cumulative) weight."""
    picked: dict[int, T] = {}
    count = min(count, len(items))
    while len(picked) < count:
        index = rng.choices(range(len(items)), cum_weights=cum_weights)[0]
        picked.setdefault(index, items[index])
    return list(picked.values())
