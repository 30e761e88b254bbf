"""Write the demo data to the database.

Run on every `make run`, so it must be idempotent: every record is looked up by its natural
key (country code, agency acronym, focal point's agency and name, activity reference, workplan
year, area number, deliverable title, step title, criterion number) and only created when
missing. Rows that exist are left exactly as people edited them; the one exception is a
country's stored English name, which is derived from its code and refreshed like
Country.save() would.
"""

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django_countries import countries as iso_countries

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityTheme,
    Theme,
    Tool,
)
from activities.places import set_places
from agencies.models import Agency, FocalLevel, FocalPoint
from countries.criteria_text import give_translations
from countries.models import Country, SelectionCriterion, Subdivision, english_name
from countries.regions import ILO_REGIONS
from countries.subdivisions import load_subdivisions
from countries.variants import NAME_VARIANTS
from decisions.models import ActionPoint, AgendaItem, CountryStatus, Decision, Meeting, Status
from devtools.demo import meeting_2012
from devtools.demo.criteria import COMPUTED, CRITERIA
from devtools.demo.matrix import ACTIVITIES
from devtools.demo.organisations import AGENCIES, AGENCY_VARIANTS, WEBSITES
from devtools.demo.people import FOCAL_POINTS
from devtools.demo.results import load_results
from devtools.demo.tools import TOOLS
from devtools.demo.workplan_2012 import AREAS, TITLE, YEAR
from results.models import Indicator, ResultValue
from results.starting_set import load_starting_indicators
from workplan.models import Area, Deliverable, Step, Workplan

# Kept in the change history of every row the loader creates: who made it, if not a person.
CHANGE_REASON = "Demo data (manage.py load_demo)"
ADMIN_USERNAME = "admin"
ADMIN_LINE = "Admin: http://127.0.0.1:8000/admin/ user admin password admin"
NO_ADMIN_LINE = "DEBUG is off: no demo admin account created."


@dataclass
class LoadReport:
    """What a run created, and how many rows each table holds afterwards."""

    created: Counter[str] = field(default_factory=Counter)
    totals: dict[str, int] = field(default_factory=dict)
    admin_line: str = ""

    @property
    def created_total(self) -> int:
        return sum(self.created.values())

    def summary(self) -> str:
        counts = ", ".join(
            f"{label} {total} (+{self.created[label]})" for label, total in self.totals.items()
        )
        return f"Demo data: {counts}."


def load_demo() -> LoadReport:
    """Create whatever demo data is missing, in one transaction."""
    report = LoadReport()
    with transaction.atomic():
        countries = load_countries(report)
        agencies = load_agencies(report)
        people = load_focal_points(report, agencies, countries)
        tools = load_tools(report, agencies)
        # The migration loaded them already, unless someone deleted some since.
        report.created["indicators"] += load_starting_indicators(Indicator.objects)
        load_activities(report, countries, agencies, people, tools)
        rows = Activity.objects.filter(reference__in=[row.reference for row in ACTIVITIES])
        report.created["result values"] += load_results(list(rows.order_by("reference")))
        load_workplan(report, agencies, people)
        load_criteria(report)
        load_meeting(report, agencies, countries)
        report.admin_line = ensure_demo_admin(report)
    report.totals = {label: model.objects.count() for label, model in COUNTED.items()}
    return report


def load_countries(report: LoadReport) -> dict[str, Country]:
    """Every ISO 3166-1 country with its ILO region, in two bulk queries at most."""
    stored = {country.code.code: country for country in Country.objects.all()}
    new: list[Country] = []
    renamed: list[Country] = []
    for entry in iso_countries:
        code, name = entry.code, english_name(entry.code)
        country = stored.get(code)
        if country is None:
            new.append(
                Country(
                    code=code,
                    name=name,
                    region=region_of(code),
                    name_variants="\n".join(NAME_VARIANTS.get(code, ())),
                )
            )
        elif country.name != name:
            country.name = name
            renamed.append(country)
    Country.objects.bulk_create(new)
    load_subdivisions(new, model=Subdivision)
    Country.objects.bulk_update(renamed, ["name"])
    report.created["countries"] += len(new)
    return {country.code.code: country for country in Country.objects.all()}


def region_of(code: str) -> str:
    try:
        return ILO_REGIONS[code]
    except KeyError:
        raise LookupError(f"No ILO region for {code}: add it to countries/regions.py.") from None


def load_agencies(report: LoadReport) -> dict[str, Agency]:
    """Agencies by acronym (compared case-insensitively, as the database does)."""
    stored = {agency.acronym.casefold(): agency for agency in Agency.objects.all()}
    new = [
        Agency(
            acronym=acronym,
            name=name,
            kind=kind,
            is_member=is_member,
            name_variants="\n".join(AGENCY_VARIANTS.get(acronym, ())),
            website=WEBSITES.get(acronym, ""),
        )
        for acronym, name, kind, is_member in AGENCIES
        if acronym.casefold() not in stored
    ]
    if new:
        Agency.objects.bulk_create(new)
        stored = {agency.acronym.casefold(): agency for agency in Agency.objects.all()}
    report.created["agencies"] += len(new)
    return {acronym: stored[acronym.casefold()] for acronym, *_ in AGENCIES}


def placeholder_email(name: str) -> str:
    """A fake, name-based address: "Valérie Schmitt" -> valerie.schmitt@example.org."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join(re.findall(r"[a-z0-9]+", ascii_name.lower())) + "@example.org"


def load_focal_points(
    report: LoadReport, agencies: dict[str, Agency], countries: dict[str, Country]
) -> dict[str, FocalPoint]:
    """Focal points by (agency, name); returns them by name for the matrix and workplan."""
    stored = {(fp.agency_id, fp.name.casefold()): fp for fp in FocalPoint.objects.all()}
    people: dict[str, FocalPoint] = {}
    for number, (acronym, name, level, scope, position) in enumerate(FOCAL_POINTS, start=1):
        agency = agencies[acronym]
        person = stored.get((agency.pk, name.casefold()))
        if person is None:
            person = FocalPoint(
                agency=agency,
                name=name,
                position=position,
                level=level,
                country=countries[scope] if level == FocalLevel.COUNTRY else None,
                region=scope if level == FocalLevel.REGIONAL else "",
                email=placeholder_email(name),
                phone=f"+41 22 000 {number:04d}",
            )
            save_with_reason(person)
            report.created["focal points"] += 1
        people[name] = person
    return people


def load_tools(report: LoadReport, agencies: dict[str, Agency]) -> dict[str, Tool]:
    """Tools by name; returns them by acronym and by name, as the matrix data refers to them."""
    stored = {tool.name: tool for tool in Tool.objects.all()}
    new = [
        Tool(name=name, acronym=acronym, owner=agencies.get(owner), description=description)
        for name, acronym, owner, description in TOOLS
        if name not in stored
    ]
    if new:
        Tool.objects.bulk_create(new)
        stored = {tool.name: tool for tool in Tool.objects.all()}
    report.created["tools"] += len(new)
    by_key: dict[str, Tool] = {}
    for name, acronym, *_ in TOOLS:
        by_key[name] = stored[name]
        if acronym:
            by_key[acronym] = stored[name]
    return by_key


def load_activities(
    report: LoadReport,
    countries: dict[str, Country],
    agencies: dict[str, Agency],
    people: dict[str, FocalPoint],
    tools: dict[str, Tool],
) -> None:
    """Matrix rows by reference, each created with its agencies' roles, its tools, its
    places (activities.places's rules) and its themes."""
    references = [row.reference for row in ACTIVITIES]
    existing = set(
        Activity.objects.filter(reference__in=references).values_list("reference", flat=True)
    )
    subdivisions = {
        place.code: place
        for place in Subdivision.objects.filter(
            code__in=[code for row in ACTIVITIES for code in row.subdivisions]
        )
    }
    themes = {theme.code: theme for theme in Theme.objects.all()}
    for row in ACTIVITIES:
        if row.reference in existing:
            continue
        main = countries[row.country] if row.country else None
        activity = Activity(
            reference=row.reference,
            scope=row.scope,
            region=row.region,
            country=main,
            title=row.title,
            description=row.description,
            activity_type=row.activity_type,
            status=row.status,
            start_date=row.start,
            end_date=row.end,
            focal_point=people[row.focal_point] if row.focal_point else None,
            funding=row.funding,
            **{GUARANTEE_FIELDS[guarantee]: True for guarantee in row.guarantees},
        )
        save_with_reason(activity)
        for acronym, role in row.agencies.items():
            save_with_reason(ActivityAgency(activity=activity, agency=agencies[acronym], role=role))
        activity.tools_used.set([tools[key] for key in row.tools_used])
        activity.tools_needed.set([tools[key] for key in row.tools_needed])
        set_places(
            activity,
            scope=row.scope,
            region=row.region,
            main=main,
            countries=[countries[code] for code in (row.country, *row.countries) if code],
            subdivisions=[subdivisions[code] for code in row.subdivisions if code in subdivisions],
        )
        for code in row.themes:
            if code in themes:  # the list of themes is the migration's; the demo follows it
                save_with_reason(ActivityTheme(activity=activity, theme=themes[code]))
        report.created["activities"] += 1
        report.created["agency roles"] += len(row.agencies)


def load_workplan(
    report: LoadReport, agencies: dict[str, Agency], people: dict[str, FocalPoint]
) -> None:
    """The 2012 workplan: by year, areas by number, deliverables and steps by title."""
    workplan, created = Workplan.objects.get_or_create(year=YEAR, defaults={"title": TITLE})
    report.created["workplans"] += created
    for number, area_title, deliverables in AREAS:
        area, created = Area.objects.get_or_create(
            workplan=workplan, number=number, defaults={"title": area_title}
        )
        report.created["workplan areas"] += created
        for item in deliverables:
            deliverable = Deliverable.objects.filter(area=area, title=item.title).first()
            if deliverable is None:
                deliverable = Deliverable(
                    area=area,
                    title=item.title,
                    objective=item.objective,
                    how=item.how,
                    responsible_note=item.responsible_note,
                )
                save_with_reason(deliverable)
                deliverable.responsible_agencies.set([agencies[a] for a in item.agencies])
                deliverable.contacts.set([people[name] for name in item.contacts])
                report.created["deliverables"] += 1
            titles = set(deliverable.steps.values_list("title", flat=True))
            for step in item.steps:
                if step.title in titles:
                    continue
                save_with_reason(
                    Step(
                        deliverable=deliverable,
                        title=step.title,
                        due_date=step.due,
                        due_note=step.due_note,
                        completed_on=step.completed_on,
                    )
                )
                report.created["steps"] += 1


def load_criteria(report: LoadReport) -> None:
    """The selection criteria of the minutes, by number; no country is assessed against
    them here: ratings are the secretariat's to record, not the demo's to invent."""
    stored = set(SelectionCriterion.objects.values_list("number", flat=True))
    new = [
        SelectionCriterion(
            number=number, title=title, description=description, computed=COMPUTED.get(title, "")
        )
        for number, (title, description) in enumerate(CRITERIA, start=1)
        if number not in stored
    ]
    SelectionCriterion.objects.bulk_create(new)
    give_translations(SelectionCriterion.objects.filter(number__in=[c.number for c in new]))
    report.created["selection criteria"] += len(new)


def load_meeting(
    report: LoadReport, agencies: dict[str, Agency], countries: dict[str, Country]
) -> None:
    """The 2012 coalition meeting (by title and date) with its agenda, decisions and action
    points (each a dated step of the workplan); Mozambique, whose strategy the Flagship
    Programme supported, as a Flagship target set by no recorded decision."""
    seed = meeting_2012
    meeting = Meeting.objects.filter(title=seed.TITLE, date=seed.DATE).first()
    if meeting is None:
        meeting = Meeting(title=seed.TITLE, date=seed.DATE, place=seed.PLACE)
        meeting.minutes = seed.MINUTES
        save_with_reason(meeting)
        meeting.agencies.set([agencies[a] for a in seed.AGENCIES if a in agencies])
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, number=n, title=title)
            for n, title in enumerate(seed.AGENDA, start=1)
        )
        for text, public in seed.DECISIONS:
            save_with_reason(
                Decision(meeting=meeting, text=text, decided_on=seed.DATE, is_public=public)
            )
        for text, acronym, due in seed.ACTION_POINTS:
            save_with_reason(
                ActionPoint(
                    meeting=meeting, text=text, owner_agency=agencies[acronym], due_date=due
                )
            )
        report.created["meetings"] += 1
    mozambique = countries.get("MZ")
    if mozambique is not None and not CountryStatus.objects.filter(country=mozambique).exists():
        CountryStatus.objects.create(
            country=mozambique,
            status=Status.FLAGSHIP,
            since=datetime.date(2016, 1, 1),
            note="Flagship Programme, phase 1 (2016-2020)",
        )


def ensure_demo_admin(report: LoadReport) -> str:
    """The admin/admin superuser of a dev run. Never on a server: only when DEBUG is on."""
    if not settings.DEBUG:
        return NO_ADMIN_LINE
    user_model = get_user_model()
    if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
        user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", "admin")
        report.created["admin account"] += 1
    return ADMIN_LINE


def save_with_reason(instance: models.Model) -> None:
    """Save, noting in the row's change history that the demo loader made it."""
    instance._change_reason = CHANGE_REASON
    instance.save()


# The tables the summary line reports on, in the order it lists them.
COUNTED: dict[str, type[models.Model]] = {
    "countries": Country,
    "agencies": Agency,
    "focal points": FocalPoint,
    "tools": Tool,
    "indicators": Indicator,
    "result values": ResultValue,
    "activities": Activity,
    "agency roles": ActivityAgency,
    "workplans": Workplan,
    "workplan areas": Area,
    "deliverables": Deliverable,
    "steps": Step,
    "selection criteria": SelectionCriterion,
    "meetings": Meeting,
    "decisions": Decision,
    "action points": ActionPoint,
}
