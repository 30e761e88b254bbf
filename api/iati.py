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
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from io import BytesIO
from itertools import islice

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation
from lxml import etree
from lxml.etree import SubElement

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivityStatus,
    ActivityTheme,
    ActivityType,
    Guarantee,
    Role,
    Scope,
    Theme,
    role_order,
)
from activities.places import split_hundred
from agencies.models import AgencyKind
from api.iati_results import IndicatorResult, IndicatorWords, result_elements, results_by_activity
from core.names import sort_key
from countries.models import Region
from funding.models import ActivityBudget

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

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
# ActivityScope codes.
ACTIVITY_SCOPE = {
    Scope.GLOBAL: "1",
    Scope.REGIONAL: "2",
    Scope.MULTI_COUNTRY: "3",
    Scope.COUNTRY: "4",
}
DAC_REGIONS, OWN_REGIONS = "1", "99"  # RegionVocabulary
# The OECD DAC region that is the same place as an ILO region (see the docstring).
DAC_REGION = {Region.AFRICA: "298", Region.AMERICAS: "498"}
DAC_UNSPECIFIED = "998"  # Developing countries, unspecified: a global activity
SDG_TARGET_VOCABULARY, SDG_SOCIAL_PROTECTION_TARGET = "8", "1.3"
SDG_TARGET_NAME = "Social protection systems and measures for all, including floors"
OWN_VOCABULARY = "99"
GENERAL_DESCRIPTION, GENERAL_ENQUIRIES = "1", "1"
ORIGINAL, INDICATIVE = "1", "1"  # BudgetType, BudgetStatus
# Elements written between two reads of the buffer: a few hundred KB per chunk.
CHUNK = 200


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    acronym: str
    kind: str
    role: str


@dataclass(frozen=True, slots=True)
class Contact:
    organisation: str
    name: str
    position: str
    email: str
    phone: str


@dataclass(frozen=True, slots=True)
class Budget:
    year: int
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class IatiActivity:
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
    results: tuple[IndicatorResult, ...] = ()


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
    rows = activities.values_list(*ROW_FIELDS).iterator(chunk_size=chunk_size)
    for batch in batched(rows, chunk_size):
        # The results of a batch of activities at a time: memory stays flat.
        results = results_by_activity([row[0] for row in batch])
        for row in batch:
            yield iati_activity(
                row, guarantee_values, organisations, budgets, results, covered, themes
            )


def batched(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    while batch := list(islice(rows, size)):
        yield batch


def iati_activity(
    row: tuple,
    guarantee_values: list[str],
    organisations: dict[int, tuple[Organisation, ...]],
    budgets: dict[int, tuple[Budget, ...]],
    results: dict[int, tuple[IndicatorResult, ...]],
    covered: dict[int, tuple[tuple[str, str], ...]],
    themes: dict[int, tuple[str, ...]],
) -> IatiActivity:
    pk, reference, title, description, activity_type, status, *rest = row
    flags, rest = rest[: len(guarantee_values)], rest[len(guarantee_values) :]
    start, end, updated, scope, region, country_name, publishes, *person = rest
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
        countries=covered.get(pk, ()),
        themes=themes.get(pk, ()),
        country_name=country_name or "",
        contact=Contact(*person) if publishes else None,
        organisations=organisations.get(pk, ()),
        budgets=budgets.get(pk, ()),
        results=results.get(pk, ()),
    )


def organisations_by_activity(
    activities: QuerySet[Activity],
) -> dict[int, tuple[Organisation, ...]]:
    """Every activity's agencies in one query, lead first."""
    found: dict[int, list[Organisation]] = defaultdict(list)
    links = (
        ActivityAgency.objects.filter(activity__in=activities.order_by().values("pk"))
        .order_by(role_order(), "agency__acronym")
        .values_list("activity_id", "agency__name", "agency__acronym", "agency__kind", "role")
    )
    for activity_id, name, acronym, kind, role in links:
        found[activity_id].append(Organisation(name, acronym, kind, role))
    return {pk: tuple(orgs) for pk, orgs in found.items()}


def countries_by_activity(activities: QuerySet[Activity]) -> dict[int, tuple[tuple[str, str], ...]]:
    """Every activity's countries with their shares (the main country first): one query. A
    regional or global activity has none here (it has a recipient region)."""
    found: dict[int, list] = defaultdict(list)
    links = (
        ActivityCountry.objects.filter(activity__in=activities.order_by().values("pk"))
        .exclude(activity__scope__in=[Scope.REGIONAL, Scope.GLOBAL])
        .values_list(
            "activity_id", "activity__country_id", "country_id", "country__code", "country__name"
        )
    )
    for activity_id, main_id, country_id, code, name in links:
        found[activity_id].append((country_id != main_id, sort_key(name), str(code)))
    # The shares of activities.places.country_shares (split_hundred over the countries, the
    # main one first, then by name), from plain rows: model objects for 10,000 activities
    # would cost more than the file.
    return {
        pk: tuple(
            (code, str(share)) for (_other, _key, code), share in split_hundred(sorted(items))
        )
        for pk, items in found.items()
    }


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
    buffer = BytesIO()
    words = Words()
    left_out = 0
    with etree.xmlfile(buffer, encoding="utf-8") as xml:
        xml.write_declaration()
        generated = timezone.now().isoformat(timespec="seconds")
        with xml.element("iati-activities", {"version": VERSION, "generated-datetime": generated}):
            for number, activity in enumerate(activities, 1):
                if exportable(activity):
                    xml.write(activity_element(activity, today, words))
                else:
                    left_out += 1
                if number % CHUNK == 0:
                    xml.flush()
                    yield take(buffer)
            if left_out:
                note = f" {left_out} matrix rows left out: IATI needs an agency and a date. "
                xml.write(etree.Comment(note))
    yield take(buffer)


def take(buffer: BytesIO) -> bytes:
    data = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return data


class Words:
    """English labels and fixed attributes, made once per file (the file is in English)."""

    def __init__(self) -> None:
        with translation.override("en"):
            self.types = {value: str(label) for value, label in ActivityType.choices}
            self.guarantees = {value: str(label) for value, label in Guarantee.choices}
            self.regions = {value: str(label) for value, label in Region.choices}
        self.themes = dict(Theme.objects.values_list("code", "name"))  # English names
        # The reporting organisation's vocabularies (99) are described in the API's docs.
        self.vocabulary_uri = f"{settings.SITE_URL}/api/docs/"
        self.reporting = {"ref": settings.SPF_IATI_ORG_REF, "type": settings.SPF_IATI_ORG_TYPE}
        self.reporting_name = settings.SPF_IATI_ORG_NAME

    @cached_property
    def indicators(self) -> IndicatorWords:
        return IndicatorWords()


def narrative(
    parent: etree._Element, tag: str, text: str, attrib: dict[str, str] | None = None
) -> None:
    SubElement(SubElement(parent, tag, attrib or {}), "narrative").text = text


def activity_element(activity: IatiActivity, today: datetime.date, words: Words) -> etree._Element:
    element = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": activity.updated_at.isoformat(timespec="seconds"),
            XML_LANG: "en",
        },
    )
    SubElement(element, "iati-identifier").text = iati_identifier(activity.reference)
    SubElement(
        SubElement(element, "reporting-org", words.reporting), "narrative"
    ).text = words.reporting_name
    narrative(element, "title", activity.title)
    where = activity.country_name or words.regions.get(activity.region, "") or "global"
    description = activity.description or f"{words.types.get(activity.activity_type, '')} ({where})"
    narrative(element, "description", description, {"type": GENERAL_DESCRIPTION})
    for org in activity.organisations:
        attrib = {
            "role": PARTICIPATION_ROLE[org.role],
            "type": ORGANISATION_TYPE.get(org.kind, "90"),
        }
        narrative(element, "participating-org", f"{org.name} ({org.acronym})", attrib)
    SubElement(element, "activity-status", {"code": ACTIVITY_STATUS[activity.status]})
    for date_type, date in activity_dates(activity, today):
        SubElement(element, "activity-date", {"type": date_type, "iso-date": date.isoformat()})
    if activity.contact:
        contact_element(element, activity.contact)
    SubElement(element, "activity-scope", {"code": ACTIVITY_SCOPE.get(activity.scope, "4")})
    recipients(element, activity, words)
    sdg = {
        "vocabulary": SDG_TARGET_VOCABULARY,
        "code": SDG_SOCIAL_PROTECTION_TARGET,
        "percentage": "100",
    }
    narrative(element, "sector", SDG_TARGET_NAME, sdg)
    shares = percentages(len(activity.guarantees))
    for value, share in zip(activity.guarantees, shares, strict=True):
        own = {"vocabulary": OWN_VOCABULARY, "code": value, "percentage": share}
        narrative(element, "sector", words.guarantees[value], own)
    for code in activity.themes:
        attrib = {"vocabulary": OWN_VOCABULARY, "vocabulary-uri": words.vocabulary_uri}
        narrative(element, "tag", words.themes.get(code, code), {**attrib, "code": code})
    for budget in activity.budgets:
        budget_element(element, budget)
    if activity.results:
        result_elements(element, activity.results, words.indicators)
    return element


def recipients(element: etree._Element, activity: IatiActivity, words: Words) -> None:
    """recipient-country (one or several, adding to 100) or recipient-region (see the
    docstring), in the schema's order: countries first."""
    if activity.scope in (Scope.COUNTRY, Scope.MULTI_COUNTRY):
        for code, share in activity.countries:
            SubElement(element, "recipient-country", {"code": code, "percentage": share})
        return
    if activity.scope == Scope.GLOBAL:
        attrib = {"code": DAC_UNSPECIFIED, "vocabulary": DAC_REGIONS, "percentage": "100"}
        narrative(element, "recipient-region", "Developing countries, unspecified", attrib)
        return
    name = words.regions.get(activity.region, activity.region)
    dac = DAC_REGION.get(activity.region)
    if dac:
        attrib = {"code": dac, "vocabulary": DAC_REGIONS, "percentage": "100"}
        SubElement(element, "recipient-region", attrib)
    own = {
        "code": activity.region,
        "vocabulary": OWN_REGIONS,
        "vocabulary-uri": words.vocabulary_uri,
        "percentage": "100",
    }
    narrative(element, "recipient-region", name, own)


def budget_element(parent: etree._Element, budget: Budget) -> None:
    """A calendar year's budget (IATI wants periods of a year at most), indicative (1),
    original (1), valued on its first day in its own currency."""
    start = datetime.date(budget.year, 1, 1)
    element = SubElement(parent, "budget", {"type": ORIGINAL, "status": INDICATIVE})
    SubElement(element, "period-start", {"iso-date": start.isoformat()})
    SubElement(element, "period-end", {"iso-date": datetime.date(budget.year, 12, 31).isoformat()})
    value = {"currency": budget.currency, "value-date": start.isoformat()}
    SubElement(element, "value", value).text = f"{budget.amount:.2f}"


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


def contact_element(parent: etree._Element, person: Contact) -> None:
    contact = SubElement(parent, "contact-info", {"type": GENERAL_ENQUIRIES})
    narrative(contact, "organisation", person.organisation)
    narrative(contact, "person-name", person.name)
    if person.position:
        narrative(contact, "job-title", person.position)
    if person.phone:
        SubElement(contact, "telephone").text = person.phone
    if person.email:
        SubElement(contact, "email").text = person.email


def percentages(count: int) -> list[str]:
    """`count` shares of 100 with two decimals, the last taking the rounding (33.33 33.33 33.34)."""
    if not count:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    shares = [share] * (count - 1)
    return [str(value) for value in [*shares, Decimal(100) - sum(shares)]]
