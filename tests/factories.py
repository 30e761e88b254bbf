"""Small builders for test data: plain functions, sensible defaults, keyword overrides."""

import datetime
import itertools

from django.contrib.auth.models import Group, User

from accounts.models import SECRETARIAT_GROUP, Membership
from activities.models import Activity, ActivityAgency, ActivityType, Role
from agencies.models import Agency, AgencyKind, FocalLevel, FocalPoint
from countries.models import Country, Region

_seq = itertools.count(1)


def make_country(code: str = "VN", region: str = Region.ASIA_PACIFIC, **fields) -> Country:
    country, _ = Country.objects.get_or_create(code=code, defaults={"region": region, **fields})
    return country


def make_agency(acronym: str = "", kind: str = AgencyKind.UN_AGENCY, **fields) -> Agency:
    acronym = acronym or f"AG{next(_seq)}"
    fields.setdefault("name", f"{acronym} full name")
    return Agency.objects.create(acronym=acronym, kind=kind, **fields)


def make_focal_point(agency: Agency, country: Country | None = None, **fields) -> FocalPoint:
    n = next(_seq)
    fields.setdefault("name", f"Person {n}")
    fields.setdefault("email", f"person{n}@example.org")
    fields.setdefault("phone", f"+41 22 799 {n:04d}")
    if country is not None:
        fields.setdefault("level", FocalLevel.COUNTRY)
    else:
        fields.setdefault("level", FocalLevel.GLOBAL)
    return FocalPoint.objects.create(agency=agency, country=country, **fields)


def make_activity(
    country: Country | None = None,
    agencies: dict[Agency, str] | None = None,
    **fields,
) -> Activity:
    """An activity in `country` with `agencies` mapped to their roles ({ilo: Role.LEAD})."""
    fields.setdefault("title", f"Activity {next(_seq)}")
    fields.setdefault("activity_type", ActivityType.TECHNICAL_ASSISTANCE)
    fields.setdefault("start_date", datetime.date(2012, 1, 1))
    activity = Activity.objects.create(country=country or make_country(), **fields)
    for agency, role in (agencies or {}).items():
        ActivityAgency.objects.create(activity=activity, agency=agency, role=role)
    return activity


def make_user(username: str = "", **fields) -> User:
    username = username or f"user{next(_seq)}"
    fields.setdefault("email", f"{username}@example.org")
    return User.objects.create_user(username=username, password="test-password-123", **fields)


def make_member(*agencies: Agency, username: str = "", **fields) -> User:
    """A person who speaks for the given agencies."""
    user = make_user(username, **fields)
    for agency in agencies:
        Membership.objects.create(profile=user.profile, agency=agency)
    return user


def make_secretariat(username: str = "", **fields) -> User:
    """A member of the ILO secretariat (staff, in the Secretariat group)."""
    user = make_user(username, is_staff=True, **fields)
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    user.groups.add(group)
    return user


__all__ = [
    "Role",
    "make_activity",
    "make_agency",
    "make_country",
    "make_focal_point",
    "make_member",
    "make_placed_activity",
    "make_secretariat",
    "make_user",
]


def make_placed_activity(
    scope: str,
    agencies: dict[Agency, str] | None = None,
    *,
    region: str = "",
    main: Country | None = None,
    countries: tuple[Country, ...] = (),
    subdivisions: tuple = (),
    themes: tuple = (),
    **fields,
) -> Activity:
    """An activity beyond one country (or placed inside one), written through the places'
    rules (activities.places.set_places): `countries` are those it covers besides `main`."""
    from activities.places import set_places, set_themes

    fields.setdefault("title", f"Activity {next(_seq)}")
    fields.setdefault("activity_type", ActivityType.COORDINATION)
    fields.setdefault("start_date", datetime.date(2012, 1, 1))
    activity = Activity(**fields)
    covered = [main, *countries] if main is not None else list(countries)
    set_places(
        activity,
        scope=scope,
        region=region,
        main=main,
        countries=covered,
        subdivisions=subdivisions,
    )
    if themes:
        set_themes(activity, themes)
    for agency, role in (agencies or {}).items():
        ActivityAgency.objects.create(activity=activity, agency=agency, role=role)
    return activity
