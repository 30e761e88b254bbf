"""The matrix as IATI activity XML 2.03 (https://iatistandard.org/en/iati-standard/203/).

One <iati-activity> per matrix row, written one at a time to a stream, in the element order
the 2.03 schema requires. Our words become IATI codes here and nowhere else:

- iati-identifier: the reporting organisation's ref, a dash, the activity's reference;
- participating-org role: funder 1 (Funding), lead and co-lead 2 (Accountable), partner 4
  (Implementing); organisation type from the agency's kind;
- activity-status: planned 1 (Pipeline), ongoing 2 (Implementation), completed 3
  (Finalisation: the work is done; we do not track financial closure), suspended 6;
- activity-date: a start date is "actual" (2) once it has passed and the activity is under
  way, else "planned" (1); an end date is "actual" (4) once the activity is completed and the
  date has passed, else "planned" (3);
- activity-scope and where: one country is National (4), one recipient-country at 100%;
  several countries are Multi-national (3), one recipient-country each, the shares of
  activities.places.country_shares (computed, adding to exactly 100); a regional activity
  is Regional (2), its ILO region as a recipient-region in the reporting organisation's
  vocabulary (99, with a vocabulary-uri), and in the OECD DAC's (1) where a DAC region is
  the same place (Africa: 298 "Africa, regional"; the Americas: 498 "America, regional";
  the others have none: DAC's Middle East takes in Iran, its Asia leaves out the Pacific,
  its Europe leaves out Central Asia), each at 100% (IATI adds percentages per region
  vocabulary); a global activity is Global (1), with the region 998 "Developing
  countries, unspecified" (DAC), as IATI's guidance says for work not tied to a place;
- sector: SDG target 1.3 (vocabulary 8) for every activity, and the R202 guarantees it
  touches in the reporting organisation's own vocabulary (99), percentages adding to 100;
- tag: the coalition's themes (vocabulary 99, the reporting organisation's, with a
  vocabulary-uri), by code with their English name;
- contact-info: only for focal points who agreed to publish (FocalPoint.publishes_contact);
- budget: one per year of the activity's budgets (funding.ActivityBudget), each in its own
  currency, only if settings.SPF_IATI_PUBLISH_BUDGETS (off by default: the file is public
  and amounts are for members and the secretariat). No transactions: the hub does not record
  disbursements.
- result: the activity's approved results, per indicator, with baseline, period targets and
  actuals and their disaggregations as dimensions (api.iati_results).

IATI requires at least one participating organisation and one date: a row without an agency
or without any date is left out, and a comment at the end of the file counts them.
"""

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Role,
    Theme,
)
from agencies.models import Agency, AgencyKind
from api import iati_markup as markup
from api.iati_places import ACTIVITY_SCOPE, countries_by_activity, recipients, themes_by_activity
from api.iati_results import IndicatorWords, activities_with_results, results_by_activity
from countries.models import Region
from funding.models import ActivityBudget

VERSION = "2.03"
DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"  # as lxml writes it

PARTICIPATION_ROLE = {Role.FUNDER: "1", Role.LEAD: "2", Role.CO_LEAD: "2", Role.PARTNER: "4"}
ORGANISATION_TYPE = {
    AgencyKind.UN_AGENCY: "40",  # Multilateral
    AgencyKind.IFI: "40",
    AgencyKind.GOVERNMENT: "10",  # Government
    AgencyKind.NGO: "21",  # International NGO
    AgencyKind.DONOR: "90",  # Other (funds and donors of every kind)
    AgencyKind.ACADEMIA: "80",  # Academic, Training and Research
    AgencyKind.SOCIAL_PARTNER: "90",
}
ACTIVITY_STATUS = {
    ActivityStatus.PLANNED: "1",
    ActivityStatus.ONGOING: "2",
    ActivityStatus.COMPLETED: "3",
    ActivityStatus.SUSPENDED: "6",
}
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
STARTED = {ActivityStatus.ONGOING, ActivityStatus.COMPLETED, ActivityStatus.SUSPENDED}
SDG_TARGET_VOCABULARY, SDG_SOCIAL_PROTECTION_TARGET = "8", "1.3"
SDG_TARGET_NAME = "Social protection systems and measures for all, including floors"
OWN_VOCABULARY = "99"
GENERAL_DESCRIPTION, GENERAL_ENQUIRIES = "1", "1"
DESCRIPTION = (("type", GENERAL_DESCRIPTION),)
ORIGINAL, INDICATIVE = "1", "1"  # BudgetType, BudgetStatus
# Activities written between two chunks of the response: a few hundred KB per chunk.
CHUNK = 200
# The shared elements kept for reuse (Words): places and contacts are many, so only the
# most recent are kept; memory stays flat however long the file.
PLACES_KEPT, CONTACTS_KEPT = 4096, 4096
# A batch of rows read with their results holds at most this many times the fetch size.
BATCH_ROWS = 10


# Named tuples rather than dataclasses: a hundred thousand activities are made and their
# agencies looked up by value (Words), and a tuple is made and hashed in C.
class Organisation(NamedTuple):
    name: str
    acronym: str
    kind: str
    role: str


class Contact(NamedTuple):
    organisation: str
    name: str
    position: str
    email: str
    phone: str


class Budget(NamedTuple):
    year: int
    amount: Decimal
    currency: str


class IatiActivity(NamedTuple):
    """What IATI says of a matrix row, read as plain values (no model objects: 10,000 rows
    with their agencies as ORM objects cost several times the writing of the file)."""

    pk: int
    reference: str
    title: str
    description: str
    activity_type: str
    status: str
    guarantees: tuple[str, ...]
    start_date: datetime.date | None
    end_date: datetime.date | None
    updated_at: datetime.datetime
    scope: str
    region: str
    countries: tuple[tuple[str, str], ...]  # (ISO alpha-2 code, percentage)
    themes: tuple[str, ...]  # theme codes
    country_name: str
    contact: Contact | None
    organisations: tuple[Organisation, ...]
    budgets: tuple[Budget, ...] = ()
    results: tuple[str, ...] = ()  # its <result> elements (api.iati_results)


ROW_FIELDS = (
    "pk",
    "reference",
    "title",
    "description",
    "activity_type",
    "status",
    *GUARANTEE_FIELDS.values(),
    "start_date",
    "end_date",
    "updated_at",
    "scope",
    "region",
    "country__code",
    "country__name",
    "focal_point__publishes_contact",
    "focal_point__agency__name",
    "focal_point__name",
    "focal_point__position",
    "focal_point__email",
    "focal_point__phone",
)


def iati_activities(
    activities: QuerySet[Activity], chunk_size: int = 2000
) -> Iterator[IatiActivity]:
    """The activities of `activities` (filtered and sorted), as they stream from the database."""
    organisations = organisations_by_activity(activities)
    budgets = budgets_by_activity(activities) if settings.SPF_IATI_PUBLISH_BUDGETS else {}
    covered = countries_by_activity(activities)
    themes = themes_by_activity(activities)
    guarantee_values = list(GUARANTEE_FIELDS)
    with_results = activities_with_results(activities)
    indicators = IndicatorWords() if with_results else None
    rows = activities.values_list(*ROW_FIELDS).iterator(chunk_size=chunk_size)
    for batch in batched(rows, with_results, chunk_size):
        # The results of a batch of activities at a time: memory stays flat.
        ids = [row[0] for row in batch if row[0] in with_results]
        results = results_by_activity(ids, indicators) if indicators and ids else {}
        for row in batch:
            yield iati_activity(
                row, guarantee_values, organisations, budgets, results, covered, themes
            )


def batched(rows: Iterator[tuple], with_results: set[int], size: int) -> Iterator[list[tuple]]:
    """`rows` in batches holding `size` activities with results (or ten times `size` rows):
    the results are read a batch at a time, in two queries, and a batch of activities of
    which few have results would cost those queries for little."""
    batch: list[tuple] = []
    holding = 0
    for row in rows:
        batch.append(row)
        holding += row[0] in with_results
        if holding == size or len(batch) == BATCH_ROWS * size:
            yield batch
            batch, holding = [], 0
    if batch:
        yield batch


def iati_activity(
    row: tuple,
    guarantee_values: list[str],
    organisations: dict[int, tuple[Organisation, ...]],
    budgets: dict[int, tuple[Budget, ...]],
    results: dict[int, tuple[str, ...]],
    covered: dict[int, tuple[tuple[str, str], ...]],
    themes: dict[int, tuple[str, ...]],
) -> IatiActivity:
    pk, reference, title, description, activity_type, status, *rest = row
    flags, rest = rest[: len(guarantee_values)], rest[len(guarantee_values) :]
    start, end, updated, scope, region, code, country_name, publishes, *person = rest
    return IatiActivity(
        pk=pk,
        reference=reference,
        title=title,
        description=description,
        activity_type=activity_type,
        status=status,
        guarantees=tuple(
            value for value, flag in zip(guarantee_values, flags, strict=True) if flag
        ),
        start_date=start,
        end_date=end,
        updated_at=updated,
        scope=scope,
        region=region,
        # (A row written in bulk without its coverage row: its main country.)
        countries=covered.get(pk) or (((str(code), "100.00"),) if code else ()),
        themes=themes.get(pk, ()),
        country_name=country_name or "",
        contact=Contact(*person) if publishes else None,
        organisations=organisations.get(pk, ()),
        budgets=budgets.get(pk, ()),
        results=results.pop(pk, ()),  # let go once written
    )


def organisations_by_activity(
    activities: QuerySet[Activity],
) -> dict[int, tuple[Organisation, ...]]:
    """Every activity's agencies, lead first, then co-leads, partners, funders (role_order),
    each by acronym: two queries, each agency's words read once and one Organisation for all
    the activities an agency takes part in in the same role. The links are put in order here
    rather than by the database: sorting a quarter of a million of them there spilled to
    disk, and the agencies' order by acronym is the database's own (its collation)."""
    agencies = {
        pk: (position, name, acronym, kind)
        for position, (pk, name, acronym, kind) in enumerate(
            Agency.objects.order_by("acronym", "pk").values_list("pk", "name", "acronym", "kind")
        )
    }
    role_rank = {role: rank for rank, role in enumerate(Role.values)}
    made: dict[tuple[int, str], tuple[int, int, Organisation]] = {}
    found: dict[int, list[tuple[int, int, Organisation]]] = defaultdict(list)
    links = ActivityAgency.objects.filter(
        activity__in=activities.order_by().values("pk")
    ).values_list("activity_id", "agency_id", "role")
    for activity_id, agency_id, role in links:
        ranked = made.get((agency_id, role))
        if ranked is None:
            position, *words = agencies[agency_id]
            ranked = (role_rank[role], position, Organisation(*words, role))
            made[(agency_id, role)] = ranked
        found[activity_id].append(ranked)
    return {
        pk: tuple(organisation for _rank, _position, organisation in sorted(orgs))
        for pk, orgs in found.items()
    }


def budgets_by_activity(activities: QuerySet[Activity]) -> dict[int, tuple[Budget, ...]]:
    """Every activity's yearly budgets (funding.ActivityBudget) in one query."""
    found: dict[int, list[Budget]] = defaultdict(list)
    rows = (
        ActivityBudget.objects.filter(activity__in=activities.order_by().values("pk"))
        .order_by("year", "pk")
        .values_list("activity_id", "year", "amount", "currency")
    )
    for activity_id, year, amount, currency in rows:
        found[activity_id].append(Budget(year, amount, currency))
    return {pk: tuple(items) for pk, items in found.items()}


def iati_identifier(reference: str) -> str:
    return f"{settings.SPF_IATI_ORG_REF}-{reference}"


def exportable(activity: IatiActivity) -> bool:
    """IATI needs at least one participating organisation and one date."""
    return bool(activity.organisations) and bool(activity.start_date or activity.end_date)


def iter_iati_xml(
    activities: Iterable[IatiActivity], today: datetime.date | None = None
) -> Iterator[bytes]:
    """The IATI file, in chunks of bytes, written as the activities come."""
    today = today or timezone.localdate()
    words = Words()
    left_out = 0
    generated = timezone.now().isoformat(timespec="seconds")
    root = markup.attributes((("version", VERSION), ("generated-datetime", generated)))
    pieces = [f"{DECLARATION}\n<iati-activities{root}>"]
    for number, activity in enumerate(activities, 1):
        if exportable(activity):
            pieces.append(activity_xml(activity, today, words))
        else:
            left_out += 1
        if number % CHUNK == 0:
            yield "".join(pieces).encode()
            pieces.clear()
    if left_out:
        pieces.append(
            markup.comment(f" {left_out} matrix rows left out: IATI needs an agency and a date. ")
        )
    pieces.append("</iati-activities>")
    yield "".join(pieces).encode()


class Words:
    """English labels, fixed elements and the elements many activities share, written once
    per file (the file is in English)."""

    def __init__(self) -> None:
        with translation.override("en"):
            self.types = {value: str(label) for value, label in ActivityType.choices}
            self.guarantees = {value: str(label) for value, label in Guarantee.choices}
            self.regions = {value: str(label) for value, label in Region.choices}
        self.themes = dict(Theme.objects.values_list("code", "name"))  # English names
        # The reporting organisation's vocabularies (99) are described in the API's docs.
        self.vocabulary_uri = f"{settings.SITE_URL}/api/docs/"
        reporting = (("ref", settings.SPF_IATI_ORG_REF), ("type", settings.SPF_IATI_ORG_TYPE))
        self.reporting = markup.narrative("reporting-org", settings.SPF_IATI_ORG_NAME, reporting)
        self.statuses = {
            status: markup.empty("activity-status", (("code", code),))
            for status, code in ACTIVITY_STATUS.items()
        }
        # Each written the first time an activity needs it (a few hundred agencies, a few
        # thousand sets of themes or of countries), kept for the others.
        self.organisations: dict[Organisation, str] = {}
        self.sectors: dict[tuple[str, ...], str] = {}
        self.tags: dict[tuple[str, ...], str] = {}
        self.places = functools.lru_cache(maxsize=PLACES_KEPT)(self.places_xml)
        self.contacts = functools.lru_cache(maxsize=CONTACTS_KEPT)(contact_xml)

    def organisation(self, org: Organisation) -> str:
        written = self.organisations.get(org)
        if written is None:
            attrib = (
                ("role", PARTICIPATION_ROLE[org.role]),
                ("type", ORGANISATION_TYPE.get(org.kind, "90")),
            )
            written = markup.narrative("participating-org", f"{org.name} ({org.acronym})", attrib)
            self.organisations[org] = written
        return written

    def sector(self, guarantees: tuple[str, ...]) -> str:
        """SDG target 1.3, then the guarantees (own vocabulary), percentages adding to 100."""
        written = self.sectors.get(guarantees)
        if written is None:
            sdg = (
                ("vocabulary", SDG_TARGET_VOCABULARY),
                ("code", SDG_SOCIAL_PROTECTION_TARGET),
                ("percentage", "100"),
            )
            pieces = [markup.narrative("sector", SDG_TARGET_NAME, sdg)]
            shares = percentages(len(guarantees))
            for value, share in zip(guarantees, shares, strict=True):
                own = (("vocabulary", OWN_VOCABULARY), ("code", value), ("percentage", share))
                pieces.append(markup.narrative("sector", self.guarantees[value], own))
            written = self.sectors[guarantees] = "".join(pieces)
        return written

    def tag(self, themes: tuple[str, ...]) -> str:
        written = self.tags.get(themes)
        if written is None:
            written = self.tags[themes] = "".join(
                markup.narrative(
                    "tag",
                    self.themes.get(code, code),
                    (
                        ("vocabulary", OWN_VOCABULARY),
                        ("vocabulary-uri", self.vocabulary_uri),
                        ("code", code),
                    ),
                )
                for code in themes
            )
        return written

    def places_xml(self, scope: str, region: str, countries: tuple[tuple[str, str], ...]) -> str:
        """activity-scope, then the recipient countries or regions."""
        pieces = [markup.empty("activity-scope", (("code", ACTIVITY_SCOPE.get(scope, "4")),))]
        where = recipients(
            scope, region, countries, self.regions.get(region, region), self.vocabulary_uri
        )
        for tag, attrib, words in where:
            attrib = attrib.items()
            if words:
                pieces.append(markup.narrative(tag, words, attrib))
            else:
                pieces.append(markup.empty(tag, attrib))
        return "".join(pieces)


def activity_xml(activity: IatiActivity, today: datetime.date, words: Words) -> str:
    """One <iati-activity>, in the order of the 2.03 schema."""
    updated = activity.updated_at.isoformat(timespec="seconds")
    where = activity.country_name or words.regions.get(activity.region, "") or "global"
    description = activity.description or f"{words.types.get(activity.activity_type, '')} ({where})"
    pieces = [
        f'<iati-activity last-updated-datetime="{markup.attribute(updated)}" xml:lang="en">',
        markup.element("iati-identifier", iati_identifier(activity.reference)),
        words.reporting,
        markup.narrative("title", activity.title),
        markup.narrative("description", description, DESCRIPTION),
    ]
    pieces.extend(map(words.organisation, activity.organisations))
    pieces.append(words.statuses[activity.status])
    for date_type, date in activity_dates(activity, today):
        pieces.append(f'<activity-date type="{date_type}" iso-date="{date.isoformat()}"/>')
    if activity.contact:
        pieces.append(words.contacts(activity.contact))
    pieces.append(words.places(activity.scope, activity.region, activity.countries))
    pieces.append(words.sector(activity.guarantees))
    pieces.append(words.tag(activity.themes))
    pieces.extend(map(budget_xml, activity.budgets))
    pieces.extend(activity.results)
    pieces.append("</iati-activity>")
    return "".join(pieces)


def budget_xml(budget: Budget) -> str:
    """A calendar year's budget (IATI wants periods of a year at most), indicative (1),
    original (1), valued on its first day in its own currency."""
    start = datetime.date(budget.year, 1, 1).isoformat()
    end = datetime.date(budget.year, 12, 31).isoformat()
    value = (("currency", budget.currency), ("value-date", start))
    return (
        f'<budget type="{ORIGINAL}" status="{INDICATIVE}">'
        f'<period-start iso-date="{start}"/><period-end iso-date="{end}"/>'
        f"{markup.element('value', f'{budget.amount:.2f}', value)}</budget>"
    )


def activity_dates(
    activity: IatiActivity | Activity, today: datetime.date
) -> list[tuple[str, datetime.date]]:
    dates = []
    if activity.start_date:
        actual = activity.status in STARTED and activity.start_date <= today
        dates.append((ACTUAL_START if actual else PLANNED_START, activity.start_date))
    if activity.end_date:
        actual = activity.status == ActivityStatus.COMPLETED and activity.end_date <= today
        dates.append((ACTUAL_END if actual else PLANNED_END, activity.end_date))
    return dates


def contact_xml(person: Contact) -> str:
    pieces = [
        f'<contact-info type="{GENERAL_ENQUIRIES}">',
        markup.narrative("organisation", person.organisation),
        markup.narrative("person-name", person.name),
    ]
    if person.position:
        pieces.append(markup.narrative("job-title", person.position))
    if person.phone:
        pieces.append(markup.element("telephone", person.phone))
    if person.email:
        pieces.append(markup.element("email", person.email))
    pieces.append("</contact-info>")
    return "".join(pieces)


def percentages(count: int) -> list[str]:
    """`count` shares of 100 with two decimals, the last taking the rounding (33.33 33.33 33.34)."""
    if not count:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    shares = [share] * (count - 1)
    return [str(value) for value in [*shares, Decimal(100) - sum(shares)]]
